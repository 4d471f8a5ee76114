-- The language of the desk for each member of staff (a BCP 47 tag: en, ar); null follows the site's language
-- where the desk speaks it, else English.
alter table users add column desk_language varchar(35) null;
