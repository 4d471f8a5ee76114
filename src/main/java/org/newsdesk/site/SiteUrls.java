package org.newsdesk.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The public site's clean URLs, in one place. */
public final class SiteUrls {

    private SiteUrls() {
    }

    public static String post(String slug) {
        return "/post/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }
}
