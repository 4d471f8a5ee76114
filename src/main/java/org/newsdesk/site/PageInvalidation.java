package org.newsdesk.site;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.newsdesk.comment.CommentChanged;
import org.newsdesk.comment.CommentCounts;
import org.newsdesk.comment.CommentSettingsChanged;
import org.newsdesk.media.PhotoChanged;
import org.newsdesk.outlet.OutletChanged;
import org.newsdesk.platform.PageCache;
import org.newsdesk.post.PostChanged;

/**
 * Turns the changes readers can see into the public pages they touch, once the change has committed.
 * The pages name what they show while rendering ({@link PublicPages}); this class names the same things
 * for each change, and {@link PageCache} drops exactly the pages that share a name with it.
 *
 * <table>
 * <tr><th>change</th><th>pages dropped</th></tr>
 * <tr><td>post published or unpublished</td><td>its page; the front page, feed and sitemap; its section and tag listings</td></tr>
 * <tr><td>published post revised</td><td>every page showing it; the listings it left or joined</td></tr>
 * <tr><td>comment approved, edited, removed</td><td>its post's pages and the listings showing its count</td></tr>
 * <tr><td>comment settings; one post's comment window</td><td>every post page; that post's pages</td></tr>
 * <tr><td>outlet or photo details</td><td>every page showing that outlet or photo</td></tr>
 * <tr><td>the site's identity, menu, a section's or tag's name or description</td><td>every public page</td></tr>
 * </table>
 */
@ApplicationScoped
public class PageInvalidation {

    @Inject
    private PageCache cache;

    void postChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged change) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(PublicPages.post(change.postId()));
        tags.add(PublicPages.SITEMAP); // every post's last change is in it
        if (change.kind() != PostChanged.Kind.REVISED) {
            tags.add(PublicPages.FRONT);
            tags.add(PublicPages.FEED);
        }
        change.listingsChanged().forEach(place -> tags.add(PublicPages.listing(place)));
        cache.invalidate(tags);
    }

    /** After {@link CommentCounts} has recounted, so that no page rendered after this shows the old count. */
    void commentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(CommentCounts.ORDER + 100) CommentChanged change) {
        cache.invalidate(Set.of(PublicPages.post(change.postId())));
    }

    void commentSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentSettingsChanged change) {
        cache.invalidate(Set.of(change.postId() == null ? PublicPages.EVERY_POST : PublicPages.post(change.postId())));
    }

    void outletChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutletChanged change) {
        cache.invalidate(Set.of(PublicPages.outlet(change.outletId())));
    }

    /** The site's identity, menu, or a section's or tag's name or description: every public page. */
    void siteChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteChanged change) {
        cache.invalidate(Set.of(PublicPages.EVERY_PAGE));
    }

    void photoChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PhotoChanged change) {
        cache.invalidate(Set.of(PublicPages.photo(change.photoId())));
    }
}
