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
}
