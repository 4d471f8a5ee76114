package org.newsdesk.newsletter;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** A reader who asked for the digest by email, without an account. */
@Entity
@Table(name = "subscriber")
public class Subscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    @Column(name = "email_key")
    private String emailKey;

    @Enumerated(EnumType.STRING)
    private SubscriberStatus status;

    @Column(name = "all_sections")
    private boolean allSections = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subscriber_section", joinColumns = @JoinColumn(name = "subscriber_id"))
    @Column(name = "section_id")
    private Set<Long> sectionIds = new LinkedHashSet<>();

    private String language;

    @Column(name = "ip_hash")
    private String ipHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "asked_at")
    private Instant askedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    @Column(name = "bounced_at")
    private Instant bouncedAt;

    protected Subscriber() {
        // For JPA.
    }

    Subscriber(String email, String language, String ipHash, Instant now) {
        this.email = email;
        this.emailKey = key(email);
        this.status = SubscriberStatus.PENDING;
        this.language = language;
        this.ipHash = ipHash;
        this.createdAt = now;
        this.askedAt = now;
    }

    /** The address as it is kept unique: trimmed and in lower case. */
    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Asked again (subscribing twice, or after leaving): waits for a new confirmation unless confirmed. */
    void askedAgain(String ipHash, Instant now) {
        this.askedAt = now;
        this.ipHash = ipHash;
        if (status == SubscriberStatus.UNSUBSCRIBED || status == SubscriberStatus.BOUNCED) {
            status = SubscriberStatus.PENDING;
            leftAt = null;
            bouncedAt = null;
        }
    }

    void sections(boolean all, Set<Long> ids) {
        this.allSections = all || ids.isEmpty();
        this.sectionIds.clear();
        if (!allSections) {
            this.sectionIds.addAll(ids);
        }
    }

    void confirmed(Instant now) {
        status = SubscriberStatus.CONFIRMED;
        confirmedAt = now;
    }

    void left(Instant now) {
        status = SubscriberStatus.UNSUBSCRIBED;
        leftAt = now;
    }

    void bounced(Instant now) {
        status = SubscriberStatus.BOUNCED;
        bouncedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public SubscriberStatus getStatus() {
        return status;
    }

    public boolean isAllSections() {
        return allSections;
    }

    public Set<Long> getSectionIds() {
        return Set.copyOf(sectionIds);
    }

    public String getLanguage() {
        return language;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAskedAt() {
        return askedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }
}
