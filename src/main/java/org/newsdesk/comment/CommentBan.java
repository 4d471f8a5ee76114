package org.newsdesk.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An author a moderator banned, by the keyed hash of an email address or a network address: the plain
 * value is never stored, so the ban list leaks nobody's address.
 */
@Entity
@Table(name = "comment_ban")
@NamedQuery(name = "CommentBan.kindsOf", query = "select distinct b.kind from CommentBan b"
        + " where (b.kind = org.newsdesk.comment.CommentBan.Kind.EMAIL and b.valueHash = :email)"
        + " or (b.kind = org.newsdesk.comment.CommentBan.Kind.ADDRESS and b.valueHash = :address)")
@NamedQuery(name = "CommentBan.findAll", query = "select b from CommentBan b order by b.id desc")
public class CommentBan {

    public enum Kind { EMAIL, ADDRESS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "value_hash")
    private String valueHash;

    private String note;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected CommentBan() {
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }

    public Long getCommentId() {
        return commentId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
