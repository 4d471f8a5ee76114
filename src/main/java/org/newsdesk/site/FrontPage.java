package org.newsdesk.site;

import java.util.List;

/** One page of the front page's list of published posts, newest first. */
public record FrontPage(List<PostSummary> posts, int page, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 1;
    }

    /**
     * Whether a card's photo is among the first two photos of the page, which are on the first screen and fetched
     * at once (the rest as the reader scrolls): cards without a photo above them do not push them down the list.
     */
    public boolean photoOnFirstScreen(PostSummary card) {
        int photos = 0;
        for (PostSummary post : posts) {
            if (post.leadPhotoKey() != null) {
                if (post == card) {
                    return photos < 2;
                }
                photos++;
            }
        }
        return false;
    }
}
