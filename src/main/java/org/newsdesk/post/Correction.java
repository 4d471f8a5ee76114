package org.newsdesk.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A correction readers see under a post, dated: what was wrong or what changed at the source. */
@Entity
@Table(name = "post_correction")
@NamedQuery(name = "Correction.findByPost", query = "select c from Correction c where c.postId = :postId order by c.createdAt, c.id")
public class Correction {

    /** The longest note: a paragraph, as corrections run. */
    public static final int MAX_NOTE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false, updatable = false)
    private long postId;

    @Column(nullable = false)
    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private Long createdBy;

    protected Correction() {
    }

    public Correction(long postId, String note, Instant createdAt, Long createdBy) {
        this.postId = postId;
        this.note = note;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public long getPostId() {
        return postId;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
