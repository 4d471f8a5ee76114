package org.newsdesk.site;

import java.time.Instant;
import java.util.List;
import org.newsdesk.post.Post;

/**
 * One feed's posts, whole: the site's newest, a section's or a tag's.
 *
 * @param title       "Newsdesk", or "Newsdesk: Middle East"
 * @param description the site's tagline or the section's description
 * @param pagePath    the listing it follows, on this site: {@code /}, {@code /section/middle-east}
 * @param feedPath    the feed's own path without its format: {@code /feed}, {@code /feed/section/middle-east}
 * @param posts       newest first, with excerpts, outlets, photos, tags and related links loaded
 * @param updated     the last change to any post that is or was in it (an edit, a publish, an unpublish)
 */
public record Feed(String title, String description, String pagePath, String feedPath, List<Post> posts, Instant updated) {

    /** Posts a feed carries: enough for a reader who checks twice a day. */
    public static final int ITEMS = 20;

    /** The two formats, by the last segment of the address: {@code /feed} is RSS, {@code /feed/atom} Atom. */
    public enum Format {
        RSS("application/rss+xml", ""),
        ATOM("application/atom+xml", "/atom");

        private final String mediaType;
        private final String suffix;

        Format(String mediaType, String suffix) {
            this.mediaType = mediaType;
            this.suffix = suffix;
        }

        public String mediaType() {
            return mediaType;
        }

        public String path(String feedPath) {
            return feedPath + suffix;
        }
    }
}
