-- What each outlet allows beyond its word limit (issue 14), applied by the publish guard (PublicationCheck):
-- the share of an article one excerpt may quote, whether its photos may be used (ALWAYS, WITH_LICENCE, NEVER,
-- stored by name as post.status is), the form its photo credits must take ({name} stands for the
-- photographer's name), and whether its articles are behind a paywall (readers are told next to the link).
ALTER TABLE outlet
    ADD COLUMN max_quote_percent   INT          NULL,
    ADD COLUMN photo_policy        VARCHAR(16)  NOT NULL DEFAULT 'ALWAYS',
    ADD COLUMN photo_credit_format VARCHAR(200) NULL,
    ADD COLUMN paywalled           BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT ck_outlet_max_quote_percent CHECK (max_quote_percent IS NULL OR max_quote_percent BETWEEN 1 AND 100),
    ADD CONSTRAINT ck_outlet_photo_policy CHECK (photo_policy IN ('ALWAYS', 'WITH_LICENCE', 'NEVER'));

-- The source article's length in words, for the share rule (typed on the compose page, or filled in by an
-- import), and the licence under which an excerpt's photo is used, for outlets that allow photos only so.
-- An editor's length_override_reason now answers every outlet rule the excerpt breaks, not only the word limit.
ALTER TABLE excerpt
    ADD COLUMN source_word_count INT          NULL,
    ADD COLUMN photo_licence     VARCHAR(500) NULL,
    ADD CONSTRAINT ck_excerpt_source_word_count CHECK (source_word_count IS NULL OR source_word_count > 0);
