package org.newsdesk.post;

/** Fired after a change readers may see (published, unpublished, edited while published). */
public record PostChanged(long postId, String slug, PostStatus status) {
}
