-- Sessions are checked against their account on every request: disabling an account, changing its
-- roles or its password raises this number, and a session signed in under an older number is ended.
-- Looked up by username, which has its own unique index.
ALTER TABLE users ADD COLUMN credentials_version BIGINT NOT NULL DEFAULT 0;
