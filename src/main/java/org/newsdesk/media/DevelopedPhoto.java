package org.newsdesk.media;

import java.util.List;

/**
 * An accepted upload ready to be stored: the original and its variants, upright or saying how to turn
 * upright, and cleaned of the metadata that is not the readers' ({@link PhotoMetadata}).
 *
 * <pre>
 * DevelopedPhoto photo = DevelopedPhoto.develop(bytes, 50_000_000);   // or UnsupportedImageException
 * </pre>
 */
public record DevelopedPhoto(DecodedImage decoded, byte[] original, List<EncodedVariant> variants) {

    public static DevelopedPhoto develop(byte[] upload, long maxPixels) {
        DecodedImage decoded = ImageDecoder.decode(upload, maxPixels);
        PhotoMetadata.Authorship authorship = decoded.type() == ImageType.JPEG
                ? PhotoMetadata.authorship(upload) : PhotoMetadata.Authorship.NONE;
        byte[] original = PhotoMetadata.original(upload, decoded.type(), decoded.orientation(), authorship);
        List<EncodedVariant> variants = VariantMaker.make(decoded.image()).stream()
                .map(variant -> variant.type() != ImageType.JPEG ? variant : new EncodedVariant(variant.size(),
                        variant.type(), variant.width(), variant.height(),
                        PhotoMetadata.clean(variant.bytes(), ExifOrientation.UPRIGHT, authorship)))
                .toList();
        return new DevelopedPhoto(decoded, original, variants);
    }
}
