package org.newsdesk.post;

import jakarta.persistence.CascadeType;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.BidiControls;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsdesk.account.User;

/** A headline over one or more excerpts, moving through the publishing workflow. */
@Entity
@Table(name = "post")
@NamedQuery(name = "Post.findBySlug", query = "select p from Post p where p.slug = :slug")
@NamedQuery(name = "Post.countAll", query = "select count(p) from Post p")
@NamedQuery(name = "Post.countByStatus", query = "select count(p) from Post p where p.status = :status")
@NamedQuery(name = "Post.findPublishedIds",
        query = "select p.id from Post p where p.status = org.newsdesk.post.PostStatus.PUBLISHED"
                + " order by p.publishedAt desc, p.id desc")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "A post needs a slug")
    @Size(max = Slugs.MAX_LENGTH)
    @Pattern(regexp = "[\\p{L}\\p{M}\\p{N}]+(-[\\p{L}\\p{M}\\p{N}]+)*", message = "Use letters, digits and single dashes")
    private String slug;

    @NotBlank(message = "A post needs a headline")
    @Size(max = 300, message = "Keep the headline under 300 characters")
    private String headline;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    private Section section;

    @ManyToMany
    @JoinTable(name = "post_tag", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    private Set<Tag> tags = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    private PostStatus status = PostStatus.DRAFT;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private User author;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by")
    private User updatedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** How many corrections readers see under it: read with the post, so a post without any costs no second statement. */
    @org.hibernate.annotations.Formula("(select count(*) from post_correction c where c.post_id = id)")
    private int correctionCount;

    @Column(name = "comments_open")
    private boolean commentsOpen = true;

    /** Days after publication that comments close; null follows the site setting, 0 never closes. */
    @Column(name = "comments_close_after_days")
    private Integer commentsCloseAfterDays;

    @Column(name = "review_note")
    private String reviewNote;

    @Version
    private long version;

    @Valid
    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Excerpt> excerpts = new ArrayList<>();

    protected Post() {
    }

    public Post(String headline, User author, Instant now) {
        this.headline = BidiControls.neutralise(headline);
        this.slug = Slugs.of(headline);
        this.author = author;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Adds an excerpt at the end of the post. */
    public Excerpt addExcerpt() {
        Excerpt excerpt = new Excerpt(this, excerpts.size());
        excerpts.add(excerpt);
        return excerpt;
    }

    public void removeExcerpt(Excerpt excerpt) {
        excerpts.remove(excerpt);
        renumberExcerpts();
    }

    private void renumberExcerpts() {
        for (int i = 0; i < excerpts.size(); i++) {
            excerpts.get(i).setPosition(i);
        }
    }

    /** Records who changed the post, and when. */
    public void touch(User editor, Instant now) {
        this.updatedBy = editor;
        this.updatedAt = now;
    }

    /** A writer hands the post to the editors. */
    public void submit(Instant now) {
        requireStatus(Workflow.Step.SUBMIT);
        this.status = PostStatus.IN_REVIEW;
        this.submittedAt = now;
        this.reviewNote = null;
    }

    /** An editor sends the post back to its writer, saying why. */
    public void reject(String note) {
        requireStatus(Workflow.Step.SEND_BACK);
        if (note == null || note.isBlank()) {
            throw new WorkflowException("note", Phrase.of("workflow.sendBack.noteRequired"));
        }
        this.status = PostStatus.DRAFT;
        this.publishAt = null;
        this.reviewNote = note.strip();
    }

    /** Sets the post to publish itself at {@code at}; it must be publishable now already. */
    public void schedule(Instant at, Instant now) {
        requireStatus(Workflow.Step.SCHEDULE);
        if (at == null || !at.isAfter(now)) {
            throw new WorkflowException("publishAt", Phrase.of("workflow.schedule.future"));
        }
        List<PublicationCheck.Problem> problems = PublicationCheck.problems(this);
        if (!problems.isEmpty()) {
            throw new PublicationRefusedException(problems);
        }
        this.status = PostStatus.SCHEDULED;
        this.publishAt = at;
        // An editor took it on: the note that sent it back is answered (it would mark it sent back again if the schedule is cancelled).
        this.reviewNote = null;
    }

    public void cancelSchedule() {
        requireStatus(Workflow.Step.CANCEL_SCHEDULE);
        this.status = PostStatus.DRAFT;
        this.publishAt = null;
    }

    public void unpublish() {
        requireStatus(Workflow.Step.UNPUBLISH);
        this.status = PostStatus.UNPUBLISHED;
    }

    /** Whether this post is scheduled and its time has come. */
    public boolean isDue(Instant now) {
        return status == PostStatus.SCHEDULED && publishAt != null && !publishAt.isAfter(now);
    }

    /** The post's own guard, whoever asks (the scheduler too): the status the step starts from ({@link Workflow.Step}). */
    private void requireStatus(Workflow.Step step) {
        if (!step.startsFrom(status)) {
            throw new WorkflowException(null, step.notFrom(status));
        }
    }


    /**
     * Publishes the post, if it passes the {@link PublicationCheck}; who may publish is the workflow
     * service's business. A post published before keeps its first publication time.
     */
    public void publish(Instant now) {
        requireStatus(Workflow.Step.PUBLISH);
        List<PublicationCheck.Problem> problems = PublicationCheck.problems(this);
        if (!problems.isEmpty()) {
            throw new PublicationRefusedException(problems);
        }
        this.status = PostStatus.PUBLISHED;
        this.publishedAt = this.publishedAt == null ? now : this.publishedAt;
        this.publishAt = null;
        this.reviewNote = null;
        this.updatedAt = now;
    }

    public boolean isPublished() {
        return status == PostStatus.PUBLISHED;
    }

    /**
     * Whether an editor sent this draft back to its writer: a draft with the editor's note, which stays until the
     * writer submits it again. The desk's queries for such posts ({@link PostRepository#sentBackTo}) ask the same.
     */
    public boolean isSentBack() {
        return status == PostStatus.DRAFT && reviewNote != null && !reviewNote.isBlank();
    }

    public Excerpt getLeadExcerpt() {
        return excerpts.isEmpty() ? null : excerpts.get(0);
    }

    public Long getId() {
        return id;
    }

    /** The public address of the post whose address is {@code slug}, from the site's root: {@code /post/{slug}}. */
    public static String path(String slug) {
        return "/post/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }

    /** This post's public address, from the site's root (readers see it once it is published). */
    public String getPath() {
        return path(slug);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = BidiControls.neutralise(headline);
    }

    public Section getSection() {
        return section;
    }

    public void setSection(Section section) {
        this.section = section;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public PostStatus getStatus() {
        return status;
    }

    public User getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public User getUpdatedBy() {
        return updatedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getPublishAt() {
        return publishAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public int getCorrectionCount() {
        return correctionCount;
    }

    public boolean isCommentsOpen() {
        return commentsOpen;
    }

    public void setCommentsOpen(boolean commentsOpen) {
        this.commentsOpen = commentsOpen;
    }

    public Integer getCommentsCloseAfterDays() {
        return commentsCloseAfterDays;
    }

    public void setCommentsCloseAfterDays(Integer commentsCloseAfterDays) {
        this.commentsCloseAfterDays = commentsCloseAfterDays;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public long getVersion() {
        return version;
    }

    public List<Excerpt> getExcerpts() {
        return excerpts;
    }
}
