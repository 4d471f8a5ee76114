package org.newsdesk.comment.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.newsdesk.audit.AuditEvent;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.comment.CommentRefusedException;
import org.newsdesk.comment.ModerationException;
import org.newsdesk.comment.ModerationService;
import org.newsdesk.comment.QueueItem;
import org.newsdesk.platform.Notices;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Serves {@code admin/comments/edit.xhtml}: one comment in full, to correct it (the original stays in
 * the audit log, shown below), answer it as staff, or ban its author by email or by network address.
 */
@Named("commentEdit")
@ViewScoped
public class CommentEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    @Inject
    private AuditLog audit;

    @Inject
    @Param(name = "id")
    private Long idParameter;

    private long id;
    // Entities are not kept in a replicated session: after a fail-over the page reads them again.
    private transient QueueItem item;
    private transient List<AuditEvent> history;
    private String name;
    private String website;
    private String body;
    private String reply;
    private String banNote;
    private boolean confirmingAddressBan;
    private long othersAtAddress;

    public void onload() throws IOException {
        if (id != 0) {
            return;
        }
        if (idParameter == null) {
            Faces.responseSendError(404, "No such comment");
            return;
        }
        try {
            item = moderation.item(idParameter);
        } catch (ModerationException e) {
            Faces.responseSendError(404, "No such comment");
            return;
        }
        id = item.getId();
        name = getItem().getAuthorName();
        website = item.getAuthorWebsite();
        body = item.getBody();
    }

    public void save() throws IOException {
        try {
            moderation.edit(id, name, website, body);
            Notices.info("moderation.saved", name);
            backToItem();
        } catch (CommentRefusedException e) {
            fieldError("edit", e);
        }
    }

    public void replyAsStaff() throws IOException {
        try {
            moderation.replyAsStaff(id, reply);
            Notices.info("moderation.replied", getItem().getAuthorName());
            backToItem();
        } catch (CommentRefusedException e) {
            fieldError("reply-form", e);
        }
    }

    public void banEmail() throws IOException {
        moderation.banEmail(id, banNote);
        Notices.info("moderation.banned.email", getItem().getAuthorEmail());
        backToItem();
    }

    /** A ban by address waits for the moderator to confirm, once told who else it shuts out. */
    public void askToBanAddress() {
        othersAtAddress = moderation.otherCommentersAtAddress(id);
        confirmingAddressBan = true;
    }

    public void banAddress() throws IOException {
        try {
            moderation.banAddress(id, banNote, othersAtAddress);
            Notices.info("moderation.banned.address",
                    getItem().getAuthorEmail());
            backToItem();
        } catch (ModerationException e) {
            othersAtAddress = moderation.otherCommentersAtAddress(id);
            Messages.addGlobalError(e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    public void cancelAddressBan() {
        confirmingAddressBan = false;
    }

    public boolean isConfirmingAddressBan() {
        return confirmingAddressBan;
    }

    public long getOthersAtAddress() {
        return othersAtAddress;
    }

    private void fieldError(String form, CommentRefusedException e) {
        Messages.addError(e.field() == null ? null : form + ":" + e.field(), e.phrase().key(), e.phrase().arguments().toArray());
    }

    private void backToItem() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/admin/comments/edit?id=" + id);
    }

    public QueueItem getItem() {
        if (item == null && id != 0) {
            item = moderation.item(id);
        }
        return item;
    }

    public List<AuditEvent> getHistory() {
        if (history == null && id != 0) {
            history = audit.forObject("comment", id);
        }
        return history;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getBanNote() {
        return banNote;
    }

    public void setBanNote(String banNote) {
        this.banNote = banNote;
    }
}
