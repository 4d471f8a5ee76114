-- Whether a photo's stored original has been cleaned of private metadata (GPS position, maker notes, XMP,
-- comments). Uploads are cleaned as they arrive since issue 9; photos stored before that are cleaned once,
-- in the background, by PhotoMetadataSweep. Every row here now is taken as not yet cleaned: cleaning one
-- twice changes nothing.
ALTER TABLE photo ADD COLUMN metadata_cleaned BOOLEAN NOT NULL DEFAULT FALSE;
