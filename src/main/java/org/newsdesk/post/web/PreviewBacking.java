package org.newsdesk.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.newsdesk.platform.Dates;
import org.newsdesk.post.Post;
import org.newsdesk.post.PublishingService;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Serves {@code admin/posts/preview.xhtml}: a post in any state, rendered as readers would see it, under a
 * banner that says whether readers see it now and, if not, why not.
 */
@Named("preview")
@RequestScoped
public class PreviewBacking {

    @Inject
    private PublishingService publishing;

    @Inject
    private Dates dates;

    @Inject
    @Param(name = "id")
    private Long id;

    private Post post;

    public void onload() throws IOException {
        if (id == null || publishing.find(id).isEmpty()) {
            Faces.responseSendError(404, "No such post");
            return;
        }
        post = publishing.post(id);
    }

    public Post getPost() {
        return post;
    }

    /** What the banner over the preview says: who sees this post, in the state it is in. */
    public String getBanner() {
        return switch (post.getStatus()) {
            case PUBLISHED -> "Readers see this post at /post/" + post.getSlug() + ", published "
                    + dates.display(post.getPublishedAt()) + ".";
            case SCHEDULED -> "Readers do not see this post yet: it is scheduled for " + dates.display(post.getPublishAt())
                    + " at " + dates.time(post.getPublishAt()) + " (" + dates.getZone() + ").";
            case IN_REVIEW -> "Readers do not see this post: it is waiting for an editor's review.";
            case UNPUBLISHED -> "Readers do not see this post: it was unpublished.";
            case DRAFT -> post.isSentBack()
                    ? "Readers do not see this post: it was sent back to its writer."
                    : "Readers do not see this post: it is a draft.";
        };
    }
}
