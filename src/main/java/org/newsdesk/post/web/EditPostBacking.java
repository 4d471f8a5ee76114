package org.newsdesk.post.web;

import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.newsdesk.media.MediaException;
import org.newsdesk.media.MediaService;
import org.newsdesk.media.Photo;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.post.EditConflictException;
import org.newsdesk.post.ExcerptDraft;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostDraft;
import org.newsdesk.post.PostMerge;
import org.newsdesk.post.PostStatus;
import org.newsdesk.post.PublicationRefusedException;
import org.newsdesk.post.PublishingService;
import org.newsdesk.post.Workflow;
import org.newsdesk.post.WorkflowException;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;
import org.omnifaces.util.Faces;

/**
 * Serves {@code admin/posts/edit.xhtml}, the compose page. The whole draft lives in this view-scoped
 * bean until saved, so nothing typed is lost to a refused save, a failed upload or an edit conflict.
 * Every workflow button saves the draft and takes its step in one go, so a refused step saves nothing.
 */
@Named("editPost")
@ViewScoped
public class EditPostBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PublishingService publishing;

    @Inject
    private MediaService media;

    @Inject
    private OutletService outletRegistry;

    @Inject
    private PlatformConfig platform;

    /** Looked up when needed: a Validator is not serializable, and this bean lives in the view state. */
    private transient Validator validator;

    @Inject
    @Param(name = "id")
    private ParamValue<Long> idParameter;

    private Long id;
    private long version;
    private PostStatus status;
    private String reviewNote;
    private boolean everPublished;
    private boolean loaded;
    private Workflow workflow;
    private PostDraft draft;
    private String rejectNote;
    private boolean confirmDiscard;
    private LocalDateTime publishAt;
    private transient Map<Object, Part> uploads = new HashMap<>();

    /** The post as it was when this editor opened it (or last merged): the base of a three-way merge. */
    private PostDraft opened;
    /** After an edit conflict: what the other side changed next to what this editor typed, until saved. */
    private PostMerge merge;
    private String mergedWith;
    /** The choice per conflicting field, "THEIRS" or "MINE", as the page's radio buttons submit it. */
    private final Map<String, String> mergeChoices = new HashMap<>();

    /** The library picker: which excerpt it is open for, what it searches for, and which page it shows. */
    private Integer pickerFor;
    private String pickerQuery;
    private int pickerPage = 1;

    /** Transient: outlets are entities, not serializable; after the view is restored elsewhere they are read again. */
    private transient List<Outlet> outlets;
    private transient List<org.newsdesk.post.Section> sections;
    private final Map<Long, PhotoLabel> photoLabels = new HashMap<>();

    public void onload() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        if (idParameter.getSubmittedValue() == null) {
            workflow = publishing.workflow(null);
            draft = new PostDraft();
            draft.addExcerpt();
            return;
        }
        if (idParameter.getValue() == null || publishing.find(idParameter.getValue()).isEmpty()) {
            Faces.responseSendError(404, "No such post");
            return;
        }
        reload(idParameter.getValue());
    }

    private void reload(long postId) {
        Post post = publishing.post(postId);
        id = post.getId();
        version = post.getVersion();
        status = post.getStatus();
        reviewNote = post.getReviewNote();
        everPublished = post.getPublishedAt() != null;
        workflow = publishing.workflow(postId);
        draft = PostDraft.of(post);
        if (draft.getExcerpts().isEmpty()) {
            draft.addExcerpt();
        }
        opened = PostDraft.copyOf(draft);
        merge = null;
        mergeChoices.clear();
    }

    public void save() throws IOException {
        if (store(() -> id == null ? publishing.create(draft) : publishing.save(id, version, draft))) {
            Notices.info("Saved.");
            redirectToSelf();
        }
    }

    public void submit() throws IOException {
        step("Submitted for review. An editor will take it from here.", () -> publishing.submit(id, version, draft));
    }

    public void publish() throws IOException {
        step("Published.", () -> publishing.publish(id, version, draft));
    }

    public void schedule() throws IOException {
        if (publishAt == null) {
            DeskMessages.error("publishAt", "Choose when to publish.");
            return;
        }
        step("Scheduled for " + publishAt.format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm")) + ".",
                () -> publishing.schedule(id, version, draft, publishAt.atZone(platform.zone()).toInstant()));
    }

    public void cancelSchedule() throws IOException {
        step("Schedule cancelled; the post is a draft again.", () -> publishing.cancelSchedule(id, version, draft));
    }

    public void reject() throws IOException {
        step("Sent back to the writer with your note.", () -> publishing.reject(id, version, draft, rejectNote));
    }

    public void unpublish() throws IOException {
        step("Unpublished. Readers no longer see it.", () -> publishing.unpublish(id, version, draft));
    }

    public void discard() throws IOException {
        if (!confirmDiscard) {
            DeskMessages.error("confirmDiscard", "Tick the box to confirm: deleting cannot be undone.");
            return;
        }
        try {
            publishing.discard(id);
            Notices.info("“" + draft.getHeadline() + "” was deleted.");
            Faces.redirect("admin/posts/");
        } catch (WorkflowException e) {
            DeskMessages.show(e);
        }
    }

    private void step(String done, Supplier<Post> saveAndStep) throws IOException {
        if (store(saveAndStep)) {
            Notices.info(done);
            redirectToSelf();
        }
    }

    /**
     * Saves the draft, and takes a workflow step with it if asked to: the service does both in one
     * transaction. On any refusal nothing was saved, the messages go to their fields, and the draft stays
     * as typed.
     */
    private boolean store(Supplier<Post> saving) {
        if (!takeUploads()) {
            return false;
        }
        // An editor's slip (no headline, a dek too long) is answered here, at the fields: the service checks
        // its parameters too, but refuses as a system exception that the container logs with a stack trace.
        if (validator == null) {
            validator = CDI.current().select(Validator.class).get();
        }
        Set<ConstraintViolation<PostDraft>> invalid = validator.validate(draft);
        if (!invalid.isEmpty()) {
            DeskMessages.show(invalid);
            return false;
        }
        if (merge != null) {
            Map<String, PostMerge.Choice> choices = mergeChoices.entrySet().stream().filter(c -> c.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, c -> PostMerge.Choice.valueOf(c.getValue())));
            List<PostMerge.Field> undecided = merge.undecided(choices);
            if (!undecided.isEmpty()) {
                DeskMessages.error("merge", "Choose whose version to keep for: "
                        + undecided.stream().map(PostMerge.Field::label).collect(Collectors.joining(", ")) + ".");
                return false;
            }
            merge.resolve(draft, choices);
        }
        try {
            Post post = saving.get();
            id = post.getId();
            // The version Hibernate gave the post when the save was flushed, as committed.
            version = post.getVersion();
            opened = PostDraft.copyOf(draft);
            merge = null;
            mergeChoices.clear();
            // An outlet added on the spot is in the registry now.
            outlets = null;
            return true;
        } catch (EditConflictException e) {
            mergeWithSaved(e);
            return false;
        } catch (PublicationRefusedException e) {
            DeskMessages.show(e);
            return false;
        } catch (WorkflowException e) {
            DeskMessages.show(e);
            return false;
        } catch (EJBException e) {
            if (Faults.databaseUnreachable(e)) {
                // The page renders again without the database (outlets and photos were read when it opened).
                Faults.logUnsaved("post " + (id == null ? "(new)" : id), e);
                Faces.getContext().getExternalContext().setResponseStatus(503);
                DeskMessages.error(null, "Not saved: Newsdesk cannot reach its database just now. Everything you"
                        + " typed is still on this page; try again in a moment.");
                return false;
            }
            if (!DeskMessages.show(e)) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Someone saved the post while this editor worked: their changes go into the form, this editor's
     * changes stay on top of them, and where both changed one field the page asks which to keep. The
     * next save writes exactly that (and merges again if yet another save came in between).
     */
    private void mergeWithSaved(EditConflictException conflict) {
        Post saved = publishing.find(id).map(found -> publishing.post(found.getId())).orElse(null);
        if (saved == null) {
            DeskMessages.error(null, conflict.savedBy() + " deleted this post while you were editing. What you typed is"
                    + " still on this page: copy it into a new post before you leave.");
            return;
        }
        PostDraft theirs = PostDraft.of(saved);
        Map<Long, String> outletNames = outletRegistry.all().stream().collect(Collectors.toMap(Outlet::getId, Outlet::getName));
        merge = PostMerge.of(opened, theirs, draft, outletId -> outletNames.getOrDefault(outletId, ""));
        draft = merge.merged();
        if (draft.getExcerpts().isEmpty()) {
            draft.addExcerpt();
        }
        opened = PostDraft.copyOf(theirs);
        mergeChoices.clear();
        version = saved.getVersion();
        status = saved.getStatus();
        everPublished = saved.getPublishedAt() != null;
        workflow = publishing.workflow(id);
        mergedWith = conflict.savedBy() + " saved this post at "
                + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(platform.zone()).format(conflict.savedAt());
        int clashes = merge.conflicts().size();
        DeskMessages.error("merge", mergedWith + " while you were editing. Nothing of yours was saved yet. Their changes are"
                + " now in the form with yours on top, as listed below"
                + (clashes == 0 ? "; save again to keep both." : "; you both changed " + clashes
                + (clashes == 1 ? " field" : " fields") + ": choose whose version to keep, then save again."));
    }

    /** Turns each chosen file into a photo of the library and attaches it to its excerpt. */
    private boolean takeUploads() {
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
                ExcerptDraft excerpt = draft.getExcerpts().get(index);
                excerpt.setPhotoId(photo.getId());
                // The alt text describes this photo: another photo's does not carry over.
                excerpt.setPhotoAlt(photo.getAltText());
                if ((excerpt.getCreditLine() == null || excerpt.getCreditLine().isBlank()) && photo.getDefaultCredit() != null) {
                    excerpt.setCreditLine(photo.getDefaultCredit());
                }
            } catch (MediaException e) {
                DeskMessages.error(field, e.getMessage());
                ok = false;
            } catch (IOException e) {
                DeskMessages.error(field, "The upload did not arrive whole. Please choose the file again.");
                ok = false;
            }
        }
        uploads().clear();
        return ok;
    }

    public void addExcerpt() {
        takeUploads();
        draft.addExcerpt();
    }

    public void removeExcerpt(int index) {
        takeUploads();
        draft.getExcerpts().remove(index);
    }

    public void moveExcerpt(int index, int offset) {
        takeUploads();
        List<ExcerptDraft> excerpts = draft.getExcerpts();
        int to = index + offset;
        if (to >= 0 && to < excerpts.size()) {
            excerpts.add(to, excerpts.remove(index));
        }
    }

    public void addRelated(int index) {
        takeUploads();
        draft.getExcerpts().get(index).addRelated();
    }

    public void removeRelated(int index, int link) {
        takeUploads();
        draft.getExcerpts().get(index).getRelated().remove(link);
    }

    /** The sections there are, offered as the section field is typed in. */
    public List<org.newsdesk.post.Section> getSections() {
        if (sections == null) {
            sections = publishing.sections();
        }
        return sections;
    }

    public void removePhoto(int index) {
        draft.getExcerpts().get(index).setPhotoId(null);
        draft.getExcerpts().get(index).setPhotoAlt(null);
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
            DeskMessages.error("excerpts:" + index + ":photoFile", "That photo was deleted from the library meanwhile. Choose another.");
            return;
        }
        ExcerptDraft excerpt = draft.getExcerpts().get(index);
        excerpt.setPhotoId(photo.getId());
        // Prefilled from the library; the alt text describes this photo, so another photo's does not carry over.
        excerpt.setPhotoAlt(photo.getAltText());
        if (blank(excerpt.getCreditLine()) && photo.getDefaultCredit() != null) {
            excerpt.setCreditLine(photo.getDefaultCredit());
        }
        if (blank(excerpt.getCaption()) && photo.getDefaultCaption() != null) {
            excerpt.setCaption(photo.getDefaultCaption());
        }
        pickerFor = null;
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
    private PhotoLabel photoLabel(long photoId) {
        return photoLabels.computeIfAbsent(photoId, key -> {
            Photo photo = media.find(key);
            return photo == null ? new PhotoLabel("a photo no longer in the library", "")
                    : new PhotoLabel(photo.getOriginalFilename()
                            + (photo.getDefaultCredit() == null ? "" : " — " + photo.getDefaultCredit()), photo.getPublicKey());
        });
    }

    private record PhotoLabel(String name, String key) implements Serializable {
    }

    public PostMerge getMerge() {
        return merge;
    }

    public String getMergedWith() {
        return mergedWith;
    }

    public Map<String, String> getMergeChoices() {
        return mergeChoices;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private void redirectToSelf() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Faces.redirect("admin/posts/edit?id=%s", id);
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

    /**
     * The outlet registry, read once per page: the page must render again without the database when a save
     * fails because the database went away, so that what was typed stays on it.
     */
    public List<Outlet> getOutlets() {
        if (outlets == null) {
            outlets = outletRegistry.all();
        }
        return outlets;
    }

    /**
     * The steps this member of staff may take on this post, as the domain decides them ({@link Workflow}); the
     * page renders them, the service enforces them.
     */
    public Workflow getWorkflow() {
        return workflow;
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public PostStatus getStatus() {
        return status == null ? PostStatus.DRAFT : status;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public boolean isSlugLocked() {
        return everPublished;
    }

    public PostDraft getDraft() {
        return draft;
    }

    public boolean isConfirmDiscard() {
        return confirmDiscard;
    }

    public void setConfirmDiscard(boolean confirmDiscard) {
        this.confirmDiscard = confirmDiscard;
    }

    public String getRejectNote() {
        return rejectNote;
    }

    public void setRejectNote(String rejectNote) {
        this.rejectNote = rejectNote;
    }

    public LocalDateTime getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(LocalDateTime publishAt) {
        this.publishAt = publishAt;
    }
}
