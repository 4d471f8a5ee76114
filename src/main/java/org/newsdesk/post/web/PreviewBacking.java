package org.newsdesk.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.newsdesk.platform.Dates;
import org.newsdesk.account.web.DeskWords;
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
    private DeskWords words;

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
        // For the member of staff, in the desk's language (the post below it is in the site's).
        java.util.Locale language = words.locale();
        return switch (post.getStatus()) {
            case PUBLISHED -> words.f("preview.published", post.getSlug(), dates.displayIn(post.getPublishedAt(), language));
            case SCHEDULED -> words.f("preview.scheduled", dates.displayIn(post.getPublishAt(), language),
                    dates.timeIn(post.getPublishAt(), language), dates.getZone());
            case IN_REVIEW -> words.get("preview.inReview");
            case UNPUBLISHED -> words.get("preview.unpublished");
            case DRAFT -> words.get(post.isSentBack() ? "preview.sentBack" : "preview.draft");
        };
    }
}
