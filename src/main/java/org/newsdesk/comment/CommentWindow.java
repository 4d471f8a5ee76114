package org.newsdesk.comment;

import java.time.Instant;

/**
 * Whether a post takes comments now. Closed either by an editor ({@code closesAt} null) or by age:
 * {@code closeAfterDays} after publication, by the site setting or the post's own override.
 */
public record CommentWindow(boolean open, Instant closesAt, int closeAfterDays) {

    public boolean isOpen() {
        return open;
    }

    public boolean isClosedByAge() {
        return !open && closesAt != null;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public int getCloseAfterDays() {
        return closeAfterDays;
    }
}
