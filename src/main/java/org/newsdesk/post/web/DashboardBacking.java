package org.newsdesk.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import org.newsdesk.account.Role;
import org.newsdesk.post.Post;
import org.newsdesk.post.PublishingService;

/**
 * Serves the posts' part of the desk's front page ({@code admin/index.xhtml}), "what needs me": a writer's drafts
 * sent back by an editor, and for editors the posts waiting for review and those publishing today. Each list is one
 * bounded query in {@link PublishingService}, which refuses the editors' lists to anyone else; the page asks
 * {@link #isWriter()} and {@link #isEditor()} only to leave out what would be refused. The comments' part is
 * {@code comment.web.CommentsWaiting}.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBacking {

    @Inject
    private PublishingService publishing;

    @Inject
    private SecurityContext security;

    private List<Post> sentBack;
    private List<Post> waitingForReview;
    private List<Post> scheduledToday;

    /** Writers submit posts, so only they have posts sent back to them. */
    public boolean isWriter() {
        return security.isCallerInRole(Role.WRITER_NAME);
    }

    public boolean isEditor() {
        return security.isCallerInRole(Role.EDITOR_NAME) || security.isCallerInRole(Role.ADMIN_NAME);
    }

    public List<Post> getSentBack() {
        if (sentBack == null) {
            sentBack = publishing.sentBackToMe();
        }
        return sentBack;
    }

    public List<Post> getWaitingForReview() {
        if (waitingForReview == null) {
            waitingForReview = publishing.waitingForReview();
        }
        return waitingForReview;
    }

    public List<Post> getScheduledToday() {
        if (scheduledToday == null) {
            scheduledToday = publishing.scheduledToday();
        }
        return scheduledToday;
    }

    public int getLimit() {
        return PublishingService.NEEDS_ME_LIMIT;
    }
}
