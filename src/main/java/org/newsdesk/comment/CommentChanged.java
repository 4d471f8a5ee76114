package org.newsdesk.comment;

/** Fired when readers would see a post's comments differently (approved, trashed, edited). */
public record CommentChanged(long postId, long commentId, CommentStatus status) {
}
