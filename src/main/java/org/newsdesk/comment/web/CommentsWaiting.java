package org.newsdesk.comment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.newsdesk.account.web.DeskArea;
import org.newsdesk.comment.ModerationService;

/**
 * The desk's front page's "Comments waiting": how many comments wait for a moderator. Shown to those who reach the
 * moderation desk ({@link DeskArea#COMMENTS}); {@link ModerationService} refuses anyone else.
 */
@Named("commentsWaiting")
@RequestScoped
public class CommentsWaiting {

    @Inject
    private ModerationService moderation;

    @Inject
    private SecurityContext security;

    private Long count;

    public boolean isShown() {
        return DeskArea.COMMENTS.getRoles().stream().anyMatch(role -> security.isCallerInRole(role.name()));
    }

    /** The moderation desk's address from the site's root, as {@link DeskArea} declares it; its first queue is the pending one. */
    public String getPath() {
        return DeskArea.COMMENTS.getPath();
    }

    public long getCount() {
        if (count == null) {
            count = moderation.pendingCount();
        }
        return count;
    }
}
