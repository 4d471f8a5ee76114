package org.newsdesk.post;

import java.time.Instant;

/** Fired after a post has been scheduled, so the scheduler sets a timer for it. */
public record PostScheduled(long postId, Instant publishAt) {
}
