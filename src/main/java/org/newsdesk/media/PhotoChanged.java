package org.newsdesk.media;

/** Fired after what the library says of a photo changed (its alt text is on every page showing it). */
public record PhotoChanged(long photoId) {
}
