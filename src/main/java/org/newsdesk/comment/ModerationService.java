package org.newsdesk.comment;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsdesk.account.Notice;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.comment.rules.ModerationSettings;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.platform.SiteLanguage;
import org.newsdesk.platform.Texts;
import org.newsdesk.post.Post;

/**
 * What moderators do to comments: the queues, approve, spam, trash and restore (one or many), edit,
 * reply as staff, ban an author by email or by network address, and the moderation settings. Every
 * change is audited; changes readers would see are announced with {@link CommentChanged}.
 */
@Stateless
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
public class ModerationService {

    /** Comments per page of a queue. */
    public static final int PAGE_SIZE = 50;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private SiteLanguage siteLanguage;

    @Inject
    private PlatformConfig platform;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<CommentChanged> changes;

    @Inject
    private Event<CommentSettingsChanged> settingsChanges;

    @Inject
    private Event<Notice> notices;

    @Inject
    private CommentSettings settings;

    @Inject
    private AuthorHashes hashes;

    @Inject
    private Validator validator;

    public Comment approve(long commentId) {
        return moderate(commentId, CommentStatus.APPROVED);
    }

    public Comment markSpam(long commentId) {
        return moderate(commentId, CommentStatus.SPAM);
    }

    public Comment trash(long commentId) {
        return moderate(commentId, CommentStatus.TRASH);
    }

    /** Takes a comment out of spam or trash, back to where it was (approved), or to the pending queue. */
    public Comment restore(long commentId) {
        Comment comment = find(commentId);
        if (comment.getStatus() != CommentStatus.SPAM && comment.getStatus() != CommentStatus.TRASH) {
            throw new ModerationException(Phrase.of("moderation.restore.notHeld"));
        }
        return moderate(commentId, comment.restoredStatus());
    }

    /** Does the same to many comments; returns how many it changed. */
    public int apply(ModerationAction action, Collection<Long> commentIds) {
        int done = 0;
        for (Long id : commentIds) {
            Comment comment = em.find(Comment.class, id);
            if (comment == null) {
                continue;
            }
            switch (action) {
                case APPROVE -> approve(id);
                case SPAM -> markSpam(id);
                case TRASH -> trash(id);
                case RESTORE -> {
                    if (comment.getStatus() != CommentStatus.SPAM && comment.getStatus() != CommentStatus.TRASH) {
                        continue;
                    }
                    restore(id);
                }
            }
            done++;
        }
        return done;
    }

    private Comment moderate(long commentId, CommentStatus status) {
        Comment comment = find(commentId);
        CommentStatus before = comment.getStatus();
        boolean hadReports = comment.getReportsOpen() > 0;
        String heldBy = comment.getHeldByRule();
        Object heldReason = comment.getHeldReason() == null ? "" : Phrase.restore(comment.getHeldReason()).map(Object.class::cast).orElse(comment.getHeldReason());
        Instant now = now();
        comment.moderate(status, moderator(), now);
        if (hadReports) {
            em.createNamedQuery("CommentReport.resolveForComment").setParameter("at", now)
                    .setParameter("id", commentId).executeUpdate();
        }
        Phrase moved = Phrase.of(hadReports ? "moderation.event.movedResolved" : "moderation.event.moved",
                Phrase.of("queue." + before.name()), Phrase.of("queue." + status.name()));
        if (heldBy != null && comment.getHeldByRule() == null) {
            moved = Phrase.of("moderation.event.wasHeld", moved, Phrase.of("rule.name." + heldBy), heldReason);
        }
        audit.record("comment." + status.name().toLowerCase(Locale.ROOT), "comment", commentId, moved);
        changes.fire(new CommentChanged(comment.getPost().getId(), commentId, status));
        if (status == CommentStatus.APPROVED && before == CommentStatus.PENDING && comment.isNotifyOnApproval()) {
            Post post = comment.getPost();
            // To the reader, in the site's language.
            Texts words = Texts.of(Texts.Family.SITE, siteLanguage.locale());
            notices.fire(new Notice(List.of(comment.getAuthorEmail()), words.format("mail.approved.subject", post.getHeadline()),
                    words.format("mail.approved.text", comment.getAuthorName(), post.getHeadline(),
                            platform.siteUrl() + post.getPath() + "#comment-" + commentId), words.locale().toLanguageTag()));
        }
        return comment;
    }

