package org.newsdesk.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A source article the monitor watches, and what its page said when last read. */
@Entity
@Table(name = "source_check")
public class SourceCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_url", nullable = false, updatable = false)
    private String articleUrl;

    @Column(name = "url_hash", nullable = false, updatable = false)
    String urlHash;

    @Column(nullable = false, updatable = false)
    private String host;

    @Column(name = "next_check_at", nullable = false)
    Instant nextCheckAt;

    @Column(name = "watch_until", nullable = false)
    Instant watchUntil;

    @Column(name = "last_checked_at")
    Instant lastCheckedAt;

    int checks;
    Integer status;

    @Column(name = "final_url")
    String finalUrl;

    String headline;
    String correction;
    Boolean paywalled;
    String etag;

    @Column(name = "last_modified")
    String lastModified;

    int failures;

    @Column(name = "last_error")
    String lastError;

    protected SourceCheck() {
    }

    SourceCheck(String articleUrl, String urlHash, String host, Instant nextCheckAt, Instant watchUntil) {
        this.articleUrl = articleUrl;
        this.urlHash = urlHash;
        this.host = host;
        this.nextCheckAt = nextCheckAt;
        this.watchUntil = watchUntil;
    }

    /** What the last read found, for comparing the next with. */
    DriftComparison.Known known() {
        return new DriftComparison.Known(checks == 0, articleUrl, status, finalUrl, headline, correction, paywalled);
    }

    public Long getId() {
        return id;
    }

    public String getArticleUrl() {
        return articleUrl;
    }

    public String getHost() {
        return host;
    }

    public Instant getLastCheckedAt() {
        return lastCheckedAt;
    }

    public Integer getStatus() {
        return status;
    }

    public String getHeadline() {
        return headline;
    }

    public String getLastError() {
        return lastError;
    }

    public int getChecks() {
        return checks;
    }
}
