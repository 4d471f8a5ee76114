package org.newsdesk.comment.web;

import jakarta.enterprise.context.RequestScoped;
import org.newsdesk.platform.SiteWords;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.newsdesk.comment.Comment;
import org.newsdesk.comment.CommentFormToken;
import org.newsdesk.comment.CommentRefusedException;
import org.newsdesk.comment.CommentReport;
import org.newsdesk.comment.CommentService;
import org.newsdesk.platform.ClientAddress;
import org.newsdesk.post.Post;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * The "Report this comment" form on the post page, shown under the comment a reader chose
 * ({@code ?report=ID}). Like the comment form it carries a signed single-use token instead of a session,
 * and answers with a redirect back to the comment ({@code ?reported=ID}) where the reader is thanked.
 */
@Named("reportForm")
@RequestScoped
public class ReportFormBacking {

    @Inject
    private SiteWords words;

    @Inject
    private CommentService comments;

    @Inject
    private CommentFormToken formToken;

    @Inject
    private CommentedPage postPage;

    @Inject
    private HttpServletRequest request;

    /** The comment a reader chose to report, on a page view. */
    @Inject
    @Param(name = "report")
    private Long report;

    /** The comment the report form names, on its post. */
    @Inject
    @Param(name = "reported-comment")
    private Long reportedComment;

    /** The comment just reported, after the redirect back to it. */
    @Inject
    @Param(name = "reported")
    private Long reported;

    private Comment target;
    private boolean targetLoaded;
    private String token;
    private String reason;
    private String details;
    private String error;
    private String errorField;

    /** The comment being reported: from {@code ?report=} on a page view, from the form on a post. */
    public Comment getTarget() {
        if (!targetLoaded) {
            targetLoaded = true;
            Long id = FacesContext.getCurrentInstance().isPostback() ? reportedComment : report;
            if (id != null) {
                target = postPage.getComments().stream()
                        .filter(c -> c.getId().equals(id) && c.isPublic()).findFirst().orElse(null);
            }
        }
        return target;
    }

    /** The start of the reported comment, so the reader sees which one they are reporting. */
    public String getTargetExcerpt() {
        String body = getTarget() == null ? "" : getTarget().getBody();
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /** The comment a reader just reported, to thank them beside it. */
    public Long getThanked() {
        return reported;
    }

    public String getToken() {
        if (token == null) {
            Post post = postPage.getPost();
            token = post == null ? "" : formToken.issue(CommentFormToken.REPORT, post.getId(), Instant.now(Clock.systemUTC()));
        }
        return token;
    }

    public CommentReport.Reason[] getReasons() {
        return CommentReport.Reason.values();
    }

    public void submit() throws IOException {
        Post post = postPage.getPost();
        reason = Faces.getRequestParameter("reason");
        details = Faces.getRequestParameter("details");
        Long id = reportedComment;
        if (post == null || id == null) {
            if (!Faces.isResponseComplete()) {
                Faces.responseSendError(404, "No such comment");
            }
            return;
        }
        try {
            comments.report(post.getId(), id, reason, details, Faces.getRequestParameter("report-token"),
                    ClientAddress.of(request));
            FacesContext.getCurrentInstance().getExternalContext().redirect(request.getContextPath() + postPage.getPost().getPath()
                    + "?reported=" + id + "#comment-" + id);
        } catch (CommentRefusedException e) {
            // The report form's fields are plain inputs, so its messages are kept here rather than in Faces.
            error = words.say(e.phrase());
            errorField = e.field() == null ? "form" : e.field();
        }
    }

    public String getReason() {
        return reason;
    }

    public String getDetails() {
        return details;
    }

    /** The message for a field ("reason", "details") or the form as a whole ("form"), if refused. */
    public String error(String field) {
        return field.equals(errorField) ? error : null;
    }
}
