package org.newsdesk.inbox;

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
import org.newsdesk.outlet.Outlet;

/** A feed of an outlet that the inbox follows, and what its last read answered. */
@Entity
@Table(name = "outlet_feed")
public class Feed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "outlet_id", nullable = false)
    private Outlet outlet;

    @Column(nullable = false)
    String url;

    @Column(name = "url_hash", nullable = false)
    String urlHash;

    String title;

    @Enumerated(EnumType.STRING)
    FeedFormat format;

    String section;
    String language;
    boolean active = true;

    @Column(name = "hub_url")
    String hubUrl;

    @Column(name = "websub_secret")
    String websubSecret;

    @Column(name = "websub_asked_at")
    Instant websubAskedAt;

    @Column(name = "websub_until")
    Instant websubUntil;

    String etag;

    @Column(name = "last_modified")
    String lastModified;

    @Column(name = "next_read_at", nullable = false)
    Instant nextReadAt;

    @Column(name = "last_read_at")
    Instant lastReadAt;

    @Column(name = "last_status")
    Integer lastStatus;

    @Column(name = "last_items")
    Integer lastItems;

    @Column(name = "last_new_items")
    Integer lastNewItems;

    @Column(name = "items_total")
    int itemsTotal;

    int failures;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Feed() {
    }

    Feed(Outlet outlet, String url, String urlHash, String section, Instant now) {
        this.outlet = outlet;
        this.url = url;
        this.urlHash = urlHash;
        this.section = section;
        this.nextReadAt = now;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Outlet getOutlet() {
        return outlet;
    }

    public String getUrl() {
        return url;
    }

    public String getTitle() {
        return title;
    }

    /** The feed's title, or its address while it has none. */
    public String getName() {
        return title != null ? title : url;
    }

    public FeedFormat getFormat() {
        return format;
    }

    public String getSection() {
        return section;
    }

    public String getLanguage() {
        return language;
    }

    public boolean isActive() {
        return active;
    }

    public String getHubUrl() {
        return hubUrl;
    }

    public Instant getWebsubUntil() {
        return websubUntil;
    }

    public Instant getNextReadAt() {
        return nextReadAt;
    }

    public Instant getLastReadAt() {
        return lastReadAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public Integer getLastItems() {
        return lastItems;
    }

    public Integer getLastNewItems() {
        return lastNewItems;
    }

    public int getItemsTotal() {
        return itemsTotal;
    }

    public int getFailures() {
        return failures;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
