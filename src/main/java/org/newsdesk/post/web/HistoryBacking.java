package org.newsdesk.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.newsdesk.audit.AuditEvent;
import org.newsdesk.post.EditConflictException;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostRevision;
import org.newsdesk.post.PostSnapshot;
import org.newsdesk.post.PublishingService;
import org.newsdesk.post.RevisionDiff;
import org.newsdesk.post.WorkflowException;
import org.omnifaces.util.Faces;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Messages;

/**
 * Serves {@code admin/posts/history.xhtml}: every workflow step of a post, its revisions, what changed
 * between two of them ({@code ?from=1&to=3}), and restoring one.
 */
@Named("history")
@RequestScoped
public class HistoryBacking {

    @Inject
    private PublishingService publishing;

    @Inject
    @Param(name = "id")
    private String id;

    @Inject
    @Param(name = "from")
    private String from;

    @Inject
    @Param(name = "to")
    private String to;

    private Post post;
    private List<PostRevision> revisions;

    public void onload() throws IOException {
        if (id == null || !id.matches("\\d{1,18}")) {
            Faces.responseSendError(404, "No such post");
            return;
        }
        post = publishing.post(Long.parseLong(id));
        revisions = publishing.revisions(post.getId());
    }

    public List<RevisionDiff.Line> getDiff() {
        PostRevision a = revision(from);
        PostRevision b = revision(to);
        if (a == null || b == null) {
            return List.of();
        }
        return RevisionDiff.between(PostSnapshot.toLines(a.getSnapshot()), PostSnapshot.toLines(b.getSnapshot()));
    }

    public void restore(int number) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        long postId = Long.parseLong(external.getRequestParameterMap().get("postId"));
        try {
            publishing.restore(postId, number, publishing.post(postId).getVersion());
            Messages.addFlashGlobalInfo("Revision " + number + " restored.");
        } catch (WorkflowException | EditConflictException e) {
            Messages.addFlashGlobalError(e.getMessage());
        }
        Faces.redirect("admin/posts/history?id=%s", postId);
    }

    private PostRevision revision(String number) {
        if (number == null || !number.matches("\\d{1,9}") || revisions == null) {
            return null;
        }
        int n = Integer.parseInt(number);
        return revisions.stream().filter(r -> r.getNumber() == n).findFirst().orElse(null);
    }

    public Post getPost() {
        return post;
    }

    public List<PostRevision> getRevisions() {
        return revisions;
    }

    public List<AuditEvent> getEvents() {
        return publishing.history(post.getId());
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }
}
