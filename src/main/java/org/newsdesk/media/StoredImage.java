package org.newsdesk.media;

/** What the image store learned about bytes it has just kept. */
public record StoredImage(String storageKey, String mimeType, int width, int height, long sizeBytes, String sha256) {
}
