package org.newsdesk.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The sizes a photo is kept in besides its original, each named as it appears in
 * {@code /media/{publicKey}/{variant}}: the desk's grid, the front page, the post page.
 */
public enum VariantSize {
    THUMBNAIL(320),
    MEDIUM(800),
    LARGE(1600);

    private final int width;

    VariantSize(int width) {
        this.width = width;
    }

    /** The widest this variant is; a narrower original keeps its own width (never upscaled). */
    public int width() {
        return width;
    }

    /** The name in URLs and in {@code photo_variant.name}. */
    public String variantName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VariantSize> named(String name) {
        for (VariantSize size : values()) {
            if (size.variantName().equals(name)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }
}
