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
import org.newsdesk.post.Post;

/** What a reader wrote under a post, possibly in reply to another comment. */
@Entity
@Table(name = "comment")
@NamedQuery(name = "Comment.findApprovedOrListedForPost",
        query = "select c from Comment c where c.post.id = :postId"
                + " and (c.status = org.newsdesk.comment.CommentStatus.APPROVED or c.id in :alsoShow)"
                + " order by c.id")
@NamedQuery(name = "Comment.countApprovedByPost",
        query = "select c.post.id, count(c) from Comment c where c.post.id in :postIds"
                + " and c.status = org.newsdesk.comment.CommentStatus.APPROVED group by c.post.id")
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

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "moderated_by")
    private User moderatedBy;

    @Column(name = "moderated_at")
    private Instant moderatedAt;

    protected Comment() {
    }

    Comment(Post post, Comment parent, CommentDraft draft, Instant createdAt) {
        this.post = post;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.authorName = draft.getName().strip();
        this.authorEmail = draft.getEmail().strip();
        this.authorWebsite = draft.getWebsite() == null || draft.getWebsite().isBlank() ? null : draft.getWebsite().strip();
        this.body = CommentText.normalize(draft.getBody());
        this.createdAt = createdAt;
    }

    void hold(String rule, String reason) {
        this.status = CommentStatus.PENDING;
        this.heldByRule = rule;
        this.heldReason = reason;
    }

    void moderate(CommentStatus newStatus, User moderator, Instant at) {
        this.status = newStatus;
        this.moderatedBy = moderator;
        this.moderatedAt = at;
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
