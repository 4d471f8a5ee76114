package org.newsdesk.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One excerpt on the compose page, as typed. */
public class ExcerptDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long outletId;

    @Size(max = 120, message = "{draft.outletName.tooLong}")
    private String newOutletName;

    @Size(max = 253, message = "{draft.domain.tooLong}")
    private String newOutletDomain;

    @Size(max = 2048, message = "{draft.address.tooLong}")
    private String articleUrl;

    private LocalDate originalPublishedOn;

    @Size(max = 300, message = "{draft.authors.tooLong}")
    private String sourceAuthors;

    @Size(max = 2000, message = "{draft.dek.tooLong}")
    private String dek;

    /** Paragraphs separated by blank lines; links, bold and italic allowed. */
    @Size(max = 100_000, message = "{draft.body.tooLong}")
    private String bodyText;

    private Long photoId;

    @Size(max = 2000, message = "{draft.caption.tooLong}")
    private String caption;

    @Size(max = 300, message = "{draft.credit.tooLong}")
    private String creditLine;

    @Size(max = org.newsdesk.media.Photo.MAX_ALT_TEXT, message = "{draft.alt.tooLong}")
    private String photoAlt;

    @Size(max = 500, message = "{draft.licence.tooLong}")
    private String photoLicence;

    @jakarta.validation.constraints.Positive(message = "{draft.sourceWords.positive}")
    private Integer sourceWordCount;

    /** An editor's reason to publish although the excerpt breaks its outlet's rules (see {@link Excerpt}). */
    @Size(max = 500, message = "{draft.reason.tooLong}")
    private String lengthOverrideReason;

    @Valid
    private List<RelatedLinkDraft> related = new ArrayList<>();

    public static ExcerptDraft of(Excerpt excerpt) {
        ExcerptDraft draft = new ExcerptDraft();
        draft.outletId = excerpt.getOutlet() == null ? null : excerpt.getOutlet().getId();
        draft.articleUrl = excerpt.getArticleUrl();
        draft.originalPublishedOn = excerpt.getOriginalPublishedOn();
        draft.sourceAuthors = excerpt.getSourceAuthors();
        draft.dek = excerpt.getDek();
        draft.bodyText = ExcerptMarkup.toEditorText(excerpt.getBody());
        draft.photoId = excerpt.getPhoto() == null ? null : excerpt.getPhoto().getId();
        draft.caption = excerpt.getCaption();
        draft.creditLine = excerpt.getCreditLine();
        draft.photoAlt = excerpt.getPhotoAlt();
        draft.photoLicence = excerpt.getPhotoLicence();
        draft.sourceWordCount = excerpt.getSourceWordCount();
        draft.lengthOverrideReason = excerpt.getLengthOverrideReason();
        excerpt.getRelatedLinks().forEach(l -> draft.related.add(new RelatedLinkDraft(l.getTitle(), l.getUrl())));
        return draft;
    }

    /** A copy that shares nothing with the original. */
    public static ExcerptDraft copyOf(ExcerptDraft source) {
        ExcerptDraft draft = new ExcerptDraft();
        draft.outletId = source.outletId;
        draft.newOutletName = source.newOutletName;
        draft.newOutletDomain = source.newOutletDomain;
        draft.articleUrl = source.articleUrl;
        draft.originalPublishedOn = source.originalPublishedOn;
        draft.sourceAuthors = source.sourceAuthors;
        draft.dek = source.dek;
        draft.bodyText = source.bodyText;
        draft.photoId = source.photoId;
        draft.caption = source.caption;
        draft.creditLine = source.creditLine;
        draft.photoAlt = source.photoAlt;
        draft.photoLicence = source.photoLicence;
        draft.sourceWordCount = source.sourceWordCount;
        draft.lengthOverrideReason = source.lengthOverrideReason;
        source.related.forEach(l -> draft.related.add(new RelatedLinkDraft(l.getTitle(), l.getUrl())));
        return draft;
    }

    public RelatedLinkDraft addRelated() {
        RelatedLinkDraft link = new RelatedLinkDraft();
        related.add(link);
        return link;
    }

    public Long getOutletId() {
        return outletId;
    }

    public void setOutletId(Long outletId) {
        this.outletId = outletId;
    }

    public String getNewOutletName() {
        return newOutletName;
    }

    public void setNewOutletName(String newOutletName) {
        this.newOutletName = newOutletName;
    }

    public String getNewOutletDomain() {
        return newOutletDomain;
    }

    public void setNewOutletDomain(String newOutletDomain) {
        this.newOutletDomain = newOutletDomain;
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

    public String getBodyText() {
        return bodyText;
    }

    public void setBodyText(String bodyText) {
        this.bodyText = bodyText;
    }

    public Long getPhotoId() {
        return photoId;
    }

    public void setPhotoId(Long photoId) {
        this.photoId = photoId;
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

    /** For JSON-B, which reads an autosave back (ComposeAssist). */
    public void setRelated(List<RelatedLinkDraft> related) {
        this.related = new ArrayList<>(related);
    }

    public List<RelatedLinkDraft> getRelated() {
        return related;
    }
}
