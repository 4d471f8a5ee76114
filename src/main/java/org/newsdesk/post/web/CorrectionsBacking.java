package org.newsdesk.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.util.List;
import org.newsdesk.account.Role;
import org.newsdesk.platform.Notices;
import org.newsdesk.post.Correction;
import org.newsdesk.post.Corrections;
import org.newsdesk.post.WorkflowException;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The compose page's "Corrections readers see", for a post readers have seen: the corrections under it, and a
 * form for an editor to add one (the Source changes page adds them too, from a change at a source).
 */
@Named("postCorrectionDesk")
@RequestScoped
public class CorrectionsBacking {

    @Inject
    private Corrections corrections;

    @Inject
    private SecurityContext security;

    private String note;
    private List<Correction> listed;

    /** Editors and administrators add corrections; {@link Corrections} refuses anyone else. */
    public boolean isMayCorrect() {
        return security.isCallerInRole(Role.EDITOR.name()) || security.isCallerInRole(Role.ADMIN.name());
    }

    public List<Correction> list(Long postId) {
        if (listed == null) {
            listed = postId == null ? List.of() : corrections.of(postId);
        }
        return listed;
    }

    public void add(Long postId) throws IOException {
        try {
            corrections.add(postId, note);
            Notices.info("corrections.added");
            Faces.redirect("admin/posts/edit?id=" + postId);
        } catch (WorkflowException e) {
            Messages.addError("correction:note", e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
