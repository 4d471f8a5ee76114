package org.newsdesk.platform;

import java.util.Locale;

/**
 * The language readers are addressed in: the site's own ({@code NEWSDESK_SITE_LANGUAGE}, or the desk's
 * override). Told by the site package, which keeps the site's settings, to the packages below it that word
 * things for readers (comments, mail).
 */
public interface SiteLanguage {

    Locale locale();

    /** The site's name, as mail to readers signs it. */
    String siteName();

    /** The site's logo, as mail to readers shows it: an address on the site ("/media/…") or whole; null for none. */
    default String logo() {
        return null;
    }
}
