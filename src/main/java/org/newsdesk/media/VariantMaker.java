package org.newsdesk.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Makes the thumbnail, medium and large variants of an upright photo. Variants are JPEG, except where
 * the photo really has see-through pixels (a logo on a PNG, say): those stay PNG so the transparency
 * survives. A variant is never wider than the original.
 *
 * <pre>
 * List&lt;EncodedVariant&gt; variants = VariantMaker.make(ImageDecoder.decode(bytes, limit).image());
 * </pre>
 */
public final class VariantMaker {

    /** Photo-desk JPEG quality: no visible loss at these sizes, about a third of the bytes of 0.95. */
    static final float JPEG_QUALITY = 0.85f;

    private VariantMaker() {
    }

    public static List<EncodedVariant> make(BufferedImage upright) {
        boolean transparent = hasTransparency(upright);
        int pixelType = transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        List<EncodedVariant> variants = new ArrayList<>();
        // Largest first, each made from the one before: much faster than three passes over the original.
        BufferedImage source = upright;
        for (VariantSize size : new VariantSize[] {VariantSize.LARGE, VariantSize.MEDIUM, VariantSize.THUMBNAIL}) {
            int width = Math.min(size.width(), upright.getWidth());
            BufferedImage resized = resize(source, width, pixelType);
            ImageType type = transparent ? ImageType.PNG : ImageType.JPEG;
            variants.add(new EncodedVariant(size, type, resized.getWidth(), resized.getHeight(), encode(resized, type)));
            source = resized;
        }
        return List.copyOf(variants);
    }

    private static BufferedImage resize(BufferedImage source, int width, int pixelType) {
        try {
            return Thumbnails.of(source).width(width).imageType(pixelType).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when some pixel is at least partly see-through, not merely when the format could have them. */
    static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        // getRGB covers every pixel layout alike, palette PNGs with a transparent colour included.
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                if (argb >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] encode(BufferedImage image, ImageType type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type == ImageType.PNG ? "png" : "jpeg").next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (type == ImageType.JPEG) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(JPEG_QUALITY);
                parameters.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
