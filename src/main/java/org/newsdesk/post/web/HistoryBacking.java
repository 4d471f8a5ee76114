package org.newsdesk.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.audit.AuditEvent;
import org.newsdesk.platform.Notices;
import org.newsdesk.post.EditConflictException;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostRevision;
import org.newsdesk.post.PostSnapshot;
import org.newsdesk.post.PostStatus;
import org.newsdesk.post.PublishingService;
import org.newsdesk.post.RevisionDiff;
import org.newsdesk.post.Workflow;
import org.newsdesk.post.WorkflowException;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Serves {@code admin/posts/history.xhtml}: every workflow step of a post, its revisions, what changed
 * between two of them ({@code ?from=1&to=3}), and restoring one. The post and its revisions are read
 * from {@code ?id=} on a page view and on the Restore postback alike (the form carries the id), so the
 * rows a Restore button belongs to exist when its click is decoded.
 */
@Named("history")
@RequestScoped
public class HistoryBacking {

    @Inject
    private DeskWords words;

    @Inject
    private PublishingService publishing;

    @Inject
    @Param(name = "id")
    private Long id;

    @Inject
    @Param(name = "from")
    private Integer from;

    @Inject
    @Param(name = "to")
    private Integer to;

    @Inject
    private AccountService accounts;

    private Post post;
    private List<PostRevision> revisions;
    private Workflow workflow;
    private Integer confirming;
    private final Map<String, String> actors = new HashMap<>();

    public void onload() throws IOException {
        if (getPost() == null) {
            Faces.responseSendError(404, "No such post");
        }
    }

    public Post getPost() {
        if (post == null && id != null) {
            post = publishing.find(id).map(found -> publishing.post(found.getId())).orElse(null);
        }
        return post;
    }

    public List<PostRevision> getRevisions() {
        if (revisions == null) {
            revisions = getPost() == null ? List.of() : publishing.revisions(post.getId());
        }
        return revisions;
    }

    public boolean isComparing() {
        return getFromNumber() != null && getToNumber() != null;
    }

    public List<RevisionDiff.Line> getDiff() {
        PostRevision a = revision(getFromNumber());
        PostRevision b = revision(getToNumber());
        if (a == null || b == null) {
            return List.of();
        }
        return RevisionDiff.between(PostSnapshot.toLines(a.getSnapshot(), words.texts()), PostSnapshot.toLines(b.getSnapshot(), words.texts()));
    }

    /**
     * Restores a revision. On a published post readers see it at once, so the first press asks (the page shows
     * what will happen and a second button); the second press, which carries {@code confirm-restore}, restores.
     */
    public void restore(int number) throws IOException {
        Post current = getPost();
        if (current == null) {
            Faces.responseSendError(404, "No such post");
            return;
        }
        if (current.getStatus() == PostStatus.PUBLISHED && !Integer.valueOf(number).equals(getConfirming())) {
            confirming = number;
            return;
        }
        try {
            publishing.restore(current.getId(), number, current.getVersion());
            Notices.info("history.restored", number, publishing.revisions(current.getId())
                    .stream().mapToInt(PostRevision::getNumber).max().orElse(number));
        } catch (WorkflowException e) {
            Notices.error(e.phrase().key(), e.phrase().arguments().toArray());
        } catch (EditConflictException e) {
            Notices.error("history.restoreConflict", e.savedBy());
        }
        Faces.redirect("admin/posts/history?id=%s", current.getId());
    }

    /** The revision whose restoring over the live post is being confirmed, if any. */
    public Integer getConfirming() {
        if (confirming == null) {
            String sent = Faces.getRequestParameter("confirm-restore");
            confirming = sent != null && sent.matches("\\d{1,9}") ? Integer.valueOf(sent) : null;
        }
        return confirming;
    }

    /**
     * A revision's note in the desk's words: the notes the service writes ("saved while published", "restored from
     * revision 2") are stored in English, so old and new revisions alike are said in the reader's language here.
     */
    public String note(String stored) {
        if (stored == null) {
            return "";
        }
        java.util.regex.Matcher restored = java.util.regex.Pattern.compile("restored from revision (\\d+)").matcher(stored);
        if (restored.matches()) {
            return words.f("revision.restored", Integer.parseInt(restored.group(1)));
        }
        String key = "revision." + stored.replace(' ', '-');
        return words.texts().has(key) ? words.get(key) : stored;
    }

    /** A workflow event's actor as people know them: their display name, or the username for an account gone. */
    public String displayName(String username) {
        return actors.computeIfAbsent(username == null ? "" : username,
                name -> accounts.find(name).map(org.newsdesk.account.User::getDisplayName).orElse(name));
    }

    /** Whether Restore is open to this member of staff on this post ({@link Workflow}; the service refuses it otherwise). */
    public boolean isMayRestore() {
        if (workflow == null && getPost() != null) {
            workflow = publishing.workflow(post.getId());
        }
        return workflow != null && workflow.may(Workflow.Step.RESTORE);
    }

    private PostRevision revision(Integer number) {
        return number == null ? null : getRevisions().stream().filter(r -> r.getNumber() == number).findFirst().orElse(null);
    }

    /** The revision compared from: {@code ?from=}, or the one before the newest when nothing was chosen. */
    public Integer getFromNumber() {
        Integer chosen = from;
        if (chosen == null && to == null && getRevisions().size() >= 2) {
            return getRevisions().get(1).getNumber(); // newest first
        }
        return chosen;
    }

    /** The revision compared to: {@code ?to=}, or the newest when nothing was chosen. */
    public Integer getToNumber() {
        Integer chosen = to;
        if (chosen == null && from == null && getRevisions().size() >= 2) {
            return getRevisions().get(0).getNumber();
        }
        return chosen;
    }

    public List<AuditEvent> getEvents() {
        return getPost() == null ? List.of() : publishing.history(post.getId());
    }
}
