package org.newsdesk.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.newsdesk.account.User;
import org.newsdesk.platform.Phrase;
import org.newsdesk.post.Post;

/** What a reader wrote under a post, possibly in reply to another comment. */
@Entity
@Table(name = "comment")
@NamedQuery(name = "Comment.findShownRoots",
        query = "select c.id from Comment c where c.post.id = :postId and c.parent is null"
                + " and c.status = org.newsdesk.comment.CommentStatus.APPROVED and c.hiddenByReports = false order by c.id")
@NamedQuery(name = "Comment.findShownRootsNewestFirst",
        query = "select c.id from Comment c where c.post.id = :postId and c.parent is null"
                + " and c.status = org.newsdesk.comment.CommentStatus.APPROVED and c.hiddenByReports = false order by c.id desc")
@NamedQuery(name = "Comment.countShownRootsBefore",
        query = "select count(c) from Comment c where c.post.id = :postId and c.parent is null and c.id < :rootId"
                + " and c.status = org.newsdesk.comment.CommentStatus.APPROVED and c.hiddenByReports = false")
@NamedQuery(name = "Comment.countShownRootsBeforeNewestFirst",
        query = "select count(c) from Comment c where c.post.id = :postId and c.parent is null and c.id > :rootId"
                + " and c.status = org.newsdesk.comment.CommentStatus.APPROVED and c.hiddenByReports = false")
@NamedQuery(name = "Comment.findInThreads",
        query = "select c from Comment c where c.post.id = :postId"
                + " and (c.id in :roots or c.threadId in :roots"
                + " or :heldRootsHere = true and c.parent is null and c.id in :alsoShow)"
                + " and ((c.status = org.newsdesk.comment.CommentStatus.APPROVED and c.hiddenByReports = false)"
                + " or c.id in :alsoShow)"
                + " order by c.id")
@NamedQuery(name = "Comment.countApprovedByEmail",
        query = "select count(c) from Comment c where c.authorEmail = :email"
                + " and c.status = org.newsdesk.comment.CommentStatus.APPROVED")
@NamedQuery(name = "Comment.findTimesFromAddress",
        query = "select c.createdAt from Comment c where c.ipHash = :ipHash and c.createdAt >= :since order by c.id")
@NamedQuery(name = "Comment.countSameText",
        query = "select count(c) from Comment c where c.post.id = :postId and c.body = :body"
                + " and (c.authorEmail = :email or c.ipHash = :ipHash)"
                + " and c.status <> org.newsdesk.comment.CommentStatus.TRASH")
@NamedQuery(name = "Comment.countOtherEmailsFromAddress",
        query = "select count(distinct lower(c.authorEmail)) from Comment c where c.ipHash = :ipHash"
                + " and lower(c.authorEmail) <> :email")
@NamedQuery(name = "Comment.countByStatus",
        query = "select c.status, count(c) from Comment c group by c.status")
