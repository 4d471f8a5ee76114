-- The daily digest's readers (issue 29): an address subscribed without an account, its sections, and the mail
-- outbox every newsletter mail goes through.

-- A subscriber. email_key (the address in lower case) keeps an address once; status moves PENDING (asked, not
-- confirmed: nothing but the confirmation is ever sent) -> CONFIRMED -> UNSUBSCRIBED, or BOUNCED when its mail was
-- refused for good. all_sections: every section, now and later; otherwise those in subscriber_section.
CREATE TABLE subscriber (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email            VARCHAR(254)  NOT NULL,
    email_key        VARCHAR(254)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    all_sections     BOOLEAN       NOT NULL DEFAULT TRUE,
    language         VARCHAR(35)   NULL,
    ip_hash          VARCHAR(64)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    asked_at         DATETIME(6)   NOT NULL,
    confirmed_at     DATETIME(6)   NULL,
    left_at          DATETIME(6)   NULL,
    bounced_at       DATETIME(6)   NULL,
    UNIQUE KEY subscriber_email (email_key),
    KEY subscriber_status (status, id),
    KEY subscriber_asked (ip_hash, asked_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE subscriber_section (
    subscriber_id    BIGINT        NOT NULL,
    section_id       BIGINT        NOT NULL,
    PRIMARY KEY (subscriber_id, section_id),
    CONSTRAINT subscriber_section_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id) ON DELETE CASCADE,
    CONSTRAINT subscriber_section_section FOREIGN KEY (section_id) REFERENCES section (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One mail to send, written in the transaction that decided to send it. A worker claims due rows (QUEUED, or
-- SENDING whose claim ran out: an instance stopped mid-send) with SELECT ... FOR UPDATE SKIP LOCKED, so each is
-- worked by one instance; SENT once the SMTP server took it; retried with backoff; FAILED after the last try or a
-- permanent refusal. message_id is the mail's Message-ID, the same on every try.
CREATE TABLE mail_outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(24)   NOT NULL,
    subscriber_id    BIGINT        NULL,
    recipient        VARCHAR(254)  NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    text_body        MEDIUMTEXT    NOT NULL,
    html_body        MEDIUMTEXT    NULL,
    language         VARCHAR(35)   NULL,
    unsubscribe_url  VARCHAR(1000) NULL,
    message_id       VARCHAR(255)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)   NOT NULL,
    claimed_until    DATETIME(6)   NULL,
    last_error       VARCHAR(500)  NULL,
    created_at       DATETIME(6)   NOT NULL,
    sent_at          DATETIME(6)   NULL,
    UNIQUE KEY mail_outbox_message (message_id),
    KEY mail_outbox_due (status, next_attempt_at),
    KEY mail_outbox_subscriber (subscriber_id),
    CONSTRAINT mail_outbox_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
