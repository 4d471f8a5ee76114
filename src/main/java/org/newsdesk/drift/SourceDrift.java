package org.newsdesk.drift;

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
import jakarta.persistence.Table;
import java.time.Instant;

/** One change found at a source, with what it was before and after, until an editor handles it. */
@Entity
@Table(name = "source_drift")
public class SourceDrift {

    /** How an editor dealt with a change. */
    public enum Handling { HANDLED, CORRECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "source_check_id", updatable = false)
    private SourceCheck source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DriftKind kind;

    @Column(name = "before_value", updatable = false)
    private String before;

    @Column(name = "after_value", updatable = false)
    private String after;

    @Column(name = "change_hash", nullable = false, updatable = false)
    private String changeHash;

    @Column(name = "found_at", nullable = false, updatable = false)
    private Instant foundAt;

    @Column(name = "handled_at")
    private Instant handledAt;

    @Column(name = "handled_by")
    private Long handledBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "handled_how")
    private Handling handledHow;

    protected SourceDrift() {
    }

    SourceDrift(SourceCheck source, DriftKind kind, String before, String after, String changeHash, Instant foundAt) {
        this.source = source;
        this.kind = kind;
        this.before = before;
        this.after = after;
        this.changeHash = changeHash;
        this.foundAt = foundAt;
    }

    void handle(Handling how, Long by, Instant at) {
        this.handledHow = how;
        this.handledBy = by;
        this.handledAt = at;
    }

    public Long getId() {
        return id;
    }

    public SourceCheck getSource() {
        return source;
    }

    public DriftKind getKind() {
        return kind;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public Instant getFoundAt() {
        return foundAt;
    }

    public Instant getHandledAt() {
        return handledAt;
    }

    public Handling getHandledHow() {
        return handledHow;
    }

    public boolean isHandled() {
        return handledAt != null;
    }
}
