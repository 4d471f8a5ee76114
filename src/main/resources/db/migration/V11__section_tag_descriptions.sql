-- What a section or a tag covers: shown under its name on its page, in its feed and its share card.
ALTER TABLE section ADD COLUMN description VARCHAR(500) NULL;
ALTER TABLE tag ADD COLUMN description VARCHAR(500) NULL;

-- The site's menu: the sections an editor put in it, in the order given (section.position). A section
-- made on the compose page waits off the menu until an editor adds it; those already here stay in it.
ALTER TABLE section ADD COLUMN in_menu BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE section SET in_menu = TRUE;

-- Logos uploaded on the desk's Site page, by the hash of their bytes: the logo setting names one as
-- /site-logo/{hash}.png, served for a year as immutable. Earlier ones stay, so a page kept by a cache
-- that still names one still shows it.
CREATE TABLE site_logo (
    sha256      CHAR(64)     NOT NULL PRIMARY KEY,
    mime_type   VARCHAR(40)  NOT NULL,
    bytes       MEDIUMBLOB   NOT NULL,
    uploaded_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A photo's alt text as the excerpt uses it: prefilled from the media library's when the photo is chosen,
-- and required before the post is published. Excerpts already written keep falling back to the library's.
ALTER TABLE excerpt ADD COLUMN photo_alt VARCHAR(500) NULL;
