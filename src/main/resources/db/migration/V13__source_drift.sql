-- The source-drift monitor (issue 14) re-reads the articles recent posts quote and records what changed.

-- One row per source article address it watches: what the page said when last read, the validators for a
-- conditional GET, when to read it next, and until when (the last post quoting it, plus the window). url_hash (SHA-256 of the address) keeps addresses unique,
-- which may be longer than an index allows.
CREATE TABLE source_check (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    article_url      VARCHAR(2000) NOT NULL,
    url_hash         CHAR(64)      NOT NULL,
    host             VARCHAR(253)  NOT NULL,
    next_check_at    DATETIME(6)   NOT NULL,
    watch_until      DATETIME(6)   NOT NULL,
    last_checked_at  DATETIME(6)   NULL,
    checks           INT           NOT NULL DEFAULT 0,
    status           INT           NULL,
    final_url        VARCHAR(2000) NULL,
    headline         VARCHAR(1000) NULL,
    correction       VARCHAR(1000) NULL,
    paywalled        BOOLEAN       NULL,
    etag             VARCHAR(500)  NULL,
    last_modified    VARCHAR(100)  NULL,
    failures         INT           NOT NULL DEFAULT 0,
    last_error       VARCHAR(500)  NULL,
    UNIQUE KEY source_check_url (url_hash),
    KEY source_check_due (next_check_at),
    KEY source_check_host (host)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A change found in a source: gone, moved, headline changed, correction added, now paywalled. The same
-- change is recorded once (change_hash: SHA-256 of kind and new value) however often it is read again.
CREATE TABLE source_drift (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source_check_id  BIGINT        NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    before_value     VARCHAR(2000) NULL,
    after_value      VARCHAR(2000) NULL,
    change_hash      CHAR(64)      NOT NULL,
    found_at         DATETIME(6)   NOT NULL,
    handled_at       DATETIME(6)   NULL,
    handled_by       BIGINT        NULL,
    handled_how      VARCHAR(20)   NULL,
    UNIQUE KEY source_drift_once (source_check_id, change_hash),
    KEY source_drift_found (found_at),
    CONSTRAINT source_drift_check FOREIGN KEY (source_check_id) REFERENCES source_check (id) ON DELETE CASCADE,
    CONSTRAINT source_drift_handler FOREIGN KEY (handled_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT source_drift_kind CHECK (kind IN ('GONE', 'MOVED', 'HEADLINE', 'CORRECTION', 'PAYWALL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each outlet's host as the monitor treats it: not asked again before next_request_at, and its robots.txt.
CREATE TABLE source_host (
    host              VARCHAR(253)  NOT NULL PRIMARY KEY,
    next_request_at   DATETIME(6)   NOT NULL,
    robots            MEDIUMBLOB    NULL,
    robots_status     INT           NULL,
    robots_read_at    DATETIME(6)   NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A job that must run on one instance of a cluster at a time takes the lease until a time; another
-- instance finds it taken and skips its turn.
CREATE TABLE job_lease (
    name       VARCHAR(60)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(120) NULL,
    held_until DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO job_lease (name, holder, held_until) VALUES ('source-drift', NULL, '2000-01-01 00:00:00');

-- Corrections readers see under a post: a note an editor adds, dated, for example when a source changed.
CREATE TABLE post_correction (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id     BIGINT       NOT NULL,
    note        TEXT         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  BIGINT       NULL,
    KEY post_correction_post (post_id, created_at),
    CONSTRAINT post_correction_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT post_correction_author FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
