-- The source inbox (issue 27): outlets' feeds read in the background, their articles kept once each and
-- grouped by story, with each person's read and starred marks, keyword watches and nominations.

-- A feed of an outlet: RSS, Atom, JSON Feed or a Google News sitemap. url_hash (SHA-256 of the address) keeps
-- addresses unique. What its last read answered, for the desk; when to read it next (backoff included); its
-- WebSub hub, the secret its pushes are signed with, when a subscription was last asked for and until when it holds.
CREATE TABLE outlet_feed (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    outlet_id        BIGINT        NOT NULL,
    url              VARCHAR(2000) NOT NULL,
    url_hash         CHAR(64)      NOT NULL,
    title            VARCHAR(500)  NULL,
    format           VARCHAR(20)   NULL,
    section          VARCHAR(100)  NULL,
    language         VARCHAR(35)   NULL,
    active           BOOLEAN       NOT NULL DEFAULT TRUE,
    hub_url          VARCHAR(2000) NULL,
    websub_secret    VARCHAR(64)   NULL,
    websub_asked_at  DATETIME(6)   NULL,
    websub_until     DATETIME(6)   NULL,
    etag             VARCHAR(500)  NULL,
    last_modified    VARCHAR(100)  NULL,
    next_read_at     DATETIME(6)   NOT NULL,
    last_read_at     DATETIME(6)   NULL,
    last_status      INT           NULL,
    last_items       INT           NULL,
    last_new_items   INT           NULL,
    items_total      INT           NOT NULL DEFAULT 0,
    failures         INT           NOT NULL DEFAULT 0,
    last_error       VARCHAR(500)  NULL,
    created_at       DATETIME(6)   NOT NULL,
    UNIQUE KEY outlet_feed_url (url_hash),
    KEY outlet_feed_due (active, next_read_at),
    CONSTRAINT outlet_feed_outlet FOREIGN KEY (outlet_id) REFERENCES outlet (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A story: the articles of several outlets that say the same thing (post.StorySimilarity over titles and
-- summaries). Its times and counts are kept as articles join it, so the inbox lists stories by one index.
CREATE TABLE inbox_story (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title            VARCHAR(1000) NOT NULL,
    first_at         DATETIME(6)   NOT NULL,
    latest_at        DATETIME(6)   NOT NULL,
    articles         INT           NOT NULL DEFAULT 0,
    covered_post_id  BIGINT        NULL,
    KEY inbox_story_latest (latest_at),
    CONSTRAINT inbox_story_post FOREIGN KEY (covered_post_id) REFERENCES post (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The inbox's word filter searches titles and summaries through a full-text index (bench/inbox.sh: a LIKE over
-- 100,000 articles took 300 ms); without stopwords, so that any word a desk searches for is found.
SET SESSION innodb_ft_enable_stopword = 0;

-- An article a feed brought, once per article: by the feed's GUID within its outlet, else by its address
-- (url_hash: SHA-256 of the normalised address). found_at is when Newsdesk first saw it; listed_at the time the
-- inbox sorts by (the article's own date, never later than when it was found).
CREATE TABLE inbox_item (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    outlet_id        BIGINT        NOT NULL,
    feed_id          BIGINT        NULL,
    story_id         BIGINT        NULL,
    guid_hash        CHAR(64)      NULL,
    url              VARCHAR(2000) NOT NULL,
    url_hash         CHAR(64)      NOT NULL,
    title            VARCHAR(1000) NOT NULL,
    summary          TEXT          NULL,
    author           VARCHAR(300)  NULL,
    image_url        VARCHAR(2000) NULL,
    language         VARCHAR(35)   NULL,
    section          VARCHAR(100)  NULL,
    published_at     DATETIME(6)   NULL,
    updated_at       DATETIME(6)   NULL,
    found_at         DATETIME(6)   NOT NULL,
    listed_at        DATETIME(6)   NOT NULL,
    quoted_post_id   BIGINT        NULL,
    quoted_by        BIGINT        NULL,
    quoted_at        DATETIME(6)   NULL,
    UNIQUE KEY inbox_item_url (url_hash),
    UNIQUE KEY inbox_item_guid (outlet_id, guid_hash),
    KEY inbox_item_story (story_id, listed_at),
    KEY inbox_item_listed (listed_at),
    KEY inbox_item_feed (feed_id),
    FULLTEXT KEY inbox_item_words (title, summary),
    CONSTRAINT inbox_item_outlet FOREIGN KEY (outlet_id) REFERENCES outlet (id) ON DELETE CASCADE,
    CONSTRAINT inbox_item_feed FOREIGN KEY (feed_id) REFERENCES outlet_feed (id) ON DELETE SET NULL,
    CONSTRAINT inbox_item_story FOREIGN KEY (story_id) REFERENCES inbox_story (id) ON DELETE SET NULL,
    CONSTRAINT inbox_item_post FOREIGN KEY (quoted_post_id) REFERENCES post (id) ON DELETE SET NULL,
    CONSTRAINT inbox_item_quoter FOREIGN KEY (quoted_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each person's marks: an article read or starred, a story dismissed.
CREATE TABLE inbox_mark (
    user_id          BIGINT        NOT NULL,
    item_id          BIGINT        NOT NULL,
    read_at          DATETIME(6)   NULL,
    starred_at       DATETIME(6)   NULL,
    PRIMARY KEY (user_id, item_id),
    KEY inbox_mark_item (item_id),
    CONSTRAINT inbox_mark_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT inbox_mark_item FOREIGN KEY (item_id) REFERENCES inbox_item (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inbox_dismissal (
    user_id          BIGINT        NOT NULL,
    story_id         BIGINT        NOT NULL,
    dismissed_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (user_id, story_id),
    CONSTRAINT inbox_dismissal_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT inbox_dismissal_story FOREIGN KEY (story_id) REFERENCES inbox_story (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person's keyword watch, and the articles it matched when they arrived.
CREATE TABLE inbox_watch (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id          BIGINT        NOT NULL,
    words            VARCHAR(200)  NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    seen_at          DATETIME(6)   NOT NULL,
    KEY inbox_watch_user (user_id),
    CONSTRAINT inbox_watch_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inbox_watch_hit (
    watch_id         BIGINT        NOT NULL,
    item_id          BIGINT        NOT NULL,
    found_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (watch_id, item_id),
    KEY inbox_watch_hit_item (item_id),
    CONSTRAINT inbox_watch_hit_watch FOREIGN KEY (watch_id) REFERENCES inbox_watch (id) ON DELETE CASCADE,
    CONSTRAINT inbox_watch_hit_item FOREIGN KEY (item_id) REFERENCES inbox_item (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A writer's nomination of an article, with a note, and the editor's decision.
CREATE TABLE inbox_nomination (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id          BIGINT        NOT NULL,
    nominated_by     BIGINT        NULL,
    note             VARCHAR(1000) NULL,
    created_at       DATETIME(6)   NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    decided_by       BIGINT        NULL,
    decided_at       DATETIME(6)   NULL,
    decision_note    VARCHAR(1000) NULL,
    post_id          BIGINT        NULL,
    KEY inbox_nomination_open (status, created_at),
    CONSTRAINT inbox_nomination_item FOREIGN KEY (item_id) REFERENCES inbox_item (id) ON DELETE CASCADE,
    CONSTRAINT inbox_nomination_writer FOREIGN KEY (nominated_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT inbox_nomination_editor FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT inbox_nomination_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE SET NULL,
    CONSTRAINT inbox_nomination_status CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO job_lease (name, holder, held_until) VALUES ('feed-reader', NULL, '2000-01-01 00:00:00');
