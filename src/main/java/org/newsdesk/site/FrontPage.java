package org.newsdesk.site;

import java.util.List;

/** One page of the front page's list of published posts, newest first. */
public record FrontPage(List<PostSummary> posts, int page, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 1;
    }
}
