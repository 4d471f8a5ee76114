package org.newsdesk.post;

/**
 * What the desk's post list is narrowed to; any part may be null. {@code sentBack} narrows to the drafts an editor
 * sent back to their writers ({@link Post#isSentBack()}), whatever {@code status} says.
 */
public record DeskFilter(PostStatus status, boolean sentBack, Long authorId, Long sectionId, String headline, int page) {
}
