package org.newsdesk.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a public page says about itself while it renders: that it is the same for every reader (and so
 * may be kept by {@link PageCache} and by caches in front), what it shows (its tags, which changes name to
 * invalidate it), and until when it holds at the latest (a comment form that closes at a set time).
 * A page that never calls {@link #sameForEveryReader()} is never cached anywhere.
 *
 * <pre>
 * pageTags.sameForEveryReader();
 * pageTags.add("post:" + post.getId());
 * pageTags.holdsUntil(window.closesAt());
 * </pre>
 */
@RequestScoped
public class PageTags {

    /** For public pages: caches in front keep them briefly and serve a stale copy while they ask again. */
    public static final String PUBLIC_CACHE_CONTROL = "public, max-age=" + PlatformConfig.PAGE_MAX_AGE_SECONDS.value()
            + ", stale-while-revalidate=60, stale-if-error=86400";

    /** For the desk and anything personal. */
    public static final String PRIVATE_CACHE_CONTROL = "private, no-store";

    /** The response being rendered, and whether its request is a plain reader's, as {@link PageCacheFilter} says. */
    private HttpServletResponse response;
    private boolean plainRequest;

    private final Set<String> tags = new LinkedHashSet<>();
    private boolean shared;
    private Instant holdsUntil;
    private Instant lastModified;

    /**
     * Marks the page as the same bytes for every reader; without this it is private. Has no effect on a
     * request that is not a plain reader's GET ({@link #isPlainRequest()}), whose page may be personal.
     */
    public void sameForEveryReader() {
        if (!isPlainRequest()) {
            return;
        }
        shared = true;
        if (response != null && !response.isCommitted()) {
            response.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
        }
    }

    void attach(boolean plain, HttpServletResponse rendering) {
        plainRequest = plain;
        response = rendering;
    }

    /**
     * Whether this request is one whose page can be the same for every reader: a GET or HEAD with no
     * session, no cookie that personalises the page and no query parameter but {@code page}. Pages leave
     * out everything personal (a form token, a remembered name) on such a request, and put it in otherwise.
     */
    public boolean isPlainRequest() {
        return plainRequest;
    }

    public void add(String tag) {
        tags.add(tag);
    }

    /** The page changes at this time without any event (null: no such time). */
    public void holdsUntil(Instant until) {
        if (until != null && (holdsUntil == null || until.isBefore(holdsUntil))) {
            holdsUntil = until;
        }
    }

    /**
     * When what the page shows last changed, if the page knows it better than "when it was rendered" (a feed:
     * its newest edit); caches answer {@code Last-Modified} with it.
     */
    public void lastModified(Instant changed) {
        lastModified = changed;
    }

    /** The page's own last change, or null when it did not say. */
    public Instant lastModified() {
        return lastModified;
    }

    public boolean isShared() {
        return shared;
    }

    public Set<String> tags() {
        return tags;
    }

    public Instant holdsUntil() {
        return holdsUntil;
    }
}