    /** One page of a queue, newest first. */
    public List<QueueItem> queue(CommentQueue queue, int page) {
        String where = switch (queue) {
            case REPORTED -> "c.status = org.newsdesk.comment.CommentStatus.APPROVED and c.reportsOpen > 0";
            default -> "c.status = org.newsdesk.comment.CommentStatus." + queue.name();
        };
        List<Comment> found = em.createQuery("select c from Comment c join fetch c.post left join fetch c.parent"
                        + " where " + where + " order by c.id desc", Comment.class)
                .setFirstResult(Math.max(0, page - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        return items(found);
    }

    public QueueItem item(long commentId) {
        return items(List.of(find(commentId))).get(0);
    }

    private List<QueueItem> items(List<Comment> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Long> approved = new HashMap<>();
        List<String> emails = found.stream().map(c -> c.getAuthorEmail().toLowerCase(Locale.ROOT)).distinct().toList();
        for (Object[] row : em.createQuery("select lower(c.authorEmail), count(c) from Comment c where"
                        + " lower(c.authorEmail) in :emails and c.status = org.newsdesk.comment.CommentStatus.APPROVED"
                        + " group by lower(c.authorEmail)", Object[].class)
                .setParameter("emails", emails).getResultList()) {
            approved.put((String) row[0], (Long) row[1]);
        }
        Map<Long, List<CommentReport>> reports = new HashMap<>();
        for (CommentReport report : em.createNamedQuery("CommentReport.findOpenForComments", CommentReport.class)
                .setParameter("ids", found.stream().map(Comment::getId).toList()).getResultList()) {
            reports.computeIfAbsent(report.getCommentId(), k -> new ArrayList<>()).add(report);
        }
        return found.stream().map(c -> new QueueItem(c, c.getPost().getPath(),
                approved.getOrDefault(c.getAuthorEmail().toLowerCase(Locale.ROOT), 0L),
                reports.getOrDefault(c.getId(), List.of()))).toList();
    }

    /** How many comments wait in the pending queue for a moderator, for the desk's front page. */
    public long pendingCount() {
        return em.createQuery("select count(c) from Comment c where c.status = org.newsdesk.comment.CommentStatus.PENDING",
                Long.class).getSingleResult();
    }

    /** How many comments wait in each queue. */
    public Map<CommentQueue, Long> queueCounts() {
        Map<CommentQueue, Long> counts = new EnumMap<>(CommentQueue.class);
        for (CommentQueue queue : CommentQueue.values()) {
            counts.put(queue, 0L);
        }
        for (Object[] row : em.createNamedQuery("Comment.countByStatus", Object[].class).getResultList()) {
            counts.put(CommentQueue.valueOf(((CommentStatus) row[0]).name()), (Long) row[1]);
        }
        counts.put(CommentQueue.REPORTED, em.createNamedQuery("Comment.countReported", Long.class).getSingleResult());
        return counts;
    }

    /**
     * Corrects a comment. The comment keeps its place and status; what it said before is kept in the
     * audit log, word for word.
     */
    public Comment edit(long commentId, String name, String website, String body) {
        Comment comment = find(commentId);
        CommentDraft edited = new CommentDraft(name, comment.getAuthorEmail(), website, body);
        for (ConstraintViolation<CommentDraft> violation : validator.validate(edited)) {
            throw new CommentRefusedException(violation.getPropertyPath().toString(), Phrase.of(violation));
        }
        if (CommentText.normalize(body).isEmpty()) {
            throw new CommentRefusedException("body", Phrase.of("comment.body.required"));
        }
        Phrase before = Phrase.of("moderation.event.edited", comment.getAuthorName(),
                comment.getAuthorWebsite() == null ? "" : comment.getAuthorWebsite(), comment.getBody());
        comment.edit(name, website, body);
        audit.record("comment.edited", "comment", commentId, before);
        changes.fire(new CommentChanged(comment.getPost().getId(), commentId, comment.getStatus()));
        return comment;
    }

    /**
     * A moderator's reply, shown at once and marked Staff. Replying to a held comment approves it, as
     * a moderator would not answer something they keep from readers.
     */
    public Comment replyAsStaff(long parentId, String body) {
        Comment parent = find(parentId);
        if (body == null || CommentText.normalize(body).isEmpty()) {
            throw new CommentRefusedException("reply", Phrase.of("moderation.reply.required"));
        }
        if (body.length() > CommentDraft.MAX_BODY_LENGTH) {
            throw new CommentRefusedException("reply", Phrase.of("moderation.reply.tooLong", CommentDraft.MAX_BODY_LENGTH));
        }
        if (parent.getStatus() == CommentStatus.PENDING) {
            approve(parentId);
        } else if (!parent.isApproved()) {
            throw new CommentRefusedException("reply", Phrase.of("moderation.reply.restoreFirst"));
        }
        User author = moderator();
        String name = author == null ? callerName() : author.getDisplayName();
        String email = author == null ? callerName() + "@staff.invalid" : author.getEmail();
        Comment reply = Comment.byStaff(parent.getPost(), parent, CommentService.maxDepth(), author, name, email, body, now());
        em.persist(reply);
        audit.record("comment.staff-reply", "comment", reply.getId(), Phrase.of("moderation.event.staffReply", parentId));
        changes.fire(new CommentChanged(reply.getPost().getId(), reply.getId(), reply.getStatus()));
        return reply;
    }

    /**
     * How many other readers (distinct email addresses) have commented from the network address this
     * comment came from. A household, an office or a mobile network shares one address: banning it
     * shuts all of them out.
     */
    public long otherCommentersAtAddress(long commentId) {
        Comment comment = find(commentId);
        if (comment.getIpHash() == null) {
            return 0;
        }
        return em.createNamedQuery("Comment.countOtherEmailsFromAddress", Long.class)
                .setParameter("ipHash", comment.getIpHash())
                .setParameter("email", comment.getAuthorEmail().strip().toLowerCase(Locale.ROOT))
                .getSingleResult();
    }

    /**
     * Bans a comment's author by email address (kept as a keyed hash). Their later comments go to spam;
     * this one stays where it is, for the moderator to decide.
     */
    public void banEmail(long commentId, String note) {
        Comment comment = find(commentId);
        int added = ban(CommentBan.Kind.EMAIL, hashes.email(comment.getAuthorEmail()), note, commentId, callerName(), now());
        audit.record("comment.email-banned", "comment", commentId,
                banned(Phrase.of("moderation.event.emailBanned", comment.getAuthorEmail()), added, note));
    }

    /**
     * Bans the network address a comment came from (kept as a keyed hash): every later comment from it
     * goes to spam, whoever writes it. Refused unless the moderator was told how many other commenters
     * use the address ({@code otherCommentersConfirmed}, as {@link #otherCommentersAtAddress} said), so
     * that nobody shuts out a whole household or office without knowing.
     */
    public void banAddress(long commentId, String note, long otherCommentersConfirmed) {
        Comment comment = find(commentId);
        if (comment.getIpHash() == null) {
            throw new ModerationException(Phrase.of("moderation.ban.noAddress"));
        }
        long others = otherCommentersAtAddress(commentId);
        if (others > otherCommentersConfirmed) {
            throw new ModerationException(Phrase.of("moderation.ban.others", others));
        }
        int added = ban(CommentBan.Kind.ADDRESS, comment.getIpHash(), note, commentId, callerName(), now());
        audit.record("comment.address-banned", "comment", commentId,
                banned(Phrase.of("moderation.event.addressBanned", comment.getAuthorEmail(), others), added, note));
    }

    /** A ban's audit detail: what was banned, whether it was already, and the moderator's note. */
    private static Phrase banned(Phrase what, int added, String note) {
        Phrase detail = added == 0 ? Phrase.of("moderation.event.already", what) : what;
        return note == null || note.isBlank() ? detail : Phrase.of("moderation.event.note", detail, note);
    }

    private int ban(CommentBan.Kind kind, String hash, String note, long commentId, String by, Instant now) {
        return em.createNativeQuery("insert ignore into comment_ban (kind, value_hash, note, comment_id, created_by,"
                        + " created_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, kind.name())
                .setParameter(2, hash)
                .setParameter(3, note == null || note.isBlank() ? null : note.strip())
                .setParameter(4, commentId)
                .setParameter(5, by)
                .setParameter(6, now)
                .executeUpdate();
    }

    public List<CommentBan> bans() {
        return em.createNamedQuery("CommentBan.findAll", CommentBan.class).setMaxResults(200).getResultList();
    }

    public void liftBan(long banId) {
        CommentBan ban = em.find(CommentBan.class, banId);
        if (ban != null) {
            em.remove(ban);
            audit.record("comment.ban-lifted", "comment_ban", banId, ban.getKind() + " ban from comment " + ban.getCommentId());
        }
    }

    public ModerationSettings settings() {
        return settings.current();
    }

    public ModerationSettings defaultSettings() {
        return settings.defaults();
    }

    public void saveSettings(ModerationSettings changed) {
        for (List<String> words : List.of(changed.disallowedWords(), changed.suspectWords())) {
            if (String.join("\n", words).length() > ModerationSettings.MAX_WORD_LIST_LENGTH) {
                throw new ModerationException(Phrase.of("moderation.settings.wordsTooLong", ModerationSettings.MAX_WORD_LIST_LENGTH));
            }
        }
        if (changed.commentsPerPage() < 0 || changed.commentsPerPage() > ModerationSettings.MAX_PER_PAGE) {
            throw new ModerationException(Phrase.of("moderation.settings.perPage", ModerationSettings.MAX_PER_PAGE));
        }
        Map<String, String> before = settings.current().asStored();
        StringBuilder diff = new StringBuilder();
        changed.asStored().forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                diff.append(name).append(": ").append(before.get(name)).append(" -> ").append(value).append('\n');
            }
        });
        settings.save(changed);
        settingsChanges.fire(new CommentSettingsChanged(null));
        audit.record("comment.settings-changed", "setting", null, diff.length() == 0 ? "no change" : diff.toString());
    }

    /**
     * Opens or closes a post's comments, and sets after how many days they close on their own (null:
     * the site setting; 0: never).
     */
    public void setCommentWindow(long postId, boolean open, Integer closeAfterDays) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw new ModerationException(Phrase.of("moderation.noPost"));
        }
        if (closeAfterDays != null && closeAfterDays < 0) {
            throw new ModerationException(Phrase.of("moderation.settings.closeNegative"));
        }
        String before = post.isCommentsOpen() + "/" + post.getCommentsCloseAfterDays();
        post.setCommentsOpen(open);
        post.setCommentsCloseAfterDays(closeAfterDays);
        audit.record("post.comment-window", "post", postId, before + " -> " + open + "/" + closeAfterDays);
        settingsChanges.fire(new CommentSettingsChanged(postId));
    }

    private Comment find(long commentId) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) {
            throw new ModerationException(Phrase.of("moderation.noComment", commentId));
        }
        return comment;
    }

    private User moderator() {
        try {
            return em.createNamedQuery("User.findByUsername", User.class)
                    .setParameter("username", callerName())
                    .getSingleResult();
        } catch (NoResultException e) {
            return null;
        }
    }

    private String callerName() {
        return context.getCallerPrincipal().getName();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
