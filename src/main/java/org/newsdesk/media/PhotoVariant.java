package org.newsdesk.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One resized copy of a photo (thumbnail, medium, large), stored beside the original. */
@Entity
@Table(name = "photo_variant")
@IdClass(PhotoVariant.Key.class)
public class PhotoVariant {

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "photo_id")
    private Photo photo;

    @Id
    private String name;

    @Column(name = "storage_key")
    private String storageKey;

    @Column(name = "mime_type")
    private String mimeType;

    private int width;
    private int height;

    @Column(name = "size_bytes")
    private long sizeBytes;

    protected PhotoVariant() {
    }

    PhotoVariant(Photo photo, VariantSize size, String storageKey, String mimeType, int width, int height, long sizeBytes) {
        this.photo = photo;
        this.name = size.variantName();
        this.storageKey = storageKey;
        this.mimeType = mimeType;
        this.width = width;
        this.height = height;
        this.sizeBytes = sizeBytes;
    }

    public Photo getPhoto() {
        return photo;
    }

    public String getName() {
        return name;
    }

    public String getStorageKey() {
        return storageKey;
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

    /** A variant is known by its photo and its name. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long photo;
        private String name;

        public Key() {
        }

        public Key(long photo, String name) {
            this.photo = photo;
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(photo, key.photo) && Objects.equals(name, key.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(photo, name);
        }
    }
}
