package org.newsdesk.post;

/** Where a post stands in the publishing workflow. Only PUBLISHED posts are visible to readers. */
public enum PostStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED;

    /** How the desk says it: "in review", "scheduled". */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
