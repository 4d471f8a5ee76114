package org.newsdesk.post;

/** What the desk's post list is narrowed to; any part may be null. */
public record DeskFilter(PostStatus status, Long authorId, Long sectionId, String headline, int page) {
}
