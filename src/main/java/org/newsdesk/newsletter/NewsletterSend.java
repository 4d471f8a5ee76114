package org.newsdesk.newsletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One send of the digest, or of a post as breaking news, to every confirmed subscriber ({@link Digests}). */
@Entity
@Table(name = "newsletter_send")
public class NewsletterSend {

    public enum Kind {
        DIGEST, BREAKING
    }

    public enum Status {
        /** Its mails are being put in the outbox, a chunk of subscribers at a time. */
        BUILDING,
        /** Every mail is in the outbox. */
        QUEUED,
        /** Nothing was published: no mail. */
        EMPTY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "send_key")
    private String sendKey;

    @Column(name = "post_id")
    private Long postId;

    private Instant since;

    private Instant until;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int posts;

    @Column(name = "last_subscriber_id")
    private long lastSubscriberId;

    private int queued;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSendKey() {
        return sendKey;
    }

    public Long getPostId() {
        return postId;
    }

    public Instant getSince() {
        return since;
    }

    public Instant getUntil() {
        return until;
    }

    public Status getStatus() {
        return status;
    }

    public int getPosts() {
        return posts;
    }

    public long getLastSubscriberId() {
        return lastSubscriberId;
    }

    public int getQueued() {
        return queued;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    void built(long lastSubscriber, int more, Instant claimedUntil) {
        this.lastSubscriberId = lastSubscriber;
        this.queued += more;
        this.claimedUntil = claimedUntil;
    }

    void posts(int posts) {
        this.posts = posts;
    }

    void finished(Status status, Instant now) {
        this.status = status;
        this.finishedAt = now;
        this.claimedUntil = null;
    }
}
