package org.newsdesk.comment;

import java.util.Locale;
import java.util.Optional;

/**
 * The moderation desk's queues (named by the desk's words {@code queue.PENDING} ...). "Reported" holds approved
 * comments readers reported, hidden or not.
 */
public enum CommentQueue {
    PENDING,
    REPORTED,
    APPROVED,
    SPAM,
    TRASH;

    /** The name in the desk's URLs: {@code ?queue=pending}. */
    public String getSlug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CommentQueue> fromSlug(String slug) {
        for (CommentQueue queue : values()) {
            if (queue.getSlug().equals(slug)) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }
}
