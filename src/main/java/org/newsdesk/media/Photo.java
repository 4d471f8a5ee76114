package org.newsdesk.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.newsdesk.account.User;

/** An uploaded photo. The bytes are in the image store under {@link #getStorageKey()}. */
@Entity
@Table(name = "photo")
public class Photo {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "storage_key")
    private String storageKey;

    @Column(name = "original_filename")
    private String originalFilename;

    /** Decided from the file's bytes, never from its name. */
    @Column(name = "mime_type")
    private String mimeType;

    private int width;
    private int height;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private String sha256;

    @Size(max = 500)
    @Column(name = "alt_text")
    private String altText;

    @Column(name = "default_caption")
    private String defaultCaption;

    @Size(max = 300)
    @Column(name = "default_credit")
    private String defaultCredit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "uploaded_by")
    private User uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected Photo() {
    }

    public Photo(StoredImage image, String originalFilename, User uploadedBy, Instant uploadedAt) {
        this.storageKey = image.storageKey();
        this.mimeType = image.mimeType();
        this.width = image.width();
        this.height = image.height();
        this.sizeBytes = image.sizeBytes();
        this.sha256 = image.sha256();
        this.originalFilename = originalFilename;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getOriginalFilename() {
        return originalFilename;
    }

    public String getMimeType() {
        return mimeType;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getAltText() {
        return altText;
    }

    public void setAltText(String altText) {
        this.altText = altText;
    }

    public String getDefaultCaption() {
        return defaultCaption;
    }

    public void setDefaultCaption(String defaultCaption) {
        this.defaultCaption = defaultCaption;
    }

    public String getDefaultCredit() {
        return defaultCredit;
    }

    public void setDefaultCredit(String defaultCredit) {
        this.defaultCredit = defaultCredit;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
