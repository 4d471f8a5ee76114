package org.newsdesk.post.web;

import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.platform.Dates;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.post.EditConflictException;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostDraft;
import org.newsdesk.post.PostStatus;
import org.newsdesk.post.PublicationRefusedException;
import org.newsdesk.post.PublishingService;
import org.newsdesk.post.Workflow;
import org.newsdesk.post.WorkflowException;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.cdi.param.ParamValue;
import org.omnifaces.util.Faces;

/**
 * Serves {@code admin/posts/edit.xhtml}, the compose page: the post being composed and its workflow. The whole
 * draft lives in this view-scoped bean until saved, so nothing typed is lost to a refused save, a failed upload
 * or an edit conflict; every workflow button saves the draft and takes its step in one go, so a refused step
 * saves nothing. The page's other parts, each of this view too, work on this draft: its excerpts and links
 * ({@link ComposeExcerpts}), photos and the library picker ({@link ComposePhotos}), what to check before publishing
 * ({@link ComposeChecks}), autosave and presence ({@link ComposeAutosave}), two people's changes ({@link ComposeMerge})
 * and import from the source ({@link ImportBacking}).
 */
@Named("editPost")
@ViewScoped
public class EditPostBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PublishingService publishing;

    @Inject
    private OutletService outletRegistry;

    @Inject
    private PlatformConfig platform;

    @Inject
    private ComposePhotos photos;

    @Inject
    private ComposeChecks checks;

    @Inject
    private ComposeAutosave autosave;

    @Inject
    private ComposeMerge merge;

    @Inject
    private DeskWords words;

    @Inject
    private Dates dates;

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
    /** The post as it was when this editor opened it (or last merged): the base of a three-way merge. */
    private PostDraft opened;
    /** Transient: outlets are entities, not serializable; after the view is restored elsewhere they are read again. */
    private transient List<Outlet> outlets;
    private transient List<org.newsdesk.post.Section> sections;
    /** The post's address on the site, once it has one. */
    private String publicPath;
    /** After a save that kept another person's changes to other fields: what to tell this editor. */
    private String mergedNotice;

    public void onload() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        if (idParameter.getSubmittedValue() == null) {
            workflow = publishing.workflow(null);
            draft = new PostDraft();
            draft.addExcerpt();
            autosave.opened();
            return;
        }
        if (idParameter.getValue() == null || publishing.find(idParameter.getValue()).isEmpty()) {
            Faces.responseSendError(404, "No such post");
            return;
        }
        reload(idParameter.getValue());
        autosave.opened();
    }

    private void reload(long postId) {
        Post post = publishing.post(postId);
        id = post.getId();
        version = post.getVersion();
        status = post.getStatus();
        reviewNote = post.getReviewNote();
        everPublished = post.getPublishedAt() != null;
        publicPath = post.getPath();
        workflow = publishing.workflow(postId);
        draft = PostDraft.of(post);
        if (draft.getExcerpts().isEmpty()) {
            draft.addExcerpt();
        }
        opened = PostDraft.copyOf(draft);
        merge.clear();
    }

    /** The registry as the page's scripts read it: to suggest the outlet from an address, and to count words against its limit. */
    public String getOutletsJson() {
        jakarta.json.JsonArrayBuilder array = jakarta.json.Json.createArrayBuilder();
        for (Outlet outlet : getOutlets()) {
            jakarta.json.JsonObjectBuilder o = jakarta.json.Json.createObjectBuilder().add("id", outlet.getId())
                    .add("name", outlet.getName()).add("domain", outlet.getDomain());
            if (outlet.getMaxExcerptWords() != null) {
                o.add("limit", outlet.getMaxExcerptWords());
            }
            if (outlet.getNotes() != null) {
                o.add("notes", outlet.getNotes());
            }
            array.add(o);
        }
        return array.build().toString();
    }

    public String getPublicPath() {
        return publicPath;
    }

    public void save() throws IOException {
        if (store(() -> id == null ? publishing.create(draft) : publishing.save(id, version, draft))) {
            Notices.info(mergedNotice == null ? "compose.saved" : mergedNotice);
            redirectToSelf();
        }
    }

    public void submit() throws IOException {
        step("compose.submitted", () -> publishing.submit(id, version, draft));
    }

    public void publish() throws IOException {
        step("compose.published", () -> publishing.publish(id, version, draft));
    }

    public void schedule() throws IOException {
        if (publishAt == null) {
            DeskMessages.error("publishAt", Phrase.of("compose.publishAt.required"));
            return;
        }
        java.time.Instant at = publishAt.atZone(platform.zone()).toInstant();
        step(words.f("compose.scheduled", dates.display(at), dates.time(at)),
                () -> publishing.schedule(id, version, draft, at));
    }

    public void cancelSchedule() throws IOException {
        step("compose.scheduleCancelled", () -> publishing.cancelSchedule(id, version, draft));
    }

    public void reject() throws IOException {
        step("compose.sentBackDone", () -> publishing.reject(id, version, draft, rejectNote));
    }

    public void unpublish() throws IOException {
        step("compose.unpublished", () -> publishing.unpublish(id, version, draft));
    }

    public void discard() throws IOException {
        if (!confirmDiscard) {
            DeskMessages.error("confirmDiscard", Phrase.of("compose.delete.tickFirst"));
            return;
        }
        try {
            publishing.discard(id);
            Notices.info("compose.deleted", draft.getHeadline());
            Faces.redirect("admin/posts/");
        } catch (WorkflowException e) {
            DeskMessages.show(e);
        }
    }

    /** Saves and takes a step; {@code done} is a key of the desk's words, or the words themselves. */
    private void step(String done, Supplier<Post> saveAndStep) throws IOException {
        if (store(saveAndStep)) {
            Notices.info(done);
            if (mergedNotice != null) {
                Notices.info(mergedNotice);
            }
            redirectToSelf();
        }
    }

    /**
     * Saves the draft, and takes a workflow step with it if asked to: the service does both in one
     * transaction. On any refusal nothing was saved, the messages go to their fields, and the draft stays
     * as typed.
     */
    private boolean store(Supplier<Post> saving) {
        mergedNotice = null;
        return store(saving, true);
    }

    /** The sections there are, offered as the section field is typed in. */
    public List<org.newsdesk.post.Section> getSections() {
        if (sections == null) {
            sections = publishing.sections();
        }
        return sections;
    }

    private void redirectToSelf() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Faces.redirect("admin/posts/edit?id=%s", id);
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

    /** A draft an editor sent back with a note: the page says "sent back", not "draft". */
    public boolean isSentBack() {
        return getStatus() == PostStatus.DRAFT && reviewNote != null && !reviewNote.isBlank();
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

    private boolean store(Supplier<Post> saving, boolean mayMergeAndRetry) {
        if (!photos.takeUploads()) {
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
        if (!merge.resolve(draft)) {
            return false;
        }
        try {
            Post post = saving.get();
            boolean created = id == null;
            id = post.getId();
            autosave.forget(created);
            // The version Hibernate gave the post when the save was flushed, as committed.
            version = post.getVersion();
            opened = PostDraft.copyOf(draft);
            merge.clear();
            // An outlet added on the spot is in the registry now.
            outlets = null;
            return true;
        } catch (EditConflictException e) {
            // Someone saved meanwhile. Where they changed other fields than this editor, both are kept and saved
            // at once; only where both changed one field does the page ask.
            if (merge.withSaved(e, opened, draft) && mayMergeAndRetry) {
                String kept = merge.keptTheirs();
                if (store(saving, false)) {
                    mergedNotice = kept;
                    return true;
                }
            }
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
                DeskMessages.error(null, Phrase.of("compose.unreachable"));
                return false;
            }
            if (!DeskMessages.show(e)) {
                throw e;
            }
            return false;
        }
    }

    /**
     * The post as someone else saved it, with this editor's changes merged on top ({@link ComposeMerge}): the form
     * shows the merged draft, and the next save writes it over their version.
     */
    void adoptSaved(Post saved, PostDraft merged, PostDraft theirs) {
        draft = merged;
        if (draft.getExcerpts().isEmpty()) {
            draft.addExcerpt();
        }
        opened = PostDraft.copyOf(theirs);
        version = saved.getVersion();
        status = saved.getStatus();
        everPublished = saved.getPublishedAt() != null;
        workflow = publishing.workflow(id);
        checks.changed();
    }

    /** Puts another draft into the form (a restored autosave). */
    void setDraft(PostDraft draft) {
        this.draft = draft;
        checks.changed();
    }

    long getVersion() {
        return version;
    }
}
