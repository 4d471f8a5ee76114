package org.newsdesk.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import org.newsdesk.platform.Phrase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decides whether bytes are a photo we take, and reads their pixels. The type comes from the bytes
 * ({@link ImageType#sniff}), never from the file name; the size in pixels is checked before a single
 * pixel is read, so a small file that claims to be enormous cannot fill the heap; a JPEG cut short is
 * refused rather than shown with a grey bottom half.
 *
 * <pre>
 * DecodedImage photo = ImageDecoder.decode(bytes, 50_000_000);   // or UnsupportedImageException
 * </pre>
 */
public final class ImageDecoder {

    static final Phrase DAMAGED = Phrase.of("media.refused.damaged");

    private ImageDecoder() {
    }

    public static DecodedImage decode(byte[] bytes, long maxPixels) {
        if (bytes == null || bytes.length == 0) {
            throw new UnsupportedImageException(Phrase.of("media.refused.empty"));
        }
        ImageType type = ImageType.sniff(bytes)
                .orElseThrow(() -> new UnsupportedImageException(ImageType.refusal(bytes)));
        BufferedImage image = read(type, bytes, maxPixels);
        int orientation = type == ImageType.JPEG ? ExifOrientation.read(bytes) : ExifOrientation.UPRIGHT;
        return new DecodedImage(type, ExifOrientation.apply(image, orientation), orientation);
    }

    private static BufferedImage read(ImageType type, byte[] bytes, long maxPixels) {
        ImageReader reader = readerFor(type);
        // In memory: ImageIO's default stream would first copy the upload to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw new UnsupportedImageException(Phrase.of("media.refused.pixels", width, height, maxPixels / 1_000_000));
            }
            boolean[] cutShort = {false};
            reader.addIIOReadWarningListener((source, warning) -> cutShort[0] |= isTruncation(warning));
            BufferedImage image = reader.read(0);
            if (cutShort[0] || image == null) {
                throw new UnsupportedImageException(DAMAGED);
            }
            return image;
        } catch (UnsupportedImageException e) {
            throw e;
        } catch (IIOException e) {
            if (type == ImageType.JPEG && String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                throw new UnsupportedImageException(Phrase.of("media.refused.cmyk"));
            }
            throw new UnsupportedImageException(DAMAGED);
        } catch (IOException | RuntimeException e) {
            // Decoders signal a broken file in many ways (EOFException, IndexOutOfBounds, IllegalArgument).
            throw new UnsupportedImageException(DAMAGED);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ImageType type) {
        if (type == ImageType.WEBP) {
            // Made directly rather than looked up: ImageIO's registry is shared by the whole server and
            // does not see plugins inside a web application.
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == ImageType.JPEG ? "jpeg" : "png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + type);
        }
        return readers.next();
    }

    /** The JDK's JPEG reader reports a file cut short as a warning and fills the rest with grey. */
    private static boolean isTruncation(String warning) {
        String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return text.contains("truncated") || text.contains("premature end");
    }
}
