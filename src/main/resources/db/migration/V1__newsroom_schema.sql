-- Newsdesk's first schema. utf8mb4 everywhere so Arabic, Hebrew and emoji round-trip.
-- Times are DATETIME in UTC, second precision (Connector/J against MariaDB drops fractions).

CREATE TABLE users (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(120) NOT NULL,
    email          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins  INT          NOT NULL DEFAULT 0,
    locked_until   DATETIME     NULL,
    created_at     DATETIME     NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_users_username UNIQUE (username),
    CONSTRAINT uk_users_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE outlet (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(120) NOT NULL,
    domain            VARCHAR(253) NOT NULL,
    credit_style      VARCHAR(200) NULL,
    max_excerpt_words INT          NULL,
    notes             TEXT         NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_outlet_name UNIQUE (name),
    CONSTRAINT uk_outlet_domain UNIQUE (domain)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE photo (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    storage_key       VARCHAR(100) NOT NULL,
    original_filename VARCHAR(255) NOT NULL,
    mime_type         VARCHAR(40)  NOT NULL,
    width             INT          NOT NULL,
    height            INT          NOT NULL,
    size_bytes        BIGINT       NOT NULL,
    sha256            CHAR(64)     NOT NULL,
    alt_text          VARCHAR(500) NULL,
    default_caption   TEXT         NULL,
    default_credit    VARCHAR(300) NULL,
    uploaded_by       BIGINT       NULL,
    uploaded_at       DATETIME     NOT NULL,
    CONSTRAINT uk_photo_storage_key UNIQUE (storage_key),
    CONSTRAINT fk_photo_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES users (id),
    INDEX ix_photo_sha256 (sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE photo_variant (
    photo_id    BIGINT       NOT NULL,
    name        VARCHAR(16)  NOT NULL,
    storage_key VARCHAR(100) NOT NULL,
    mime_type   VARCHAR(40)  NOT NULL,
    width       INT          NOT NULL,
    height      INT          NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    PRIMARY KEY (photo_id, name),
    CONSTRAINT fk_photo_variant_photo FOREIGN KEY (photo_id) REFERENCES photo (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE section (
    id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug     VARCHAR(100) NOT NULL,
    name     VARCHAR(100) NOT NULL,
    position INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_section_slug UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tag (
    id   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug VARCHAR(100) NOT NULL,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT uk_tag_slug UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE post (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug           VARCHAR(200) NOT NULL,
    headline       VARCHAR(300) NOT NULL,
    section_id     BIGINT       NULL,
    status         VARCHAR(16)  NOT NULL,
    author_id      BIGINT       NULL,
    created_at     DATETIME     NOT NULL,
    updated_at     DATETIME     NOT NULL,
    publish_at     DATETIME     NULL,
    published_at   DATETIME     NULL,
    comments_open  BOOLEAN      NOT NULL DEFAULT TRUE,
    review_note    TEXT         NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_post_slug UNIQUE (slug),
    CONSTRAINT fk_post_section FOREIGN KEY (section_id) REFERENCES section (id),
    CONSTRAINT fk_post_author FOREIGN KEY (author_id) REFERENCES users (id),
    INDEX ix_post_status_published (status, published_at, id),
    INDEX ix_post_publish_at (status, publish_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE post_tag (
    post_id BIGINT NOT NULL,
    tag_id  BIGINT NOT NULL,
    PRIMARY KEY (post_id, tag_id),
    CONSTRAINT fk_post_tag_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE excerpt (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id                 BIGINT        NOT NULL,
    position                INT           NOT NULL,
    outlet_id               BIGINT        NULL,
    article_url             VARCHAR(2048) NULL,
    original_published_on   DATE          NULL,
    dek                     TEXT          NULL,
    body                    MEDIUMTEXT    NULL,
    photo_id                BIGINT        NULL,
    caption                 TEXT          NULL,
    credit_line             VARCHAR(300)  NULL,
    length_override_reason  VARCHAR(500)  NULL,
    CONSTRAINT fk_excerpt_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_excerpt_outlet FOREIGN KEY (outlet_id) REFERENCES outlet (id),
    CONSTRAINT fk_excerpt_photo FOREIGN KEY (photo_id) REFERENCES photo (id),
    INDEX ix_excerpt_post (post_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE related_link (
    excerpt_id BIGINT        NOT NULL,
    position   INT           NOT NULL,
    title      VARCHAR(300)  NOT NULL,
    url        VARCHAR(2048) NOT NULL,
    PRIMARY KEY (excerpt_id, position),
    CONSTRAINT fk_related_link_excerpt FOREIGN KEY (excerpt_id) REFERENCES excerpt (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE post_revision (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id    BIGINT       NOT NULL,
    number     INT          NOT NULL,
    editor_id  BIGINT       NULL,
    created_at DATETIME     NOT NULL,
    headline   VARCHAR(300) NOT NULL,
    snapshot   MEDIUMTEXT   NOT NULL,
    note       VARCHAR(500) NULL,
    CONSTRAINT uk_post_revision UNIQUE (post_id, number),
    CONSTRAINT fk_post_revision_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_revision_editor FOREIGN KEY (editor_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE comment (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id        BIGINT        NOT NULL,
    parent_id      BIGINT        NULL,
    depth          INT           NOT NULL DEFAULT 0,
    author_name    VARCHAR(100)  NOT NULL,
    author_email   VARCHAR(254)  NOT NULL,
    author_website VARCHAR(2048) NULL,
    body           MEDIUMTEXT    NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    staff          BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at     DATETIME      NOT NULL,
    ip_hash        CHAR(64)      NULL,
    user_agent     VARCHAR(512)  NULL,
    held_by_rule   VARCHAR(64)   NULL,
    held_reason    VARCHAR(500)  NULL,
    moderated_by   BIGINT        NULL,
    moderated_at   DATETIME      NULL,
    CONSTRAINT fk_comment_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_comment_parent FOREIGN KEY (parent_id) REFERENCES comment (id),
    CONSTRAINT fk_comment_moderated_by FOREIGN KEY (moderated_by) REFERENCES users (id),
    INDEX ix_comment_post_status (post_id, status, id),
    INDEX ix_comment_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Nonces of comment-form tokens already spent: a token is good for one post only.
CREATE TABLE spent_form_token (
    nonce    CHAR(32) NOT NULL PRIMARY KEY,
    spent_at DATETIME NOT NULL,
    INDEX ix_spent_form_token_time (spent_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

CREATE TABLE audit_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME     NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    object_type VARCHAR(32)  NULL,
    object_id   BIGINT       NULL,
    detail      TEXT         NULL,
    INDEX ix_audit_object (object_type, object_id, id),
    INDEX ix_audit_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Site-wide settings and secrets that every instance must share (the form-signing key, for one).
CREATE TABLE setting (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    value VARCHAR(2000) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