@NamedQuery(name = "Comment.countReported",
        query = "select count(c) from Comment c where c.reportsOpen > 0"
                + " and c.status = org.newsdesk.comment.CommentStatus.APPROVED")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Comment parent;

    /** The top-level comment this reply hangs under; null on a top-level comment (its own thread). */
    @Column(name = "thread_id")
    private Long threadId;

    private int depth;

    @Column(name = "author_name")
    private String authorName;

    /** Never shown to readers. */
    @Column(name = "author_email")
    private String authorEmail;

    @Column(name = "author_website")
    private String authorWebsite;

    /** Plain text exactly as the reader wrote it; escaped whenever it is shown. */
    private String body;

    @Enumerated(EnumType.STRING)
    private CommentStatus status = CommentStatus.PENDING;

    private boolean staff;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "ip_hash")
    private String ipHash;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "held_by_rule")
    private String heldByRule;

    @Column(name = "held_reason")
    private String heldReason;

    /** Where a comment was before it went to spam or trash, so "restore" can put it back. */
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    private CommentStatus previousStatus;

    /** The author asked to be told by email when a moderator approves this comment. */
    @Column(name = "notify_on_approval")
    private boolean notifyOnApproval;

    /** Reader reports not yet decided by a moderator. */
    @Column(name = "reports_open")
    private int reportsOpen;

    /** Enough readers reported it that it is kept from view until a moderator decides. */
    @Column(name = "hidden_by_reports")
    private boolean hiddenByReports;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "moderated_by")
    private User moderatedBy;

    @Column(name = "moderated_at")
    private Instant moderatedAt;

    protected Comment() {
    }

    /**
     * A reader's comment, or their reply to {@code inReplyTo}. A reply to a comment with no room below it
     * (replies nest at most {@code maxDepth} levels) joins the nearest comment above it that has room.
     */
    Comment(Post post, Comment inReplyTo, int maxDepth, CommentDraft draft, Instant createdAt) {
        this.post = post;
        this.parent = attachmentFor(inReplyTo, maxDepth);
        // Through the getter: a parent reached through another comment is a lazy proxy, whose own fields
        // stay at their defaults.
        this.depth = parent == null ? 0 : parent.getDepth() + 1;
        this.threadId = parent == null ? null : parent.getThreadId() != null ? parent.getThreadId() : parent.getId();
        this.authorName = CommentText.singleLine(draft.getName());
        this.authorEmail = draft.getEmail().strip();
        this.authorWebsite = draft.getWebsite() == null || draft.getWebsite().isBlank() ? null : draft.getWebsite().strip();
        this.body = CommentText.normalize(draft.getBody());
        this.notifyOnApproval = draft.isNotifyOnApproval();
        this.createdAt = createdAt;
    }

    private static Comment attachmentFor(Comment inReplyTo, int maxDepth) {
        Comment target = inReplyTo;
        while (target != null && target.getDepth() >= maxDepth - 1) {
            target = target.getParent();
        }
        return target;
    }

    /** A reply written on the desk by a member of staff: shown at once, marked Staff. */
    static Comment byStaff(Post post, Comment inReplyTo, int maxDepth, User author, String name, String email, String body,
                           Instant at) {
        Comment reply = new Comment(post, inReplyTo, maxDepth, new CommentDraft(name, email, null, body), at);
        reply.staff = true;
        reply.status = CommentStatus.APPROVED;
        reply.moderatedBy = author;
        reply.moderatedAt = at;
        return reply;
    }

    /** Kept by a moderation rule, with the rule's name and its reason, worded in each moderator's desk language. */
    void heldBy(CommentStatus status, String rule, Phrase reason) {
        this.status = status;
        this.heldByRule = rule;
        this.heldReason = reason == null ? null : reason.stored(500);
    }

    void hold(String rule, Phrase reason) {
        heldBy(CommentStatus.PENDING, rule, reason);
    }

    void moderate(CommentStatus newStatus, User moderator, Instant at) {
        if ((newStatus == CommentStatus.SPAM || newStatus == CommentStatus.TRASH)
                && status != CommentStatus.SPAM && status != CommentStatus.TRASH) {
            this.previousStatus = status;
        }
        this.status = newStatus;
        this.moderatedBy = moderator;
        this.moderatedAt = at;
        // Any decision by a moderator settles the readers' reports.
        this.reportsOpen = 0;
        this.hiddenByReports = false;
        // Approved, a comment is no longer held by anything: a rule's reason would read as current.
        // The service keeps it in the audit log.
        if (newStatus == CommentStatus.APPROVED) {
            this.heldByRule = null;
            this.heldReason = null;
        }
    }

    /** Where "restore" puts a comment from spam or trash: where it was, or the pending queue. */
    CommentStatus restoredStatus() {
        return previousStatus == CommentStatus.APPROVED ? CommentStatus.APPROVED : CommentStatus.PENDING;
    }

    /** Counts one more reader's report; hides the comment once {@code threshold} readers have (0: never). */
    boolean reported(int threshold) {
        reportsOpen++;
        if (threshold > 0 && reportsOpen >= threshold && !hiddenByReports) {
            hiddenByReports = true;
            return true;
        }
        return false;
    }

    void edit(String name, String website, String body) {
        this.authorName = CommentText.singleLine(name);
        this.authorWebsite = website == null || website.isBlank() ? null : website.strip();
        this.body = CommentText.normalize(body);
    }

    void recordClient(String ipHash, String userAgent) {
        this.ipHash = ipHash;
        this.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 512));
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public Comment getParent() {
        return parent;
    }

    /** The top-level comment whose thread this is: its own id on a top-level comment. */
    public Long getThreadId() {
        return threadId != null ? threadId : parent == null ? id : null;
    }

    public Long getParentId() {
        return parent == null ? null : parent.getId();
    }

    public int getDepth() {
        return depth;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getAuthorEmail() {
        return authorEmail;
    }

    public String getAuthorWebsite() {
        return authorWebsite;
    }

    public String getBody() {
        return body;
    }

    /** The body as safe HTML: escaped, in paragraphs, links marked nofollow. */
    public String getBodyHtml() {
        return CommentText.toHtml(body);
    }

    public CommentStatus getStatus() {
        return status;
    }

    public boolean isApproved() {
        return status == CommentStatus.APPROVED;
    }

    /** Shown to every reader: approved and not hidden by readers' reports. */
    public boolean isPublic() {
        return status == CommentStatus.APPROVED && !hiddenByReports;
    }

    public boolean isNotifyOnApproval() {
        return notifyOnApproval;
    }

    public int getReportsOpen() {
        return reportsOpen;
    }

    public boolean isHiddenByReports() {
        return hiddenByReports;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public boolean isStaff() {
        return staff;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getIpHash() {
        return ipHash;
    }

    public String getHeldByRule() {
        return heldByRule;
    }

    public String getHeldReason() {
        return heldReason;
    }

    public Instant getModeratedAt() {
        return moderatedAt;
    }
}
