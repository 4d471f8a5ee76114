package org.newsdesk.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.newsdesk.platform.PageTags;
import org.newsdesk.post.Excerpt;
import org.newsdesk.post.Post;

/**
 * What each public page tells the page cache about itself: that it is the same for every reader, and
 * the names of what it shows, which {@link PageInvalidation} uses to drop it when one of them changes.
 *
 * <pre>
 * publicPages.post(post, window.closesAt());       // post.xhtml
 * publicPages.listing(PublicPages.FRONT, posts);   // index.xhtml
 * </pre>
 */
@RequestScoped
public class PublicPages {

    public static final String FRONT = "listing:front";
    public static final String FEED = "feed";
    public static final String SITEMAP = "sitemap";
    /** On every post page: for changes that reach every post (the comment settings). */
    public static final String EVERY_POST = "posts";

    @Inject
    private PageTags tags;

    public static String post(long postId) {
        return "post:" + postId;
    }

    /** A section's or tag's listing, named as {@link org.newsdesk.post.PostChanged#placesOf} names it. */
    public static String listing(String place) {
        return "listing:" + place;
    }

    public static String outlet(long outletId) {
        return "outlet:" + outletId;
    }

    public static String photo(long photoId) {
        return "photo:" + photoId;
    }

    /** A post's page (or one of its comment pages), which holds until {@code holdsUntil} at the latest. */
    public void post(Post post, Instant holdsUntil) {
        tags.sameForEveryReader();
        tags.add(post(post.getId()));
        tags.add(EVERY_POST);
        for (Excerpt excerpt : post.getExcerpts()) {
            if (excerpt.getOutlet() != null) {
                tags.add(outlet(excerpt.getOutlet().getId()));
            }
            if (excerpt.getPhoto() != null) {
                tags.add(photo(excerpt.getPhoto().getId()));
            }
        }
        tags.holdsUntil(holdsUntil);
    }

    /** A list of posts: the front page, a section, a tag, the feed. */
    public void listing(String name, List<PostSummary> posts) {
        tags.sameForEveryReader();
        tags.add(name);
        for (PostSummary summary : posts) {
            tags.add(post(summary.id()));
            summary.outletIds().forEach(id -> tags.add(outlet(id)));
            if (summary.leadPhotoId() != null) {
                tags.add(photo(summary.leadPhotoId()));
            }
        }
    }

    public void sitemap() {
        tags.sameForEveryReader();
        tags.add(SITEMAP);
    }
}
