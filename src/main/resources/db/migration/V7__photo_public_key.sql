-- Photos were served at their row id, so anyone could walk the whole library, drafts included, by
-- counting. Each photo gets a random 128-bit key (32 hex digits) that its public address uses instead;
-- photos already there get theirs here. RANDOM_BYTES is cryptographically random on MySQL 8 and
-- MariaDB 10.10 and later, unlike UUID(), whose version-1 values are mostly time and host.
ALTER TABLE photo ADD COLUMN public_key CHAR(32) NULL AFTER id;

UPDATE photo SET public_key = LOWER(HEX(RANDOM_BYTES(16))) WHERE public_key IS NULL;

ALTER TABLE photo MODIFY public_key CHAR(32) NOT NULL,
    ADD CONSTRAINT uk_photo_public_key UNIQUE (public_key);
