-- The editorial desk: who last saved a post (for edit-conflict messages) and review notes.
ALTER TABLE post ADD COLUMN updated_by BIGINT NULL AFTER updated_at,
    ADD CONSTRAINT fk_post_updated_by FOREIGN KEY (updated_by) REFERENCES users (id);
ALTER TABLE post ADD COLUMN submitted_at DATETIME NULL AFTER updated_by;
CREATE INDEX ix_post_author ON post (author_id, id);
CREATE INDEX ix_post_updated ON post (updated_at, id);
