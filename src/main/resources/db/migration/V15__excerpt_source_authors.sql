-- Who wrote the source article an excerpt quotes, as its page names them ("Jane Roe, John Doe"), filled by import
-- from a URL and shown with the outlet under the excerpt.
ALTER TABLE excerpt
    ADD COLUMN source_authors VARCHAR(300) NULL AFTER original_published_on;
