package org.newsdesk.inbox;

import java.time.Instant;

/**
 * One article as a feed lists it, cleaned: absolute {@code url}, plain-text {@code title} and {@code summary}
 * (HTML and entities taken out), dates that may be missing.
 */
public record FeedEntry(String guid, String url, String title, String summary, String author, String imageUrl,
                        String language, Instant publishedAt, Instant updatedAt) {
}
