package org.newsdesk.comment;

/**
 * Fired after a change to when and how readers may comment: the site's moderation settings (postId null:
 * every post's form and conversation) or one post's comment window.
 */
public record CommentSettingsChanged(Long postId) {
}
