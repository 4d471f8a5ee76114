package org.newsdesk.site;

import java.time.Instant;
import java.util.List;
import org.newsdesk.post.Post;

/** A post as the front page lists it. */
public record PostSummary(long id, String slug, String headline, Instant publishedAt, Instant updatedAt, String section,
                          String leadPhotoKey,
                          String leadPhotoAlt, List<String> outlets, String teaser, long commentCount,
                          Long leadPhotoId, List<Long> outletIds, String leadPhotoSrcset, int leadPhotoWidth, int leadPhotoHeight) {

    public String getUrl() {
        return Post.path(slug);
    }

    /** "TIMES OF ISRAEL, REUTERS" */
    public String getOutletList() {
        return String.join(", ", outlets);
    }

    public String getCommentLabel() {
        return commentCount == 0 ? "No comments" : commentCount == 1 ? "1 comment" : commentCount + " comments";
    }
}
