package org.newsdesk.comment;

/** Where a comment stands with the moderators. Only APPROVED comments are shown to everyone. */
public enum CommentStatus {
    PENDING,
    APPROVED,
    SPAM,
    TRASH
}
