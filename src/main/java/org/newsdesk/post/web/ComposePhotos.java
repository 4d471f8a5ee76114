package org.newsdesk.post.web;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.media.MediaException;
import org.newsdesk.media.MediaService;
import org.newsdesk.media.Photo;
import org.newsdesk.platform.Phrase;
import org.newsdesk.post.ExcerptDraft;
import org.newsdesk.post.ExcerptImport;
import org.omnifaces.cdi.ViewScoped;

/**
 * The compose page's photos: a file chosen for an excerpt becomes a photo of the library and its excerpt's, a
 * photo is removed, and the library picker searches, pages and puts a photo on an excerpt. Part of the compose
 * page with {@link EditPostBacking}, whose draft it changes.
 */
@Named("composePhotos")
@ViewScoped
public class ComposePhotos implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EditPostBacking editor;

    @Inject
    private ComposeChecks checks;

    @Inject
    private MediaService media;

    @Inject
    private DeskWords words;

    private transient Map<Object, Part> uploads = new HashMap<>();

    /** The library picker: which excerpt it is open for, what it searches for, and which page it shows. */
    private Integer pickerFor;
    private String pickerQuery;
    private int pickerPage = 1;
    private final Map<Long, PhotoLabel> photoLabels = new HashMap<>();

    /** Turns each chosen file into a photo of the library and attaches it to its excerpt. */
    public boolean takeUploads() {
        boolean ok = true;
        for (Map.Entry<Object, Part> upload : uploads().entrySet()) {
            Part part = upload.getValue();
            if (part == null || part.getSize() == 0 && (part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank())) {
                continue;
            }
            int index = Integer.parseInt(upload.getKey().toString());
            String field = "excerpts:" + index + ":photoFile";
            try (InputStream in = part.getInputStream()) {
                // Refused by its size before the bytes are read into memory.
                media.checkUploadSize(part.getSize());
                Photo photo = media.upload(part.getSubmittedFileName(), in.readAllBytes());
                ExcerptDraft excerpt = editor.getDraft().getExcerpts().get(index);
                excerpt.setPhotoId(photo.getId());
                // The alt text describes this photo: another photo's does not carry over.
                excerpt.setPhotoAlt(photo.getAltText());
                if ((excerpt.getCreditLine() == null || excerpt.getCreditLine().isBlank()) && photo.getDefaultCredit() != null) {
                    excerpt.setCreditLine(photo.getDefaultCredit());
                }
            } catch (MediaException e) {
                DeskMessages.error(field, e.phrase());
                ok = false;
            } catch (IOException e) {
                DeskMessages.error(field, Phrase.of("compose.upload.broken"));
                ok = false;
            }
        }
        uploads().clear();
        return ok;
    }

    /** A photo chosen in the file field is uploaded at once (Faces Ajax), and attached to its excerpt. */
    public void attachUploads() {
        takeUploads();
        checks.changed();
    }

    public void removePhoto(int index) {
        checks.changed();
        editor.getDraft().getExcerpts().get(index).setPhotoId(null);
        editor.getDraft().getExcerpts().get(index).setPhotoAlt(null);
    }

    /** Opens the library picker under an excerpt, at the newest photos. */
    public void openPicker(int index) {
        takeUploads();
        pickerFor = index;
        pickerQuery = null;
        pickerPage = 1;
    }

    public void closePicker() {
        takeUploads();
        pickerFor = null;
    }

    public void searchPicker() {
        takeUploads();
        pickerPage = 1;
    }

    public void turnPickerPage(int offset) {
        takeUploads();
        pickerPage = Math.max(1, Math.min(pickerPage + offset, getPickerPageCount()));
    }

    /** Puts a library photo on the excerpt, with the photo's usual credit and caption where the excerpt has none. */
    public void usePhoto(int index, long photoId) {
        takeUploads();
        Photo photo = media.find(photoId);
        if (photo == null) {
            DeskMessages.error("excerpts:" + index + ":photoFile", Phrase.of("compose.photo.gone"));
            return;
        }
        ExcerptImport.usePhoto(editor.getDraft().getExcerpts().get(index), photo);
        pickerFor = null;
        checks.changed();
    }

    public List<Photo> getPickerPhotos() {
        return media.search(pickerQuery, pickerPage);
    }

    public long getPickerCount() {
        return media.count(pickerQuery);
    }

    public int getPickerPageCount() {
        return (int) Math.max(1, (media.count(pickerQuery) + MediaService.PAGE_SIZE - 1) / MediaService.PAGE_SIZE);
    }

    public Integer getPickerFor() {
        return pickerFor;
    }

    public String getPickerQuery() {
        return pickerQuery;
    }

    public void setPickerQuery(String pickerQuery) {
        this.pickerQuery = pickerQuery;
    }

    public int getPickerPage() {
        return pickerPage;
    }

    /** The chosen photo's name in the library, for the excerpt's photo field. */
    public String photoName(Long photoId) {
        return photoId == null ? "" : photoLabel(photoId).name();
    }

    /** The chosen photo's key for its thumbnail's address; empty (no picture) once it left the library. */
    public String photoKey(Long photoId) {
        return photoId == null ? "" : photoLabel(photoId).key();
    }

    /** What the page shows of a chosen photo, read once per page (see {@link #getOutlets()}). */
    PhotoLabel photoLabel(long photoId) {
        return photoLabels.computeIfAbsent(photoId, key -> {
            Photo photo = media.find(key);
            return photo == null ? new PhotoLabel(words.get("compose.photo.goneName"), "", null)
                    : new PhotoLabel(photo.getOriginalFilename()
                            + (photo.getDefaultCredit() == null ? "" : " — " + photo.getDefaultCredit()), photo.getPublicKey(), photo.getAltText());
        });
    }

    record PhotoLabel(String name, String key, String alt) implements Serializable {
    }

    private Map<Object, Part> uploads() {
        if (uploads == null) {
            uploads = new HashMap<>();
        }
        return uploads;
    }

    public Map<Object, Part> getUploads() {
        return uploads();
    }

    /** The alt text of a chosen photo in the library, for the checks (the excerpt's own comes first). */
    String alt(long photoId) {
        return photoLabel(photoId).alt();
    }
}
