-- A send of the daily digest (or of one post as breaking news) to every confirmed subscriber (issue 29). send_key is
-- unique ("digest:2026-12-08", "breaking:42"), so one send a day, and one per post, across the cluster. It is built
-- in chunks of subscribers by id (last_subscriber_id), each chunk one transaction that queues its mails in the outbox;
-- whoever holds the claim (claimed_until) builds, and a send whose builder stopped is taken over once the claim ran out.
CREATE TABLE newsletter_send (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind                VARCHAR(16)   NOT NULL,
    send_key            VARCHAR(64)   NOT NULL,
    post_id             BIGINT        NULL,
    since               DATETIME(6)   NULL,
    until               DATETIME(6)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    posts               INT           NOT NULL DEFAULT 0,
    last_subscriber_id  BIGINT        NOT NULL DEFAULT 0,
    queued              INT           NOT NULL DEFAULT 0,
    claimed_until       DATETIME(6)   NULL,
    started_by          VARCHAR(64)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    finished_at         DATETIME(6)   NULL,
    UNIQUE KEY newsletter_send_key (send_key),
    KEY newsletter_send_status (status, claimed_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which send a mail belongs to; a subscriber gets one mail per send however often a chunk is built again.
ALTER TABLE mail_outbox ADD COLUMN send_id BIGINT NULL AFTER subscriber_id,
    ADD UNIQUE KEY mail_outbox_send_subscriber (send_id, subscriber_id),
    ADD CONSTRAINT mail_outbox_send FOREIGN KEY (send_id) REFERENCES newsletter_send (id) ON DELETE SET NULL;
