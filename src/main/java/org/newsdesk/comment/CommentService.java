package org.newsdesk.comment;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.account.Notice;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.comment.rules.ModerationRules;
import org.newsdesk.comment.rules.ModerationSettings;
import org.newsdesk.comment.rules.ReaderHistory;
import org.newsdesk.comment.rules.Submission;
import org.newsdesk.comment.rules.Verdict;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.post.Post;

/**
 * Takes readers' comments and reports in, and answers what readers may see of a post's conversation.
 * Every comment passes the {@link ModerationRules}: it is shown at once, held for a moderator, kept as
 * spam, or refused with a message for the reader.
 */
@Stateless
public class CommentService {

    private static final int MAX_REPORT_DETAILS = 500;
    private static final Phrase ALREADY_SENT = Phrase.of("comment.refused.alreadySent");
    private static final Phrase REPORT_ALREADY_SENT = Phrase.of("report.refused.alreadySent");

    /** How deep replies nest; a reply to a comment at the deepest level joins its parent's thread (see {@link Comment}). */
    public static int maxDepth() {
        return CommentConfig.COMMENT_MAX_DEPTH.value();
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PlatformConfig platform;

    @Inject
    private CommentFormToken formToken;

    @Inject
    private AuthorHashes hashes;

    @Inject
    private AuditLog audit;

    @Inject
    private CommentSettings settings;

    @Inject
    private CommentCounts counts;

    @Inject
    private CommentRefusals refusals;

    @Inject
    private Event<CommentChanged> changes;

    @Inject
    private Event<Notice> notices;

    /**
     * Stores a reader's comment as the moderation rules decide. Refuses it, with a message for the
     * reader, when the form token is not good, the post takes no comments, the parent is not a visible
     * comment of the same post, or a rule refuses it (too many too fast, already said).
     *
     * @param honeypot the hidden field readers never see (see {@link org.newsdesk.comment.rules.HoneypotRule})
     */
    public Comment submit(long postId, Long parentId, @NotNull @Valid CommentDraft draft, String token,
                          String honeypot, String clientAddress, String userAgent) {
        Instant now = now();
        CommentFormToken.Ticket ticket = formToken.check(token, postId, now);
        refuseIfSpent(ticket, ALREADY_SENT);
        Post post = em.find(Post.class, postId);
        if (post == null || !post.isPublished()) {
            throw new CommentRefusedException(null, Phrase.of("comment.refused.notPublished"));
        }
        ModerationSettings rules = settings.current();
        CommentWindow window = window(post, rules, now);
        if (!window.open()) {
            throw new CommentRefusedException(null, window.closesAt() == null ? Phrase.of("comment.refused.closed")
                    : Phrase.of("comment.refused.closedAfter", window.closeAfterDays()));
        }
        String name = CommentText.singleLine(draft.getName());
        String body = CommentText.normalize(draft.getBody());
        if (name.isEmpty()) {
            throw new CommentRefusedException("name", Phrase.of("comment.name.required"));
        }
        if (body.isEmpty()) {
            throw new CommentRefusedException("body", Phrase.of("comment.body.required"));
        }
        Comment parent = parentId == null ? null : replyTarget(post, parentId);
        String email = draft.getEmail().strip();
        String ipHash = clientAddress == null ? null : addressHash(clientAddress);
        Submission submission = new Submission(name, email, draft.getWebsite(), body, honeypot, ticket.shownAt(), now,
                new StoredHistory(post.getId(), email, ipHash, body));
        Verdict verdict = ModerationRules.standard().evaluate(submission, rules);
        if (verdict.is(Verdict.Outcome.REJECT)) {
            refusals.record(postId, email, verdict);
            throw new CommentRefusedException(verdict.field(), verdict.readerMessage());
        }
        spend(ticket, now, ALREADY_SENT);
        Comment comment = new Comment(post, parent, maxDepth(), draft, now);
        comment.recordClient(ipHash, userAgent);
        switch (verdict.outcome()) {
            case APPROVE -> comment.heldBy(CommentStatus.APPROVED, null, null);
            case SPAM -> comment.heldBy(CommentStatus.SPAM, verdict.rule(), verdict.reason());
            default -> comment.heldBy(CommentStatus.PENDING, verdict.rule(), verdict.reason());
        }
        em.persist(comment);
        Phrase status = Phrase.of("queue." + comment.getStatus().name());
        if (verdict.rule() != null) {
            status = Phrase.of("moderation.event.byRule", status, Phrase.of("rule.name." + verdict.rule()), verdict.reason());
        }
        audit.recordAs("reader", "comment.submitted", "comment", comment.getId(), parent == null
                ? Phrase.of("moderation.event.submitted", postId, status)
                : parent.getId().equals(comment.getParentId()) ? Phrase.of("moderation.event.submittedReply", postId, parent.getId(), status)
                : Phrase.of("moderation.event.submittedAttached", postId, parent.getId(), comment.getParentId(), maxDepth(), status));
        if (comment.isApproved()) {
            changes.fire(new CommentChanged(postId, comment.getId(), comment.getStatus()));
        } else if (comment.getStatus() == CommentStatus.PENDING && rules.notifyModerators()) {
            notices.fire(Notice.toStaff(List.of(), true, Phrase.of("mail.held.subject", verdict.rule(), post.getHeadline()),
                    Phrase.of("mail.held.text", comment.getAuthorName(), comment.getAuthorEmail(), post.getHeadline(), verdict.rule(),
                            verdict.reason(), comment.getBody(), platform.siteUrl() + "/admin/comments/?queue=pending")));
        }
        return comment;
    }

    /**
     * A reader reports an approved comment. One report per comment from each address counts; once
     * {@code comments.report_threshold} readers have reported it, the comment is hidden until a
     * moderator decides. Reporting again from the same address changes nothing and is not an error.
     */
    public void report(long postId, long commentId, String reason, String details, String token, String clientAddress) {
        Instant now = now();
        CommentFormToken.Ticket ticket = formToken.check(CommentFormToken.REPORT, token, postId, now);
        refuseIfSpent(ticket, REPORT_ALREADY_SENT);
        CommentReport.Reason why;
        try {
            why = CommentReport.Reason.valueOf(reason == null ? "" : reason);
        } catch (IllegalArgumentException e) {
            throw new CommentRefusedException("reason", Phrase.of("report.reason.required"));
        }
        String note = details == null ? null : CommentText.normalize(details);
        if (note != null && note.length() > MAX_REPORT_DETAILS) {
            throw new CommentRefusedException("details", Phrase.of("report.details.tooLong", MAX_REPORT_DETAILS));
        }
        Comment comment = em.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null || !comment.getPost().getId().equals(postId) || !comment.isApproved()) {
            throw new CommentRefusedException(null, Phrase.of("report.refused.gone"));
        }
        spend(ticket, now, REPORT_ALREADY_SENT);
        String reporter = clientAddress == null ? "unknown" : addressHash(clientAddress);
        int added = em.createNativeQuery("insert ignore into comment_report (comment_id, reporter_hash, reason, details,"
                        + " created_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, commentId)
                .setParameter(2, reporter)
                .setParameter(3, why.name())
                .setParameter(4, note == null || note.isEmpty() ? null : note)
                .setParameter(5, now)
                .executeUpdate();
        if (added == 0) {
            return;
        }
        ModerationSettings rules = settings.current();
        boolean hidden = comment.reported(rules.reportThreshold());
        Phrase reported = Phrase.of("report.reason." + why.name());
        audit.recordAs("reader", "comment.reported", "comment", commentId, note == null || note.isEmpty()
                ? Phrase.of("moderation.event.reported", reported, comment.getReportsOpen())
                : Phrase.of("moderation.event.reportedNote", reported, note, comment.getReportsOpen()));
        if (hidden) {
            audit.recordAs("system", "comment.hidden-by-reports", "comment", commentId,
                    Phrase.of("moderation.event.hidden", comment.getReportsOpen(), rules.reportThreshold()));
            changes.fire(new CommentChanged(postId, commentId, comment.getStatus()));
            if (rules.notifyModerators()) {
                notices.fire(Notice.toStaff(List.of(), true, Phrase.of("mail.hidden.subject", comment.getReportsOpen()),
                        Phrase.of("mail.hidden.text", comment.getAuthorName(), comment.getPost().getHeadline(), comment.getBody(),
                                platform.siteUrl() + "/admin/comments/?queue=reported")));
            }
        }
    }

    /** Whether a post takes comments now, and if not, since when. */
    public CommentWindow commentWindow(Post post) {
        return window(post, settings.current(), now());
    }

    private static CommentWindow window(Post post, ModerationSettings rules, Instant now) {
        int days = post.getCommentsCloseAfterDays() != null ? post.getCommentsCloseAfterDays() : rules.closeAfterDays();
        if (!post.isCommentsOpen()) {
            return new CommentWindow(false, null, days);
        }
        if (days <= 0 || post.getPublishedAt() == null) {
            return new CommentWindow(true, null, days);
        }
        Instant closesAt = post.getPublishedAt().plus(Duration.ofDays(days));
        return new CommentWindow(now.isBefore(closesAt), closesAt, days);
    }

    /** A form sent twice is answered before any rule looks at it (a duplicate is not the reader's fault). */
    private void refuseIfSpent(CommentFormToken.Ticket ticket, Phrase message) {
        if (!em.createNativeQuery("select nonce from spent_form_token where nonce = ?1")
                .setParameter(1, ticket.nonce()).getResultList().isEmpty()) {
            throw new CommentRefusedException(null, message);
        }
    }

    /** Marks the form's token used; the unique nonce settles a race between two sends of one form. */
    private void spend(CommentFormToken.Ticket ticket, Instant now, Phrase message) {
        int spent = em.createNativeQuery("insert ignore into spent_form_token (nonce, spent_at) values (?1, ?2)")
                .setParameter(1, ticket.nonce())
                .setParameter(2, now)
                .executeUpdate();
        if (spent == 0) {
            throw new CommentRefusedException(null, message);
        }
    }

    /** The comment a reader replies to, if readers can see it under this post. */
    private Comment replyTarget(Post post, long parentId) {
        Comment parent = em.find(Comment.class, parentId);
        if (parent == null || !parent.getPost().getId().equals(post.getId()) || !parent.isPublic()) {
            throw new CommentRefusedException("parent", Phrase.of("comment.refused.noParent"));
        }
        return parent;
    }

    /** A page of the conversation as the comment settings lay it out (threads per page, order). */
    public CommentPage page(long postId, int page, Collection<Long> alsoShow) {
        ModerationSettings rules = settings.current();
        return page(postId, page, rules.commentsPerPage(), rules.newestFirst(), alsoShow);
    }

    /** The page that shows a comment, as the comment settings lay the conversation out. */
    public Optional<Integer> pageOf(long postId, long commentId, Collection<Long> alsoShow) {
        ModerationSettings rules = settings.current();
        return pageOf(postId, commentId, rules.commentsPerPage(), rules.newestFirst(), alsoShow);
    }

    /**
     * One page of a post's conversation as readers see it: {@code perPage} threads (top-level comments with
     * every reply under them; 0 means all), oldest thread first or newest first, replies oldest first. The
     * held comments listed in {@code alsoShow} (the reader's own, awaiting moderation) are shown in their
     * thread, and a held top-level one where new threads appear (the last page, or the first when newest
     * first). Two queries, each reading no more rows than the page shows; the total comes from
     * {@link CommentCounts}. A page past the last is empty, with {@code pages} saying how many there are.
     */
    public CommentPage page(long postId, int page, int perPage, boolean newestFirst, Collection<Long> alsoShow) {
        CommentCounts.Count count = counts.of(postId);
        int pages = count.pages(perPage);
        int current = Math.max(1, page);
        if (current > pages) {
            return new CommentPage(List.of(), current, pages, count.shown(), newestFirst);
        }
        var rootQuery = em.createNamedQuery("Comment.findShownRoots" + (newestFirst ? "NewestFirst" : ""), Long.class)
                .setParameter("postId", postId);
        if (perPage > 0) {
            rootQuery.setFirstResult((current - 1) * perPage).setMaxResults(perPage);
        }
        List<Long> roots = new ArrayList<>(rootQuery.getResultList());
        List<Long> held = alsoShow.isEmpty() ? List.of(-1L) : List.copyOf(alsoShow);
        boolean newThreadsHere = newestFirst ? current == 1 : current == pages;
        List<Comment> comments = roots.isEmpty() && !newThreadsHere ? List.of()
                : em.createNamedQuery("Comment.findInThreads", Comment.class)
                        .setParameter("postId", postId)
                        .setParameter("roots", roots.isEmpty() ? List.of(-1L) : roots)
                        .setParameter("alsoShow", held)
                        .setParameter("heldRootsHere", newThreadsHere)
                        .getResultList();
        return new CommentPage(CommentThreads.inThreadOrder(comments, roots, newestFirst), current, pages, count.shown(),
                newestFirst);
    }

    /**
     * The page of {@link #page} that shows a comment, if readers (or, for {@code alsoShow}, its author) can
     * see it: found from its thread's place among the shown threads, counted in the index.
     */
    public Optional<Integer> pageOf(long postId, long commentId, int perPage, boolean newestFirst,
                                              Collection<Long> alsoShow) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null || comment.getPost().getId() != postId || !(comment.isPublic() || alsoShow.contains(commentId))) {
            return Optional.empty();
        }
        if (perPage <= 0) {
            return Optional.of(1);
        }
        Comment root = comment.getThreadId().equals(comment.getId()) ? comment : em.find(Comment.class, comment.getThreadId());
        if (root == null || !root.isPublic()) {
            // A held top-level comment of the reader's own is shown where new threads appear.
            return root == comment && alsoShow.contains(commentId)
                    ? Optional.of(newestFirst ? 1 : counts.of(postId).pages(perPage)) : Optional.empty();
        }
        long before = em.createNamedQuery("Comment.countShownRootsBefore" + (newestFirst ? "NewestFirst" : ""), Long.class)
                .setParameter("postId", postId).setParameter("rootId", root.getId()).getSingleResult();
        return Optional.of((int) (before / perPage) + 1);
    }

    private String addressHash(String clientAddress) {
        return hashes.address(clientAddress);
    }

    private String emailHash(String email) {
        return hashes.email(email);
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }

    /** The author's record, asked of the database only when a rule wants it. */
    private final class StoredHistory implements ReaderHistory {

        private final long postId;
        private final String email;
        private final String ipHash;
        private final String body;
        private Set<CommentBan.Kind> bans;

        StoredHistory(long postId, String email, String ipHash, String body) {
            this.postId = postId;
            this.email = email;
            this.ipHash = ipHash;
            this.body = body;
        }

        @Override
        public long approvedBefore() {
            return em.createNamedQuery("Comment.countApprovedByEmail", Long.class)
                    .setParameter("email", email).getSingleResult();
        }

        @Override
        public List<Instant> commentsFromAddressSince(Instant since) {
            if (ipHash == null) {
                return List.of();
            }
            return em.createNamedQuery("Comment.findTimesFromAddress", Instant.class)
                    .setParameter("ipHash", ipHash)
                    .setParameter("since", since)
                    .getResultList();
        }

        @Override
        public boolean alreadySaid() {
            return em.createNamedQuery("Comment.countSameText", Long.class)
                    .setParameter("postId", postId)
                    .setParameter("body", body)
                    .setParameter("email", email)
                    .setParameter("ipHash", ipHash == null ? "-" : ipHash)
                    .getSingleResult() > 0;
        }

        @Override
        public boolean emailBanned() {
            return bans().contains(CommentBan.Kind.EMAIL);
        }

        @Override
        public boolean addressBanned() {
            return bans().contains(CommentBan.Kind.ADDRESS);
        }

        /** Which of the author's email and address are banned: one query for both questions. */
        private Set<CommentBan.Kind> bans() {
            if (bans == null) {
                bans = EnumSet.noneOf(CommentBan.Kind.class);
                bans.addAll(em.createNamedQuery("CommentBan.kindsOf", CommentBan.Kind.class)
                        .setParameter("email", emailHash(email))
                        .setParameter("address", ipHash == null ? "-" : ipHash)
                        .getResultList());
            }
            return bans;
        }
    }
}
