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
    /** On every public page: for changes that reach them all (the site's name, language, section menu). */
    public static final String EVERY_PAGE = "site";
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
        tags.add(EVERY_PAGE);
        tags.add(EVERY_POST);
        shows(post);
        tags.holdsUntil(holdsUntil);
    }

    /** The page shows this post whole: its excerpts' outlets and photos too. */
    private void shows(Post post) {
        tags.add(post(post.getId()));
        for (Excerpt excerpt : post.getExcerpts()) {
            if (excerpt.getOutlet() != null) {
                tags.add(outlet(excerpt.getOutlet().getId()));
            }
            if (excerpt.getPhoto() != null) {
                tags.add(photo(excerpt.getPhoto().getId()));
            }
        }
    }

    /** A list of posts: the front page, a section, a tag, the feed. */
    public void listing(String name, List<PostSummary> posts) {
        tags.sameForEveryReader();
        tags.add(EVERY_PAGE);
        tags.add(name);
        for (PostSummary summary : posts) {
            tags.add(post(summary.id()));
            summary.outletIds().forEach(id -> tags.add(outlet(id)));
            if (summary.leadPhotoId() != null) {
                tags.add(photo(summary.leadPhotoId()));
            }
        }
    }

    /** A feed: {@link #FEED} or a section's or tag's listing name, and the posts it carries whole. */
    public void feed(String name, List<Post> posts) {
        tags.sameForEveryReader();
        tags.add(EVERY_PAGE);
        tags.add(name);
        posts.forEach(this::shows);
    }

    /** The sitemaps and robots.txt: every publish, edit and unpublish drops them. */
    public void sitemap() {
        tags.sameForEveryReader();
        tags.add(EVERY_PAGE);
        tags.add(SITEMAP);
    }

    /** The page changes at this time without any event (a post leaving the News sitemap's window). */
    public void holdsUntil(Instant until) {
        tags.holdsUntil(until);
    }
}
