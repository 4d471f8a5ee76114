-- What a section or a tag covers: shown under its name on its page, in its feed and its share card.
ALTER TABLE section ADD COLUMN description VARCHAR(500) NULL;
ALTER TABLE tag ADD COLUMN description VARCHAR(500) NULL;

-- The site's menu: the sections an editor put in it, in the order given (section.position). A section
-- made on the compose page waits off the menu until an editor adds it; those already here stay in it.
ALTER TABLE section ADD COLUMN in_menu BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE section SET in_menu = TRUE;
