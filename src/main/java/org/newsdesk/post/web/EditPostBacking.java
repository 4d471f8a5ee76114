package org.newsdesk.post.web;

import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.omnifaces.cdi.ViewScoped;
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
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.platform.Dates;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.RelativeTimes;
import org.newsdesk.media.MediaService;
import org.newsdesk.media.Photo;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.post.ComposeAssist;
import org.newsdesk.post.EditConflictException;
import org.newsdesk.post.ExcerptDraft;
import org.newsdesk.post.ExcerptImport;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostDraft;
import org.newsdesk.post.PostMerge;
import org.newsdesk.post.PostStatus;
import org.newsdesk.post.PublicationRefusedException;
import org.newsdesk.post.PublishingService;
import org.newsdesk.post.SameStory;
import org.newsdesk.post.StorySimilarity;
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

    @Inject
    private ComposeAssist assist;

    @Inject
    private SameStory sameStory;

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

    /** The post's address on the site, once it has one. */
    private String publicPath;
    /** The draft as last autosaved (its JSON), so that an unchanged draft is not written again. */
    private String autosaved;
    /** An autosave of this editor's that holds more than the post as saved: offered for restoring. */
    private ComposeAssist.Autosave restorable;
    /** The others who have this post open now. */
    private List<String> others = List.of();
    /** What the publish checks and the source checks say of the draft as typed; null until asked again. */
    private List<Check> checks;
    /** Whether an outlet rule is excused with an editor's reason in the draft as typed (with {@link #checks}). */
    private boolean excusedAny;
    /** When this editor's autosave last went out, and whether the last try failed for want of the database. */
    private java.time.Instant autosavedAt;
    private boolean autosaveFailed;
    /** After a save that kept another person's changes to other fields: what to tell this editor. */
    private String mergedNotice;

    @Inject
    private DeskWords words;

    @Inject
    private Dates dates;

    public void onload() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        if (idParameter.getSubmittedValue() == null) {
            workflow = publishing.workflow(null);
            draft = new PostDraft();
            draft.addExcerpt();
            offerAutosave();
            return;
        }
        if (idParameter.getValue() == null || publishing.find(idParameter.getValue()).isEmpty()) {
            Faces.responseSendError(404, "No such post");
            return;
        }
        reload(idParameter.getValue());
        offerAutosave();
        // Only someone who may change the post counts as editing it; a read-only look is not presence.
        if (workflow.may(Workflow.Step.SAVE)) {
            others = assist.present(id);
        }
    }

    /** This editor's autosave of the post, offered when it holds something the post as saved does not. */
    private void offerAutosave() {
        if (!workflow.may(Workflow.Step.SAVE)) {
            return;
        }
        long key = autosaveKey();
        autosaved = ComposeAssist.json(draft);
        assist.autosaved(key).ifPresent(found -> {
            if (ComposeAssist.json(found.draft()).equals(autosaved)) {
                assist.dropAutosave(key);
            } else {
                restorable = found;
            }
        });
    }

    /** Puts the offered autosave into the form; saving then writes it. */
    public void restoreAutosave() {
        if (restorable == null) {
            return;
        }
        PostDraft mine = restorable.draft();
        if (mine.getExcerpts().isEmpty()) {
            mine.addExcerpt();
        }
        if (id == null || restorable.baseVersion() == version) {
            draft = mine;
            Notices.info("compose.autosave.restored");
        } else {
            // Saved by someone since this editor's autosave: where the two differ, the page asks which to keep.
            merge = PostMerge.of(new PostDraft(), PostDraft.copyOf(draft), mine, outletNames());
            draft = merge.merged();
            mergedWith = words.get("compose.merge.savedNow");
            mergeChoices.clear();
            DeskMessages.error("merge", Phrase.of("compose.merge.afterAutosave"));
        }
        restorable = null;
        checks = null;
    }

    public void discardAutosave() {
        if (restorable != null) {
            assist.dropAutosave(autosaveKey());
            restorable = null;
            Notices.info("compose.autosave.discarded");
        }
    }

    /**
     * Called by the page a few seconds after each change, and every little while as long as it is open: saves
     * the draft as typed to this editor's autosave if it changed, and reports that the post is open here.
     */
    public void keepAlive() {
        checks = null;
        if (workflow == null || !workflow.may(Workflow.Step.SAVE)) {
            return;
        }
        try {
            String now = ComposeAssist.json(draft);
            if (!now.equals(autosaved)) {
                assist.autosave(autosaveKey(), version, draft);
                autosaved = now;
                autosavedAt = java.time.Instant.now();
                autosaveFailed = false;
            }
            if (id != null) {
                others = assist.present(id);
            }
        } catch (EJBException e) {
            if (!Faults.databaseUnreachable(e)) {
                throw e;
            }
            autosaveFailed = true;
        }
    }

    private long autosaveKey() {
        return id == null ? ComposeAssist.NEW_POST : id;
    }

    /** A change of the form's lists (an excerpt, a link, a photo) asks the checks again. */
    void changed() {
        checks = null;
        excusedAny = false;
    }

    /**
     * One thing the page points out before publishing: a publish check that fails now, or a note about a source or
     * about another post of the same story; {@code detail} follows the link.
     */
    public record Check(String field, Phrase message, boolean blocking, String link, String linkText, String detail) implements Serializable {
    }

    /**
     * What would stop publication now, and what to know about the sources: another post of the last week
     * quoting the same article, an address not on the chosen outlet's domain; and other recent posts that look
     * like the same story ({@link SameStory}), so the editor can add to one of them instead.
     */
    public List<Check> getChecks() {
        if (checks == null) {
            excusedAny = false;
            List<Check> found = new java.util.ArrayList<>();
            Map<Long, Outlet> byId = getOutlets().stream().collect(Collectors.toMap(Outlet::getId, o -> o));
            for (org.newsdesk.post.PublicationCheck.Problem problem : org.newsdesk.post.PublicationCheck.problems(draft, byId::get,
                    photoId -> photoLabel(photoId).alt())) {
                String field = problem.excerpt() == 0 ? null
                        : "excerpts:" + (problem.excerpt() - 1) + ":" + switch (problem.field()) {
                            case "body" -> "bodyText";
                            case "photo" -> "removePhoto";
                            default -> problem.field();
                        };
                found.add(new Check(field, problem.message(), true, null, null, problem.overridable()
                        ? words.get(workflow.may(Workflow.Step.OVERRIDE_LIMIT) ? "check.override.editor" : "check.override.writer") : null));
            }
            List<ExcerptDraft> excerpts = draft.getExcerpts();
            for (int n = 0; n < excerpts.size(); n++) {
                ExcerptDraft excerpt = excerpts.get(n);
                Outlet outlet = excerpt.getOutletId() == null ? null : byId.get(excerpt.getOutletId());
                String host = host(excerpt.getArticleUrl());
                if (outlet != null && host != null && !outlet.isHomeOf(host)) {
                    found.add(new Check("excerpts:" + n + ":articleUrl", Phrase.of("check.otherDomain", n + 1, host, outlet.getDomain(),
                            outlet.getName()), false, null, null, null));
                }
            }
            Set<Long> quoting = new java.util.HashSet<>();
            try {
                for (ComposeAssist.Quote quote : assist.quotedElsewhere(excerpts.stream().map(ExcerptDraft::getArticleUrl).toList(), id)) {
                    for (int n = 0; n < excerpts.size(); n++) {
                        if (quote.articleUrl().equals(excerpts.get(n).getArticleUrl() == null ? null : excerpts.get(n).getArticleUrl().strip())) {
                            found.add(new Check("excerpts:" + n + ":articleUrl", Phrase.of("check.quotedElsewhere", n + 1,
                                    words.get("status." + quote.status().name())), false,
                                    "admin/posts/edit?id=" + quote.postId(), quote.headline(), null));
                            quoting.add(quote.postId());
                        }
                    }
                }
                for (SameStory.Match match : sameStory.of(draft, id)) {
                    // A post already named above for quoting the same article is not named twice.
                    if (!quoting.contains(match.postId())) {
                        found.add(new Check(null, Phrase.of("check.sameStory"), false, "admin/posts/edit?id=" + match.postId(), match.headline(),
                                sameStoryDetail(match)));
                    }
                }
            } catch (EJBException e) {
                if (!Faults.databaseUnreachable(e)) {
                    throw e;
                }
            }
            // Rules an editor's reason lets through are said, not passed over in silence.
            for (org.newsdesk.post.PublicationCheck.Override excused : org.newsdesk.post.PublicationCheck.overrides(draft, byId::get,
                    photoId -> photoLabel(photoId).alt())) {
                found.add(new Check("excerpts:" + (excused.excerpt() - 1) + ":lengthOverrideReason", Phrase.of("check.excused",
                        excused.excerpt(), excused.outletName(), words.join(excused.rules().stream()
                                .map(rule -> words.get("check.rule." + rule.replace(' ', '-'))).toList()), excused.reason()),
                        false, null, null, null));
                excusedAny = true;
            }
            checks = found;
        }
        return checks;
    }

    /** What the page says when nothing blocks publication: whether an outlet's rule was excused with a reason. */
    public String getChecksOkText() {
        getChecks();
        return words.get(excusedAny ? "check.okExcused" : "compose.checks.ok");
    }

    /** "(62%: similar headline, sinwar, hamas; draft)": how alike, why, and where the other post stands. */
    private String sameStoryDetail(SameStory.Match match) {
        StorySimilarity.Score score = match.score();
        String shared = score.sharedWords().isEmpty() ? "" : words.get("list.separator") + words.join(score.sharedWords());
        return words.f("check.sameStory.detail", score.percent(), words.get("similarity." + score.reason().name()), shared,
                words.get("status." + match.status().name()));
    }

    /** The address's host as outlet domains are written ({@code reuters.com}); null for no web address. */
    private static String host(String url) {
        return org.newsdesk.post.PublicationCheck.isWebAddress(url) ? Outlet.normalizeDomain(java.net.URI.create(url.strip()).getHost()) : null;
    }

    public boolean isBlockingChecks() {
        return getChecks().stream().anyMatch(Check::blocking);
    }

    /** "Notes on REUTERS: ..." for the excerpt quoting that outlet, or empty: what the registry tells editors about it. */
    public String outletNotes(Long outletId) {
        Outlet outlet = outletId == null ? null : getOutlets().stream().filter(o -> o.getId().equals(outletId)).findFirst().orElse(null);
        return outlet == null || outlet.getNotes() == null ? "" : words.f("compose.outletNotes", outlet.getName(), outlet.getNotes());
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

    public ComposeAssist.Autosave getRestorable() {
        return restorable;
    }

    /** "3 seconds ago", "14 minutes ago": how old the offered autosave is, in the desk's language (CLDR's wording). */
    public String getRestorableAge() {
        return restorable == null ? "" : RelativeTimes.ago(restorable.age(), words.locale());
    }

    /** "Autosaved 5 seconds ago (14:05:31)", true at the moment the page is drawn; empty before the first autosave. */
    public String getAutosaveStatus() {
        if (autosaveFailed) {
            return words.get("compose.autosave.unreachable");
        }
        return autosavedAt == null ? "" : words.f("compose.autosave.at", RelativeTimes.ago(java.time.Duration.between(autosavedAt,
                java.time.Instant.now()), words.locale()), dates.timeWithSeconds(autosavedAt));
    }

    public List<String> getOthers() {
        return others;
    }

    public String getOthersText() {
        return words.join(others);
    }

    public String getPublicPath() {
        return publicPath;
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
        merge = null;
        mergeChoices.clear();
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

    private boolean store(Supplier<Post> saving, boolean mayMergeAndRetry) {
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
                DeskMessages.error("merge", Phrase.of("compose.merge.choose",
                        words.join(undecided.stream().map(field -> words.say(field.label())).toList())));
                return false;
            }
            merge.resolve(draft, choices);
        }
        try {
            Post post = saving.get();
            boolean created = id == null;
            id = post.getId();
            forgetAutosave(created);
            // The version Hibernate gave the post when the save was flushed, as committed.
            version = post.getVersion();
            opened = PostDraft.copyOf(draft);
            merge = null;
            mergeChoices.clear();
            // An outlet added on the spot is in the registry now.
            outlets = null;
            return true;
        } catch (EditConflictException e) {
            // Someone saved meanwhile. Where they changed other fields than this editor, both are kept and saved
            // at once; only where both changed one field does the page ask.
            if (mergeWithSaved(e) && mayMergeAndRetry) {
                String theirFields = words.join(merge.fields().stream().filter(f -> f.outcome() != PostMerge.Outcome.MINE)
                        .map(field -> words.say(field.label())).toList());
                String who = mergedWith;
                if (store(saving, false)) {
                    mergedNotice = words.f("compose.merge.keptTheirs", who, theirFields);
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

    /** Saved for real: the autosave has nothing more to offer. Failing to forget it costs nothing but an offer. */
    private void forgetAutosave(boolean created) {
        try {
            assist.dropAutosave(created ? ComposeAssist.NEW_POST : id);
            autosaved = ComposeAssist.json(draft);
            restorable = null;
        } catch (EJBException e) {
            java.util.logging.Logger.getLogger(EditPostBacking.class.getName()).warning("The autosave of post " + id + " was not forgotten: " + e);
        }
    }

    /**
     * Someone saved the post while this editor worked: their changes go into the form, this editor's
     * changes stay on top of them, and where both changed one field the page asks which to keep. The
     * next save writes exactly that (and merges again if yet another save came in between).
     */
    private boolean mergeWithSaved(EditConflictException conflict) {
        Post saved = publishing.find(id).map(found -> publishing.post(found.getId())).orElse(null);
        if (saved == null) {
            DeskMessages.error(null, Phrase.of("compose.deletedMeanwhile", conflict.savedBy()));
            return false;
        }
        PostDraft theirs = PostDraft.of(saved);
        merge = PostMerge.of(opened, theirs, draft, outletNames());
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
        mergedWith = words.f("compose.merge.savedBy", conflict.savedBy(), dates.timeWithSeconds(conflict.savedAt()));
        int clashes = merge.conflicts().size();
        if (clashes == 0) {
            return true;
        }
        DeskMessages.error("merge", Phrase.of("compose.merge.conflicts", mergedWith, clashes));
        return false;
    }

    /**
     * Outlet names for a merge's table, read from the registry now: the other side may have added an outlet this
     * page has not seen.
     */
    private java.util.function.Function<Long, String> outletNames() {
        Map<Long, String> names = outletRegistry.all().stream().collect(Collectors.toMap(Outlet::getId, Outlet::getName));
        return outletId -> names.getOrDefault(outletId, "");
    }

    /** Turns each chosen file into a photo of the library and attaches it to its excerpt. */
    boolean takeUploads() {
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

    public void addExcerpt() {
        takeUploads();
        changed();
        draft.addExcerpt();
    }

    public void removeExcerpt(int index) {
        takeUploads();
        changed();
        draft.getExcerpts().remove(index);
    }

    public void moveExcerpt(int index, int offset) {
        takeUploads();
        changed();
        List<ExcerptDraft> excerpts = draft.getExcerpts();
        int to = index + offset;
        if (to >= 0 && to < excerpts.size()) {
            excerpts.add(to, excerpts.remove(index));
        }
    }

    public void addRelated(int index) {
        takeUploads();
        changed();
        draft.getExcerpts().get(index).addRelated();
    }

    public void removeRelated(int index, int link) {
        takeUploads();
        changed();
        draft.getExcerpts().get(index).getRelated().remove(link);
    }

    public void moveRelated(int index, int link, int offset) {
        takeUploads();
        changed();
        List<org.newsdesk.post.RelatedLinkDraft> related = draft.getExcerpts().get(index).getRelated();
        int to = link + offset;
        if (to >= 0 && to < related.size()) {
            related.add(to, related.remove(link));
        }
    }

    /** The sections there are, offered as the section field is typed in. */
    public List<org.newsdesk.post.Section> getSections() {
        if (sections == null) {
            sections = publishing.sections();
        }
        return sections;
    }

    /** A photo chosen in the file field is uploaded at once (Faces Ajax), and attached to its excerpt. */
    public void attachUploads() {
        takeUploads();
        changed();
    }

    public void removePhoto(int index) {
        changed();
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
            DeskMessages.error("excerpts:" + index + ":photoFile", Phrase.of("compose.photo.gone"));
            return;
        }
        ExcerptImport.usePhoto(draft.getExcerpts().get(index), photo);
        pickerFor = null;
        changed();
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
            return photo == null ? new PhotoLabel(words.get("compose.photo.goneName"), "", null)
                    : new PhotoLabel(photo.getOriginalFilename()
                            + (photo.getDefaultCredit() == null ? "" : " — " + photo.getDefaultCredit()), photo.getPublicKey(), photo.getAltText());
        });
    }

    private record PhotoLabel(String name, String key, String alt) implements Serializable {
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
}
