package org.newsdesk.post;

import java.util.Set;

/**
 * Fired after a change readers may see: a post published, unpublished, or revised while published.
 * {@code listingsChanged} names the section and tag listings that gained or lost the post
 * ({@code section:world}, {@code tag:iraq}): all of its own when it is published or unpublished, and
 * those it left or joined when a revision moved it.
 */
public record PostChanged(long postId, String slug, PostStatus status, Kind kind, Set<String> listingsChanged) {

    public enum Kind {
        /** It joined the public site: every listing it belongs in has a new entry. */
        PUBLISHED,
        /** It left the public site: every listing it was in loses it. */
        UNPUBLISHED,
        /** It stays published with new content (and perhaps a new section or new tags). */
        REVISED
    }

    public PostChanged {
        listingsChanged = Set.copyOf(listingsChanged);
    }

    /** The listings a post is in now, by the names {@link #listingsChanged} uses. */
    public static Set<String> placesOf(Post post) {
        Set<String> places = new java.util.LinkedHashSet<>();
        if (post.getSection() != null) {
            places.add("section:" + post.getSection().getSlug());
        }
        post.getTags().forEach(tag -> places.add("tag:" + tag.getSlug()));
        return places;
    }
}
