-- The compose page saves what an editor types in the background (issue 13): one autosave per member of
-- staff and post, replaced each time, never a revision. post_id 0 is the new post they have not saved yet.
-- base_version is the post's version the autosave was typed over, to tell whether others saved since.
CREATE TABLE post_autosave (
    user_id      BIGINT      NOT NULL,
    post_id      BIGINT      NOT NULL,
    base_version BIGINT      NOT NULL,
    draft        MEDIUMTEXT  NOT NULL,
    saved_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, post_id),
    CONSTRAINT post_autosave_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who has a post open on the compose page: the page reports every few seconds while open, so a row
-- younger than a minute means "open now".
CREATE TABLE post_presence (
    post_id  BIGINT      NOT NULL,
    user_id  BIGINT      NOT NULL,
    seen_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (post_id, user_id),
    KEY post_presence_seen (seen_at),
    CONSTRAINT post_presence_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT post_presence_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "This source was quoted in another post this week" looks excerpts up by their article's address.
CREATE INDEX excerpt_article_url ON excerpt (article_url(255));
