package org.newsdesk.site;

import jakarta.servlet.http.HttpServletRequest;
import org.newsdesk.platform.Config;

/**
 * The site's absolute address, for feeds, sitemaps and mail: {@code NEWSDESK_SITE_URL} when set (behind a
 * proxy or CDN it must be), otherwise what the request was made to.
 */
public final class PublicAddress {

    private PublicAddress() {
    }

    public static String of(HttpServletRequest request) {
        return Config.value("SITE_URL").map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> request.getScheme() + "://" + request.getServerName()
                        + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort())
                        + request.getContextPath());
    }
}
