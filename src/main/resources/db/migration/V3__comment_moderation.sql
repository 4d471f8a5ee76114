-- Comment moderation: what the rules need to look up, reader reports, bans, and the per-post window.
-- Times are DATETIME in UTC, second precision (Connector/J against MariaDB drops fractions).

ALTER TABLE comment
    ADD COLUMN notify_on_approval BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN previous_status    VARCHAR(16) NULL,
    ADD COLUMN reports_open       INT         NOT NULL DEFAULT 0,
    ADD COLUMN hidden_by_reports  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD INDEX ix_comment_author_email (author_email, status),
    ADD INDEX ix_comment_ip_time (ip_hash, created_at),
    ADD INDEX ix_comment_reports (reports_open, id);

-- Days after publication that a post stops taking comments; NULL follows the site setting, 0 never closes.
ALTER TABLE post
    ADD COLUMN comments_close_after_days INT NULL;

-- One reader's report of one comment. A reader is known only by the hash of their address, which is
-- what makes reports "distinct".
CREATE TABLE comment_report (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    comment_id    BIGINT       NOT NULL,
    reporter_hash CHAR(64)     NOT NULL,
    reason        VARCHAR(40)  NOT NULL,
    details       VARCHAR(500) NULL,
    created_at    DATETIME     NOT NULL,
    resolved_at   DATETIME     NULL,
    CONSTRAINT uk_comment_report_reporter UNIQUE (comment_id, reporter_hash),
    CONSTRAINT fk_comment_report_comment FOREIGN KEY (comment_id) REFERENCES comment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Banned authors, by the keyed hash of their email address or network address: never the plain value.
CREATE TABLE comment_ban (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind        VARCHAR(16)  NOT NULL,
    value_hash  CHAR(64)     NOT NULL,
    note        VARCHAR(500) NULL,
    comment_id  BIGINT       NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  DATETIME     NOT NULL,
    CONSTRAINT uk_comment_ban UNIQUE (kind, value_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
