package org.newsdesk.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.platform.TextLimit;

/** An article a feed brought, kept once however many feeds list it and however often. */
@Entity
@Table(name = "inbox_item")
public class InboxItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "outlet_id", nullable = false, updatable = false)
    private Outlet outlet;

    @Column(name = "feed_id")
    Long feedId;

    @Column(name = "story_id")
    Long storyId;

    @Column(name = "guid_hash")
    String guidHash;

    @Column(nullable = false)
    String url;

    @Column(name = "url_hash", nullable = false)
    String urlHash;

    @Column(nullable = false)
    String title;

    String summary;
    String author;

    @Column(name = "image_url")
    String imageUrl;

    String language;
    String section;

    @Column(name = "published_at")
    Instant publishedAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(name = "found_at", nullable = false, updatable = false)
    Instant foundAt;

    @Column(name = "listed_at", nullable = false)
    Instant listedAt;

    @Column(name = "quoted_post_id")
    Long quotedPostId;

    @Column(name = "quoted_by")
    Long quotedBy;

    @Column(name = "quoted_at")
    Instant quotedAt;

    protected InboxItem() {
    }

    InboxItem(Outlet outlet, Long feedId, String guidHash, String urlHash, Instant now) {
        this.outlet = outlet;
        this.feedId = feedId;
        this.guidHash = guidHash;
        this.urlHash = urlHash;
        this.foundAt = now;
    }

    /**
     * Takes what the feed says now; whether anything a reader sees changed. The listing time is the article's
     * own date, never later than when it was found (an outlet's clock may run ahead) nor before a week earlier.
     */
    boolean take(FeedEntry entry, String feedSection, String feedLanguage) {
        String newTitle = TextLimit.shorten(entry.title(), 1000);
        String newSummary = entry.summary();
        boolean changed = !Objects.equals(title, newTitle) || !Objects.equals(summary, newSummary)
                || !Objects.equals(url, entry.url());
        title = newTitle;
        summary = newSummary;
        url = entry.url();
        author = entry.author() != null ? entry.author() : author;
        imageUrl = entry.imageUrl() != null && entry.imageUrl().length() <= 2000 ? entry.imageUrl() : imageUrl;
        language = entry.language() != null ? entry.language() : language != null ? language : feedLanguage;
        section = section != null ? section : feedSection;
        publishedAt = entry.publishedAt() != null ? entry.publishedAt() : publishedAt;
        updatedAt = entry.updatedAt() != null ? entry.updatedAt() : updatedAt;
        Instant own = publishedAt != null ? publishedAt : foundAt;
        listedAt = own.isAfter(foundAt) ? foundAt : own.isBefore(foundAt.minusSeconds(7 * 86_400)) ? foundAt.minusSeconds(7 * 86_400) : own;
        return changed;
    }

    public Long getId() {
        return id;
    }

    public Outlet getOutlet() {
        return outlet;
    }

    public Long getStoryId() {
        return storyId;
    }

    public String getUrl() {
        return url;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getAuthor() {
        return author;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public String getLanguage() {
        return language;
    }

    public String getSection() {
        return section;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFoundAt() {
        return foundAt;
    }

    public Instant getListedAt() {
        return listedAt;
    }

    public Long getQuotedPostId() {
        return quotedPostId;
    }

    public Long getQuotedBy() {
        return quotedBy;
    }

    public Instant getQuotedAt() {
        return quotedAt;
    }
}
