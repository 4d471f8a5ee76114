package org.newsdesk.media.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.newsdesk.media.MediaException;
import org.newsdesk.platform.Phrase;
import org.newsdesk.media.MediaService;
import org.newsdesk.media.Photo;
import org.newsdesk.media.PhotoUse;
import org.newsdesk.platform.Notices;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Messages;

/** Serves {@code admin/media/edit.xhtml}: one photo's alt text, default caption and credit, and deleting it. */
@Named("photoEdit")
@ViewScoped
public class PhotoEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MediaService media;

    @Inject
    @Param(name = "id")
    private Long idParameter;

    private Long id;
    private String altText;
    private String caption;
    private String credit;
    private boolean confirmDelete;

    /** Reloaded after a postback rather than kept in the view: entities stay out of long-lived scopes. */
    private transient Photo photo;
    private transient List<PhotoUse> uses;

    public void onload() throws IOException {
        if (id != null) {
            return;
        }
        Photo found = idParameter == null ? null : media.find(idParameter);
        if (found == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such photo");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        photo = found;
        id = found.getId();
        altText = found.getAltText();
        caption = found.getDefaultCaption();
        credit = found.getDefaultCredit();
    }

    public void save() throws IOException {
        try {
            media.update(id, altText, caption, credit);
            Notices.info("media.saved", getPhoto().getOriginalFilename());
            redirectToLibrary();
        } catch (MediaException e) {
            message(e.field(), e.phrase());
        }
    }

    public void delete() throws IOException {
        if (!confirmDelete) {
            message("confirmDelete", Phrase.of("media.delete.tickFirst"));
            return;
        }
        String name = getPhoto() == null ? "" : getPhoto().getOriginalFilename();
        try {
            media.delete(id);
            Notices.info("media.deleted", name);
            redirectToLibrary();
        } catch (MediaException e) {
            message(e.field() == null ? "delete" : e.field(), e.phrase());
        }
    }

    private static void message(String field, Phrase phrase) {
        Messages.addError(field == null ? null : "photo:" + field, phrase.key(), phrase.arguments().toArray());
    }

    private static void redirectToLibrary() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/admin/media/library");
    }

    public Photo getPhoto() {
        if (photo == null && id != null) {
            photo = media.find(id);
        }
        return photo;
    }

    public List<PhotoUse> getUses() {
        if (uses == null && id != null) {
            uses = media.uses(id);
        }
        return uses;
    }

    public Long getId() {
        return id;
    }

    public String getAltText() {
        return altText;
    }

    public void setAltText(String altText) {
        this.altText = altText;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public String getCredit() {
        return credit;
    }

    public void setCredit(String credit) {
        this.credit = credit;
    }

    public boolean isConfirmDelete() {
        return confirmDelete;
    }

    public void setConfirmDelete(boolean confirmDelete) {
        this.confirmDelete = confirmDelete;
    }
}
