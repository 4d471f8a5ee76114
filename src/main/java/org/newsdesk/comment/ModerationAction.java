package org.newsdesk.comment;

/** What a moderator can do to one comment or to many at once (the desk says it as {@code moderation.done.*}). */
public enum ModerationAction {
    APPROVE,
    SPAM,
    TRASH,
    RESTORE
}
