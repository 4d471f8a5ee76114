package org.newsdesk.media.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.media.MediaException;
import org.newsdesk.media.MediaService;
import org.newsdesk.media.Photo;
import org.newsdesk.media.Upload;
import org.newsdesk.platform.Notices;
import org.omnifaces.util.Messages;

/**
 * Serves {@code admin/media/library.xhtml}: the upload form and the searchable, paged grid of photos.
 * An upload that is taken goes on to the photo's page so its alt text and credit get written at once.
 */
@Named("mediaLibrary")
@RequestScoped
public class MediaLibraryBacking {

    private static final Logger LOG = Logger.getLogger(MediaLibraryBacking.class.getName());

    @Inject
    private MediaService media;

    private String query;
    /** {@code ?page=}, converted by its {@code f:viewParam}; a page that is no number shows the first. */
    private Integer page;
    private Part file;

    private List<Photo> photos;
    private Long total;

    public void upload() throws IOException, ServletException {
        if (file == null) {
            file = chosenButEmpty();
        }
        if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isBlank()) {
            fileMessage("Please choose a photo to upload.");
            return;
        }
        try {
            // Refuse an oversized file by the size the browser sent, before reading it into memory.
            media.checkUploadSize(file.getSize());
            byte[] bytes;
            try (InputStream in = file.getInputStream()) {
                bytes = in.readAllBytes();
            }
            Upload upload = media.receive(file.getSubmittedFileName(), bytes);
            Notices.info(upload.alreadyInLibrary() ? "media.uploaded.again" : "media.uploaded.new");
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/admin/media/edit?id=" + upload.photo().getId());
        } catch (MediaException e) {
            Messages.addError("upload:file", e.phrase().key(), e.phrase().arguments().toArray());
        } finally {
            discardTemporaryFile();
        }
    }

    /** Faces drops a chosen file of 0 bytes as if none was chosen; the person deserves to hear it was empty. */
    private static Part chosenButEmpty() throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        Part part = request.getPart("upload:file");
        return part != null && part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank() ? part : null;
    }

    private void fileMessage(String text) {
        Messages.addError("upload:file", text);
    }

    private void discardTemporaryFile() {
        if (file == null) {
            return;
        }
        try {
            file.delete();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not remove an upload's temporary file", e);
        }
    }

    public List<Photo> getPhotos() {
        if (photos == null) {
            photos = media.search(query, getPageNumber());
        }
        return photos;
    }

    public long getTotal() {
        if (total == null) {
            total = media.count(query);
        }
        return total;
    }

    public int getPageNumber() {
        return page == null || page < 1 ? 1 : page;
    }

    public int getPageCount() {
        return (int) Math.max(1, (getTotal() + MediaService.PAGE_SIZE - 1) / MediaService.PAGE_SIZE);
    }

    public int getMaxUploadMegabytes() {
        return media.maxUploadMegabytes();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
