package org.newsdesk.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One story across outlets: the articles that say the same thing, its first and latest times, the post covering it. */
@Entity
@Table(name = "inbox_story")
public class InboxStory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    String title;

    @Column(name = "first_at", nullable = false)
    Instant firstAt;

    @Column(name = "latest_at", nullable = false)
    Instant latestAt;

    int articles;

    @Column(name = "covered_post_id")
    Long coveredPostId;

    protected InboxStory() {
    }

    InboxStory(String title, Instant at) {
        this.title = title;
        this.firstAt = at;
        this.latestAt = at;
    }

    /** An article joins: the times widen, the count grows. */
    void add(Instant at) {
        articles++;
        if (at.isBefore(firstAt)) {
            firstAt = at;
        }
        if (at.isAfter(latestAt)) {
            latestAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Instant getFirstAt() {
        return firstAt;
    }

    public Instant getLatestAt() {
        return latestAt;
    }

    public int getArticles() {
        return articles;
    }

    public Long getCoveredPostId() {
        return coveredPostId;
    }
}
