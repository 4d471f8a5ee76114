package org.newsdesk.media;

/** One resized copy of a photo, encoded and ready to be stored. */
public record EncodedVariant(VariantSize size, ImageType type, int width, int height, byte[] bytes) {
}
