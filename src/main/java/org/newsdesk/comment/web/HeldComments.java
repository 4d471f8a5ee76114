package org.newsdesk.comment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsdesk.platform.PageCacheFilter;
import org.newsdesk.platform.SiteKey;

/**
 * Remembers, in a signed cookie, which held comments this browser wrote, so their author sees them
 * marked "awaiting moderation" on later visits while nobody else sees them. No account, no session;
 * pages are only personalised for readers who carry the cookie.
 */
@RequestScoped
public class HeldComments {

    /** Its holder's post pages are their own: the page cache leaves them out. */
    static final String COOKIE = PageCacheFilter.HELD_COMMENTS_COOKIE;
    private static final int MAX_REMEMBERED = 20;
    private static final int MAX_AGE_SECONDS = 30 * 24 * 3600;

    @Inject
    private HttpServletRequest request;

    @Inject
    private SiteKey siteKey;

    private Set<Long> ids;

    /** The comment ids this browser has written, as far as the cookie vouches. */
    public Set<Long> ids() {
        if (ids == null) {
            ids = new LinkedHashSet<>();
            Cookie[] cookies = request.getCookies();
            for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    ids.addAll(parse(cookie.getValue()));
                }
            }
        }
        return ids;
    }

    public void remember(long commentId, HttpServletResponse response) {
        List<Long> kept = new ArrayList<>(ids());
        kept.add(commentId);
        if (kept.size() > MAX_REMEMBERED) {
            kept = kept.subList(kept.size() - MAX_REMEMBERED, kept.size());
        }
        ids = new LinkedHashSet<>(kept);
        String list = kept.stream().map(String::valueOf).collect(Collectors.joining("-"));
        response.addCookie(readerCookie(request, COOKIE, list + "." + siteKey.sign("held:" + list), MAX_AGE_SECONDS));
    }

    /**
     * A cookie of the reader's own: for this site's pages only, never read by scripts, sent on links from other
     * sites but not on their forms (SameSite=Lax), and only over HTTPS when the page came that way.
     */
    static Cookie readerCookie(HttpServletRequest request, String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private Set<Long> parse(String value) {
        int dot = value.lastIndexOf('.');
        if (dot < 1 || !siteKey.verify("held:" + value.substring(0, dot), value.substring(dot + 1))) {
            return Set.of();
        }
        try {
            return Arrays.stream(value.substring(0, dot).split("-")).map(Long::valueOf)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (NumberFormatException e) {
            return Set.of();
        }
    }
}
