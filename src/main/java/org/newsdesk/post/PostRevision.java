package org.newsdesk.post;

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
import org.newsdesk.account.User;

/** A post as it stood after one save while published: headline and excerpts, kept as a snapshot. */
@Entity
@Table(name = "post_revision")
@NamedQuery(name = "PostRevision.findByPost",
        query = "select r from PostRevision r left join fetch r.editor where r.post.id = :postId order by r.number desc")
@NamedQuery(name = "PostRevision.lastNumber",
        query = "select coalesce(max(r.number), 0) from PostRevision r where r.post.id = :postId")
public class PostRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    private int number;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "editor_id")
    private User editor;

    @Column(name = "created_at")
    private Instant createdAt;

    private String headline;

    /** JSON, see {@link PostSnapshot}. */
    private String snapshot;

    private String note;

    protected PostRevision() {
    }

    PostRevision(Post post, int number, User editor, Instant createdAt, String snapshot, String note) {
        this.post = post;
        this.number = number;
        this.editor = editor;
        this.createdAt = createdAt;
        this.headline = post.getHeadline();
        this.snapshot = snapshot;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public int getNumber() {
        return number;
    }

    public User getEditor() {
        return editor;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getHeadline() {
        return headline;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public String getNote() {
        return note;
    }
}
