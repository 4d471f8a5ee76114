package org.newsdesk.post;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import org.newsdesk.audit.AuditEvent;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.media.Photo;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.PlatformConfig;

/**
 * The publishing workflow. Writers draft and submit their own posts; editors also edit anyone's,
 * publish, schedule, send back with a note, unpublish and restore revisions. Roles are checked here,
 * whatever the pages show. Every step is audited; steps readers can see fire {@link PostChanged}.
 */
@Stateless
@RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
public class PublishingService {

    private static final String POST = "post";

    /** How many posts each of the desk's "what needs me" lists shows at most; the post list has the rest. */
    public static final int NEEDS_ME_LIMIT = 10;

    private static final DateTimeFormatter NEWSROOM_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy HH:mm VV", Locale.ENGLISH);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private PostRepository posts;

    @Inject
    private AccountService accounts;

    @Inject
    private OutletService outlets;

    @Inject
    private PlatformConfig platform;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<PostChanged> changes;

    @Inject
    private Event<PostScheduled> schedules;

    public Post create(@NotNull @Valid PostDraft draft) {
        User me = accounts.currentUser();
        Instant now = now();
        Post post = new Post(draft.getHeadline().strip(), me, now);
        String wanted = blank(draft.getSlug()) ? null : Slugs.of(draft.getSlug());
        post.setSlug(uniqueSlug(wanted != null ? wanted : Slugs.of(draft.getHeadline()), wanted != null, null));
        apply(post, draft, me);
        posts.add(post);
        audit.record("post.created", POST, post.getId(), post.getHeadline());
        return post;
    }

    /**
     * Saves the compose page over the post, unless someone saved it after {@code expectedVersion} was
     * read: then nothing is written and the editor is told who saved in between.
     */
    public Post save(long postId, long expectedVersion, @NotNull @Valid PostDraft draft) {
        Post post = lockedPost(postId);
        Set<String> placedBefore = PostChanged.placesOf(post);
        update(post, expectedVersion, draft);
        revisedWhilePublished(post, placedBefore);
        audit.record("post.saved", POST, post.getId(), "version " + expectedVersion);
        return post;
    }

    /*
     * The compose page's workflow buttons. Each saves the draft as typed (creating the post if it is new)
     * and takes its step in one transaction, so a step that is refused leaves the post, and the audit
     * log, as they were: the person sees why, with the draft still on the page.
     */

