package org.newsdesk.media;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.newsdesk.account.User;

/**
 * An uploaded photo. The original's bytes are in the image store under {@link #getStorageKey()}, and
 * its resized variants under theirs. Width and height are as a reader sees the photo (upright).
 */
@Entity
@Table(name = "photo")
@NamedQuery(name = "Photo.findBySha256", query = "select p from Photo p where p.sha256 = :sha256 order by p.id")
@NamedQuery(name = "Photo.findWithDetails", query = "select p from Photo p left join fetch p.uploadedBy"
        + " left join fetch p.variants where p.id = :id")
@NamedQuery(name = "Photo.findByPublicKey", query = "select p from Photo p where p.publicKey = :publicKey")
public class Photo {

    public static final int MAX_ALT_TEXT = 500;
    public static final int MAX_CAPTION = 2000;
    public static final int MAX_CREDIT = 300;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** What the photo's address says instead of its id: random, so nobody finds photos by counting. */
    @Column(name = "public_key", updatable = false)
    private String publicKey;

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

    @Size(max = MAX_ALT_TEXT)
    @Column(name = "alt_text")
    private String altText;

    @Size(max = MAX_CAPTION)
    @Column(name = "default_caption")
    private String defaultCaption;

    @Size(max = MAX_CREDIT)
    @Column(name = "default_credit")
    private String defaultCredit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "uploaded_by")
    private User uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    /** Whether the stored original is known to be clean of private metadata; see {@link PhotoMetadataSweep}. */
    @Column(name = "metadata_cleaned")
    private boolean metadataCleaned;

    @OneToMany(mappedBy = "photo", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("width")
    private List<PhotoVariant> variants = new ArrayList<>();

    protected Photo() {
    }

    public Photo(StoredImage image, String originalFilename, User uploadedBy, Instant uploadedAt) {
        this.publicKey = newPublicKey();
        this.storageKey = image.storageKey();
        this.mimeType = image.mimeType();
        this.width = image.width();
        this.height = image.height();
        this.sizeBytes = image.sizeBytes();
        this.sha256 = image.sha256();
        this.originalFilename = originalFilename;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.metadataCleaned = true; // DevelopedPhoto cleaned it on the way in
    }

    public Long getId() {
        return id;
    }

    /** 32 hex digits, as in {@code /media/{publicKey}/{variant}}. */
    public String getPublicKey() {
        return publicKey;
    }

    static String newPublicKey() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
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

    public User getUploadedBy() {
        return uploadedBy;
    }

    /** Smallest first. */
    public List<PhotoVariant> getVariants() {
        return variants;
    }

    public Optional<PhotoVariant> variant(VariantSize size) {
        return variants.stream().filter(v -> v.getName().equals(size.variantName())).findFirst();
    }

    /**
     * The sizes a reader's browser may choose from, for an image's {@code srcset}:
     * {@code "/media/k3x/thumbnail 320w, /media/k3x/medium 800w, /media/k3x/large 1600w"}, smallest first, one per
     * width (an original narrower than a size is served at its own width for it). Worked out from the original's
     * width as {@link VariantMaker} makes the variants, so a page needs no query for them; null without a width.
     */
    public String srcset(String contextPath) {
        java.util.Map<Integer, String> byWidth = new java.util.TreeMap<>();
        for (VariantSize size : VariantSize.values()) {
            int shown = sizeAt(size)[0];
            if (shown > 0) {
                byWidth.putIfAbsent(shown, contextPath + "/media/" + publicKey + "/" + size.variantName() + " " + shown + "w");
            }
        }
        return byWidth.isEmpty() ? null : String.join(", ", byWidth.values());
    }

    /** Width and height of this size as served: the original narrowed to the size's width, never widened. */
    public int[] sizeAt(VariantSize size) {
        if (width <= 0 || height <= 0) {
            return new int[] {0, 0};
        }
        int shown = Math.min(size.width(), width);
        return new int[] {shown, (int) Math.round((double) height * shown / width)};
    }

    void addVariant(VariantSize size, String storageKey, String mimeType, int width, int height, long sizeBytes) {
        variants.add(new PhotoVariant(this, size, storageKey, mimeType, width, height, sizeBytes));
    }

    /** Every file that belongs to this photo, the original first. */
    List<String> storageKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(storageKey);
        variants.forEach(v -> keys.add(v.getStorageKey()));
        return keys;
    }

    /** "JPEG", "PNG" or "WEBP", for people. */
    public String getFormat() {
        return mimeType == null ? "" : mimeType.substring(mimeType.indexOf('/') + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
