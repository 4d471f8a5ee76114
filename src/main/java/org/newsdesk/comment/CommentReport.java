package org.newsdesk.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One reader's report of a comment. Readers are known only by their address hash, one report each per
 * comment; reports stay on record after a moderator decides (resolvedAt), for the audit trail.
 */
@Entity
@Table(name = "comment_report")
@NamedQuery(name = "CommentReport.findOpenForComments",
        query = "select r from CommentReport r where r.comment.id in :ids and r.resolvedAt is null order by r.id")
@NamedQuery(name = "CommentReport.resolveForComment",
        query = "update CommentReport r set r.resolvedAt = :at where r.comment.id = :id and r.resolvedAt is null")
public class CommentReport {

    /** What a reader may say is wrong with a comment (worded by the site's words {@code report.reason.SPAM} ...). */
    public enum Reason {
        SPAM,
        ABUSE,
        PERSONAL,
        OFF_TOPIC,
        OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comment_id")
    private Comment comment;

    @Column(name = "reporter_hash")
    private String reporterHash;

    private String reason;

    private String details;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected CommentReport() {
    }

    public Long getId() {
        return id;
    }

    public Long getCommentId() {
        return comment.getId();
    }

    public String getReason() {
        return reason;
    }

    public String getDetails() {
        return details;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
