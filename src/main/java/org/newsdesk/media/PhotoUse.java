package org.newsdesk.media;

/** A post with an excerpt that shows a photo: what the desk sees before deleting it. */
public record PhotoUse(long postId, String headline, String status) {

    /** Readers see the post, or will without anyone touching it again. */
    public boolean isPublic() {
        return "PUBLISHED".equals(status) || "SCHEDULED".equals(status);
    }
}
