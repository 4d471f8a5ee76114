package org.newsdesk.post;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsdesk.media.Photo;
import org.newsdesk.outlet.Outlet;

/** One quoted source article inside a post: who published it, when, what we quote, and the photo. */
@Entity
@Table(name = "excerpt")
public class Excerpt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    private int position;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "outlet_id")
    private Outlet outlet;

    @Size(max = 2048)
    @Column(name = "article_url")
    private String articleUrl;

    @Column(name = "original_published_on")
    private LocalDate originalPublishedOn;

    /** The source article's authors as its page names them, comma-separated ("Jane Roe, John Doe"). */
    @Size(max = 300)
    @Column(name = "source_authors")
    private String sourceAuthors;

    @Size(max = 2000)
    private String dek;

    /** Sanitized HTML paragraphs (see {@link ExcerptMarkup}). */
    private String body;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "photo_id")
    private Photo photo;

    @Size(max = 2000)
    private String caption;

    /**
     * What the photo shows, for readers who cannot see it, as this excerpt uses it: prefilled from the media
     * library's alt text when the photo is chosen; null or blank falls back to the library's.
     */
    @Size(max = Photo.MAX_ALT_TEXT)
    @Column(name = "photo_alt")
    private String photoAlt;

    @Size(max = 300)
    @Column(name = "credit_line")
    private String creditLine;

    /** Under what licence the photo is used, for outlets that allow their photos only so ("AP Newsroom #1234"). */
    @Size(max = 500)
    @Column(name = "photo_licence")
    private String photoLicence;

    /** The source article's length in words, for its outlet's share rule; null while unknown. */
    @jakarta.validation.constraints.Positive
    @Column(name = "source_word_count")
    private Integer sourceWordCount;

    /**
     * An editor's reason to publish this excerpt although it breaks its outlet's rules (word limit, share of
     * the article, photo policy, photo credit format): one reason answers all of them. The name, and the
     * column's, are from when the word limit was the only such rule.
     */
    @Size(max = 500)
    @Column(name = "length_override_reason")
    private String lengthOverrideReason;

    @Valid
    @ElementCollection
    @CollectionTable(name = "related_link", joinColumns = @JoinColumn(name = "excerpt_id"))
    @OrderColumn(name = "position")
    private List<RelatedLink> relatedLinks = new ArrayList<>();

    protected Excerpt() {
    }

    Excerpt(Post post, int position) {
        this.post = post;
        this.position = position;
    }

    /** The host shown on the SOURCE line, e.g. {@code www.timesofisrael.com}; null without a valid URL. */
    public String getSourceHost() {
        if (articleUrl == null) {
            return null;
        }
        try {
            String host = URI.create(articleUrl.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The credit line as the outlet styles it: "(AP Photo/Hadi Mizban)" where the style is "({credit})". */
    public String getStyledCredit() {
        if (creditLine == null || creditLine.isBlank()) {
            return null;
        }
        String style = outlet == null ? null : outlet.getCreditStyle();
        return style == null || !style.contains("{credit}") ? creditLine : style.replace("{credit}", creditLine);
    }

    public int getWordCount() {
        return ExcerptMarkup.wordCount(body);
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public Outlet getOutlet() {
        return outlet;
    }

    public void setOutlet(Outlet outlet) {
        this.outlet = outlet;
    }

    public String getArticleUrl() {
        return articleUrl;
    }

    public void setArticleUrl(String articleUrl) {
        this.articleUrl = articleUrl;
    }

    public LocalDate getOriginalPublishedOn() {
        return originalPublishedOn;
    }

    public void setOriginalPublishedOn(LocalDate originalPublishedOn) {
        this.originalPublishedOn = originalPublishedOn;
    }

    public String getSourceAuthors() {
        return sourceAuthors;
    }

    public void setSourceAuthors(String sourceAuthors) {
        this.sourceAuthors = sourceAuthors;
    }

    public String getDek() {
        return dek;
    }

    public void setDek(String dek) {
        this.dek = dek;
    }

    public String getBody() {
        return body;
    }

    /** Stores the body sanitized: whatever arrives, only the allowed markup is kept. */
    public void setBody(String html) {
        this.body = ExcerptMarkup.sanitize(html);
    }

    public Photo getPhoto() {
        return photo;
    }

    public void setPhoto(Photo photo) {
        this.photo = photo;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public String getCreditLine() {
        return creditLine;
    }

    public String getPhotoAlt() {
        return photoAlt;
    }

    public void setPhotoAlt(String photoAlt) {
        this.photoAlt = photoAlt;
    }

    /** The alt text readers get: this excerpt's own, or else the library's; null when the photo has none. */
    public String getAltText() {
        if (photo == null) {
            return null;
        }
        if (photoAlt != null && !photoAlt.isBlank()) {
            return photoAlt.strip();
        }
        return photo.getAltText() == null || photo.getAltText().isBlank() ? null : photo.getAltText().strip();
    }

    public void setCreditLine(String creditLine) {
        this.creditLine = creditLine;
    }

    public String getPhotoLicence() {
        return photoLicence;
    }

    public void setPhotoLicence(String photoLicence) {
        this.photoLicence = photoLicence;
    }

    public Integer getSourceWordCount() {
        return sourceWordCount;
    }

    public void setSourceWordCount(Integer sourceWordCount) {
        this.sourceWordCount = sourceWordCount;
    }

    public String getLengthOverrideReason() {
        return lengthOverrideReason;
    }

    public void setLengthOverrideReason(String lengthOverrideReason) {
        this.lengthOverrideReason = lengthOverrideReason;
    }

    public List<RelatedLink> getRelatedLinks() {
        return relatedLinks;
    }
}