    public Post submit(Long postId, long expectedVersion, @NotNull @Valid PostDraft draft) {
        Post post = store(postId, expectedVersion, draft);
        submit(post.getId());
        return post;
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Post publish(Long postId, long expectedVersion, @NotNull @Valid PostDraft draft) {
        Post post = store(postId, expectedVersion, draft);
        publish(post.getId());
        return post;
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Post schedule(Long postId, long expectedVersion, @NotNull @Valid PostDraft draft, Instant at) {
        Post post = store(postId, expectedVersion, draft);
        schedule(post.getId(), at);
        return post;
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Post cancelSchedule(long postId, long expectedVersion, @NotNull @Valid PostDraft draft) {
        Post post = store(postId, expectedVersion, draft);
        cancelSchedule(postId);
        return post;
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Post reject(long postId, long expectedVersion, @NotNull @Valid PostDraft draft, String note) {
        Post post = store(postId, expectedVersion, draft);
        reject(postId, note);
        return post;
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Post unpublish(long postId, long expectedVersion, @NotNull @Valid PostDraft draft) {
        Post post = store(postId, expectedVersion, draft);
        unpublish(postId);
        return post;
    }

    public void submit(long postId) {
        User me = accounts.currentUser();
        Post post = lockedPost(postId);
        require(post, Workflow.Step.SUBMIT);
        post.submit(now());
        post.touch(me, now());
        audit.record("post.submitted", POST, postId, (String) null);
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void publish(long postId) {
        Post post = lockedPost(postId);
        require(post, Workflow.Step.PUBLISH);
        boolean first = post.getPublishedAt() == null;
        post.publish(now());
        post.touch(accounts.currentUser(), now());
        writeRevision(post, accounts.currentUser(), first ? "published" : "published again");
        audit.record("post.published", POST, postId, overrides(post));
        changes.fire(new PostChanged(postId, post.getSlug(), post.getStatus(), PostChanged.Kind.PUBLISHED, PostChanged.placesOf(post)));
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void schedule(long postId, Instant at) {
        Post post = lockedPost(postId);
        require(post, Workflow.Step.SCHEDULE);
        post.schedule(at, now());
        post.touch(accounts.currentUser(), now());
        audit.record("post.scheduled", POST, postId, "for " + newsroomTime(at) + overrides(post));
        schedules.fire(new PostScheduled(postId, at));
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void cancelSchedule(long postId) {
        Post post = lockedPost(postId);
        require(post, Workflow.Step.CANCEL_SCHEDULE);
        Instant was = post.getPublishAt();
        post.cancelSchedule();
        post.touch(accounts.currentUser(), now());
        audit.record("post.schedule-cancelled", POST, postId, "was for " + newsroomTime(was));
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void reject(long postId, String note) {
        Post post = lockedPost(postId);
        require(post, Workflow.Step.SEND_BACK);
        post.reject(note);
        post.touch(accounts.currentUser(), now());
        audit.record("post.sent-back", POST, postId, note);
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void unpublish(long postId) {
        Post post = lockedPost(postId);
        require(post, Workflow.Step.UNPUBLISH);
        post.unpublish();
        post.touch(accounts.currentUser(), now());
        audit.record("post.unpublished", POST, postId, (String) null);
        changes.fire(new PostChanged(postId, post.getSlug(), post.getStatus(), PostChanged.Kind.UNPUBLISHED, PostChanged.placesOf(post)));
    }

    /**
     * Deletes a post that readers have never seen or no longer see: a writer their own draft, an editor
     * any post that is not published or scheduled. What it was stays in the audit log.
     */
    public void discard(long postId) {
        Post post = lockedPost(postId);
        require(post, Workflow.Step.DELETE);
        audit.record("post.deleted", POST, postId, post.getHeadline() + " (" + post.getStatus().name().toLowerCase(java.util.Locale.ROOT) + ")");
        em.createQuery("delete from PostRevision r where r.post = :post").setParameter("post", post).executeUpdate();
        // An unpublished post may have comments; untie the replies so the cascade can remove them in any order.
        em.createNativeQuery("update comment set parent_id = null where post_id = ?1").setParameter(1, postId).executeUpdate();
        // Anyone's background copy of it goes too (ComposeAssist); presence goes with the post (a foreign key).
        em.createNativeQuery("delete from post_autosave where post_id = ?1").setParameter(1, postId).executeUpdate();
        em.remove(post);
    }

    /**
     * Puts a revision's headline and excerpts back. The restore is itself a revision ("restored from
     * revision N"), whatever the post's state, so that it can be compared and undone like any other.
     */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Post restore(long postId, int revisionNumber, long expectedVersion) {
        PostRevision revision = posts.revisions(postId).stream().filter(r -> r.getNumber() == revisionNumber).findFirst()
                .orElseThrow(() -> new WorkflowException(null, Phrase.of("workflow.noRevision", revisionNumber)));
        Post post = lockedPost(postId);
        require(post, Workflow.Step.RESTORE);
        Set<String> placedBefore = PostChanged.placesOf(post);
        PostDraft restored = PostSnapshot.toDraft(revision.getSnapshot(), null);
        // A revision is what readers read; whether they may comment now is not part of it.
        restored.setCommentsOpen(post.isCommentsOpen());
        restored.setCommentsCloseAfterDays(post.getCommentsCloseAfterDays());
        update(post, expectedVersion, restored);
        writeRevision(post, accounts.currentUser(), "restored from revision " + revisionNumber);
        if (post.isPublished()) {
            changes.fire(revised(post, placedBefore));
        }
        audit.record("post.restored", POST, postId, "revision " + revisionNumber);
        return post;
    }

    /**
     * Publishes a scheduled post whose time has come; does nothing for any other post. The row lock
     * makes this exactly-once even when several instances' timers fire for the same post.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean publishIfDue(long postId) {
        Post post = posts.findForUpdate(postId).orElse(null);
        Instant now = now();
        if (post == null || !post.isDue(now)) {
            return false;
        }
        Instant scheduledFor = post.getPublishAt();
        post.publish(now);
        writeRevision(post, null, "published on schedule");
        audit.recordAs("scheduler", "post.published", POST, postId, "scheduled for " + newsroomTime(scheduledFor));
        changes.fire(new PostChanged(postId, post.getSlug(), post.getStatus(), PostChanged.Kind.PUBLISHED, PostChanged.placesOf(post)));
        return true;
    }

    public Post post(long postId) {
        Post post = posts.find(postId).orElseThrow(() -> new WorkflowException(null, Phrase.of("moderation.noPost")));
        // Everything the compose page, the preview and the history read, loaded before the transaction ends.
        org.hibernate.Hibernate.initialize(post.getSection());
        org.hibernate.Hibernate.initialize(post.getAuthor());
        org.hibernate.Hibernate.initialize(post.getTags());
        for (Excerpt e : post.getExcerpts()) {
            org.hibernate.Hibernate.initialize(e.getRelatedLinks());
            org.hibernate.Hibernate.initialize(e.getOutlet());
            org.hibernate.Hibernate.initialize(e.getPhoto());
        }
        return post;
    }

    public java.util.Optional<Post> find(long postId) {
        return posts.find(postId);
    }

    public DeskPage desk(DeskFilter filter) {
        return posts.desk(filter);
    }

    /** The signed-in writer's drafts that an editor sent back with a note, for the desk's front page. */
    public List<Post> sentBackToMe() {
        return posts.sentBackTo(context.getCallerPrincipal().getName(), NEEDS_ME_LIMIT);
    }

    /** Posts waiting for an editor's review, the longest waiting first. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public List<Post> waitingForReview() {
        return posts.inReview(NEEDS_ME_LIMIT);
    }

    /** Posts that publish themselves from now until midnight in the newsroom's time zone, soonest first. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public List<Post> scheduledToday() {
        Instant now = now();
        Instant midnight = now.atZone(platform.zone()).toLocalDate().plusDays(1).atStartOfDay(platform.zone()).toInstant();
        return posts.scheduledBetween(now, midnight, NEEDS_ME_LIMIT);
    }

    public List<PostRevision> revisions(long postId) {
        return posts.revisions(postId);
    }

    public List<AuditEvent> history(long postId) {
        return audit.forObject(POST, postId);
    }

    public List<Section> sections() {
        return posts.sections();
    }

    /**
     * The steps open to the signed-in member of staff on this post ({@code null}: a post being composed), and
     * why it is read-only to them if it is. The pages show these; each step below refuses what is not open.
     */
    public Workflow workflow(Long postId) {
        Post post = postId == null ? null : posts.find(postId).orElse(null);
        return Workflow.of(post, accounts.currentUser());
    }

    /** Puts a draft over a post, unless someone saved it after {@code expectedVersion}; writes no audit entry. */
    private void update(Post post, long expectedVersion, PostDraft draft) {
        User me = accounts.currentUser();
        require(post, Workflow.Step.SAVE);
        if (post.getVersion() != expectedVersion) {
            User other = post.getUpdatedBy();
            throw new EditConflictException(other == null ? "Someone" : other.getDisplayName(), post.getUpdatedAt(), post.getVersion());
        }
        if (post.getPublishedAt() == null && !blank(draft.getSlug()) && !Slugs.of(draft.getSlug()).equals(post.getSlug())) {
            post.setSlug(uniqueSlug(Slugs.of(draft.getSlug()), true, post.getId()));
        }
        post.setHeadline(draft.getHeadline().strip());
        apply(post, draft, me);
    }

    /** A save of a published post is a revision readers may have read, and changes what they see. */
    private void revisedWhilePublished(Post post, Set<String> placedBefore) {
        if (post.isPublished()) {
            writeRevision(post, accounts.currentUser(), "saved while published");
            changes.fire(revised(post, placedBefore));
        }
    }

    /** A revision changes the listings it moved the post out of or into, and no others. */
    private static PostChanged revised(Post post, Set<String> placedBefore) {
        Set<String> placedAfter = PostChanged.placesOf(post);
        Set<String> places = new LinkedHashSet<>(placedBefore);
        places.addAll(placedAfter);
        places.removeIf(place -> placedBefore.contains(place) && placedAfter.contains(place));
        return new PostChanged(post.getId(), post.getSlug(), post.getStatus(), PostChanged.Kind.REVISED, places);
    }

    /**
     * The save half of a compose-page step: creates the post if it is new, otherwise puts the draft over
     * it, recording "post.saved" only if the draft changed something the page edits.
     */
    private Post store(Long postId, long expectedVersion, PostDraft draft) {
        if (postId == null) {
            return create(draft);
        }
        Post post = lockedPost(postId);
        String before = editable(post);
        Set<String> placedBefore = PostChanged.placesOf(post);
        update(post, expectedVersion, draft);
        revisedWhilePublished(post, placedBefore);
        if (!editable(post).equals(before)) {
            audit.record("post.saved", POST, postId, "version " + expectedVersion);
        }
        return post;
    }

    /** Everything the compose page edits, as one string, to tell whether a save changed anything. */
    private static String editable(Post post) {
        return PostSnapshot.toJson(post) + " slug " + post.getSlug() + " comments close after " + post.getCommentsCloseAfterDays();
    }

    /** "July 1, 2099 09:30 UTC": a time for the audit log, in the newsroom's zone, as the history page shows times. */
    private String newsroomTime(Instant instant) {
        return NEWSROOM_TIME.withZone(platform.zone()).format(instant);
    }

    private void apply(Post post, PostDraft draft, User me) {
        boolean editor = Workflow.of(post, me).may(Workflow.Step.OVERRIDE_LIMIT);
        post.setSection(blank(draft.getSection()) ? null : posts.sectionNamed(draft.getSection()));
        post.getTags().clear();
        draft.tagNames().forEach(name -> post.getTags().add(posts.tagNamed(name)));
        post.setCommentsOpen(draft.isCommentsOpen());
        post.setCommentsCloseAfterDays(draft.getCommentsCloseAfterDays());
        List<String> keptReasons = post.getExcerpts().stream().map(Excerpt::getLengthOverrideReason).toList();
        List<Excerpt> old = List.copyOf(post.getExcerpts());
        old.forEach(post::removeExcerpt);
        em.flush();
        int n = 0;
        for (ExcerptDraft source : draft.getExcerpts()) {
            n++;
            Excerpt excerpt = post.addExcerpt();
            excerpt.setOutlet(outlet(source, n));
            String url = blank(source.getArticleUrl()) ? null : source.getArticleUrl().strip();
            if (url != null && !PublicationCheck.isWebAddress(url)) {
                throw new WorkflowException("excerpts:" + (n - 1) + ":articleUrl",
                        Phrase.of("workflow.articleUrl", n));
            }
            excerpt.setArticleUrl(url);
            excerpt.setOriginalPublishedOn(source.getOriginalPublishedOn());
            excerpt.setSourceAuthors(blank(source.getSourceAuthors()) ? null : source.getSourceAuthors().strip());
            excerpt.setDek(blank(source.getDek()) ? null : source.getDek().strip());
            excerpt.setBody(ExcerptMarkup.fromEditorText(source.getBodyText()));
            excerpt.setPhoto(source.getPhotoId() == null ? null : em.find(Photo.class, source.getPhotoId()));
            excerpt.setCaption(blank(source.getCaption()) ? null : source.getCaption().strip());
            excerpt.setCreditLine(blank(source.getCreditLine()) ? null : source.getCreditLine().strip());
            excerpt.setPhotoAlt(excerpt.getPhoto() == null || blank(source.getPhotoAlt()) ? null : source.getPhotoAlt().strip());
            if (excerpt.getPhoto() != null && excerpt.getPhotoAlt() != null && blank(excerpt.getPhoto().getAltText())) {
                // As WordPress does: the first description written for a photo becomes the library's, for its next use.
                excerpt.getPhoto().setAltText(excerpt.getPhotoAlt());
            }
            excerpt.setPhotoLicence(excerpt.getPhoto() == null || blank(source.getPhotoLicence()) ? null : source.getPhotoLicence().strip());
            excerpt.setSourceWordCount(source.getSourceWordCount());
            // Only an editor may excuse an excerpt from its outlet's rules (word limit, share, photo policy, credit format).
            excerpt.setLengthOverrideReason(editor ? (blank(source.getLengthOverrideReason()) ? null : source.getLengthOverrideReason().strip())
                    : n <= keptReasons.size() ? keptReasons.get(n - 1) : null);
            int r = 0;
            for (RelatedLinkDraft link : source.getRelated()) {
                r++;
                if (link.isBlank()) {
                    continue;
                }
                if (blank(link.getTitle()) || !PublicationCheck.isWebAddress(link.getUrl())) {
                    throw new WorkflowException("excerpts:" + (n - 1) + ":related:" + (r - 1) + ":url",
                            Phrase.of("workflow.related", n, r));
                }
                excerpt.getRelatedLinks().add(new RelatedLink(link.getTitle().strip(), link.getUrl().strip()));
            }
        }
        post.touch(me, now());
    }

    /** The excerpt's outlet: picked from the registry, or named on the spot and added through the registry's checks. */
    private Outlet outlet(ExcerptDraft source, int n) {
        String field = "excerpts:" + (n - 1) + ":";
        if (source.getOutletId() != null) {
            Outlet picked = outlets.find(source.getOutletId());
            if (picked == null) {
                throw new WorkflowException(field + "outletId", Phrase.of("workflow.outletGone", n));
            }
            return picked;
        }
        if (blank(source.getNewOutletName())) {
            return null;
        }
        if (blank(source.getNewOutletDomain())) {
            throw new WorkflowException(field + "newOutletDomain", Phrase.of("workflow.newOutletDomain", n));
        }
        try {
            return outlets.findOrAdd(source.getNewOutletName(), source.getNewOutletDomain());
        } catch (OutletService.OutletRefused refused) {
            throw new WorkflowException(field + ("name".equals(refused.field()) ? "newOutletName" : "newOutletDomain"),
                    Phrase.of("workflow.newOutlet", n, refused.phrase()));
        }
    }

    private String uniqueSlug(String slug, boolean chosen, Long postId) {
        if (!posts.slugTaken(slug, postId)) {
            return slug;
        }
        if (chosen) {
            throw new WorkflowException("slug", Phrase.of("workflow.slugTaken", slug));
        }
        for (int i = 2; ; i++) {
            String candidate = slug + "-" + i;
            if (!posts.slugTaken(candidate, postId)) {
                return candidate;
            }
        }
    }

    private void writeRevision(Post post, User editor, String note) {
        em.flush();
        posts.add(new PostRevision(post, posts.lastRevisionNumber(post.getId()) + 1, editor, now(), PostSnapshot.toJson(post), note));
    }

    /**
     * The outlet rules an editor's reasons let through, for the audit log: "(excerpt 2 overrides REUTERS's
     * share of an article, photo credit format: Licensed in full)". A reason kept on an excerpt that breaks no
     * rule now is not an override and is left out.
     */
    private static String overrides(Post post) {
        String reasons = PublicationCheck.overrides(post).stream()
                .map(o -> "excerpt " + o.excerpt() + " overrides " + o.outletName() + "'s " + String.join(", ", o.rules()) + ": " + o.reason())
                .collect(Collectors.joining("; "));
        return reasons.isEmpty() ? "" : " (" + reasons + ")";
    }

    private Post lockedPost(long postId) {
        return posts.findForUpdate(postId).orElseThrow(() -> new WorkflowException(null, Phrase.of("moderation.noPost")));
    }

    /** Refuses a step {@link Workflow} does not open to the signed-in member of staff on this post. */
    private void require(Post post, Workflow.Step step) {
        Workflow.of(post, accounts.currentUser()).require(step, post.getStatus());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
