package org.newsdesk.site;

import org.newsdesk.platform.Config;

/**
 * The site's absolute address, for feeds, sitemaps and mail: always {@code NEWSDESK_SITE_URL}, never what
 * a request says it was made to (a forged {@code Host} header would otherwise reach every reader).
 */
public final class PublicAddress {

    private PublicAddress() {
    }

    public static String site() {
        return Config.siteUrl();
    }
}
