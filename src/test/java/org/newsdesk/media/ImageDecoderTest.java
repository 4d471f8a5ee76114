package org.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private static final long LIMIT = 50_000_000L;

    @Test
    void aRealPhotoIsRead() {
        DecodedImage photo = ImageDecoder.decode(TestImages.seedPhoto(), LIMIT);
        assertEquals(ImageType.JPEG, photo.type());
        assertEquals(1200, photo.width());
        assertEquals(800, photo.height());
        assertEquals(ExifOrientation.UPRIGHT, photo.orientation());
    }

    @Test
    void pngAndWebPAreRead() {
        DecodedImage png = ImageDecoder.decode(TestImages.write(TestImages.quadrants(30, 20), "png"), LIMIT);
        assertEquals(ImageType.PNG, png.type());
        assertEquals(30, png.width());
        DecodedImage webp = ImageDecoder.decode(TestImages.WEBP_1X1, LIMIT);
        assertEquals(ImageType.WEBP, webp.type());
        assertEquals(1, webp.width());
        assertEquals(1, webp.height());
    }

    @Test
    void aPhotoCutShortIsRefusedNotPaddedWithGrey() {
        byte[] photo = TestImages.seedPhoto();
        for (int keep : new int[] {photo.length / 2, photo.length - 100, 200}) {
            UnsupportedImageException refused = assertThrows(UnsupportedImageException.class,
                    () -> ImageDecoder.decode(Arrays.copyOf(photo, keep), LIMIT), "kept " + keep + " bytes");
            assertEquals(ImageDecoder.DAMAGED.english(), refused.getMessage());
            assertEquals("file", refused.field());
        }
        byte[] png = TestImages.write(TestImages.quadrants(300, 200), "png");
        assertThrows(UnsupportedImageException.class, () -> ImageDecoder.decode(Arrays.copyOf(png, png.length / 2), LIMIT));
        assertThrows(UnsupportedImageException.class, () -> ImageDecoder.decode(Arrays.copyOf(TestImages.WEBP_1X1, 24), LIMIT));
    }

    @Test
    void whatIsNotAPhotoIsRefusedWithItsName() {
        assertEquals("This file is empty.", assertThrows(UnsupportedImageException.class,
                () -> ImageDecoder.decode(new byte[0], LIMIT)).getMessage());
        byte[] pdfNamedJpg = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(assertThrows(UnsupportedImageException.class, () -> ImageDecoder.decode(pdfNamedJpg, LIMIT))
                .getMessage().contains("PDF"));
        byte[] gif = TestImages.write(TestImages.quadrants(10, 10), "gif");
        assertTrue(assertThrows(UnsupportedImageException.class, () -> ImageDecoder.decode(gif, LIMIT))
                .getMessage().startsWith("GIF images are not accepted"));
    }

    @Test
    void anImageClaimingTooManyPixelsIsRefusedBeforeItIsRead() {
        byte[] png = TestImages.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png");
        // IHDR's width and height follow the 8-byte signature, the chunk length and "IHDR".
        ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);
        UnsupportedImageException refused = assertThrows(UnsupportedImageException.class, () -> ImageDecoder.decode(png, LIMIT));
        assertEquals("This image is 100,000 × 100,000 pixels; photos can be at most 50 megapixels.", refused.getMessage());
    }

    @Test
    void aSidewaysPhonePhotoIsTurnedUpright() {
        // Stored 64 × 32 lying on its side; tag 6 means "turn a quarter clockwise to view".
        byte[] jpeg = TestImages.withExifOrientation(TestImages.write(TestImages.quadrants(64, 32), "jpeg"), 6, false);
        DecodedImage photo = ImageDecoder.decode(jpeg, LIMIT);
        assertEquals(6, photo.orientation());
        assertEquals(32, photo.width());
        assertEquals(64, photo.height());
        assertEquals(List.of("green", "red", "yellow", "blue"), TestImages.corners(photo.image()),
                "the stored left edge is on top, read from bottom to top");
    }

    @Test
    void everyOrientationIsTurnedUprightInEitherByteOrder() {
        byte[] stored = TestImages.write(TestImages.quadrants(64, 32), "jpeg");
        for (boolean littleEndian : new boolean[] {false, true}) {
            for (int orientation = 1; orientation <= 8; orientation++) {
                DecodedImage photo = ImageDecoder.decode(TestImages.withExifOrientation(stored, orientation, littleEndian), LIMIT);
                String which = "orientation " + orientation + (littleEndian ? ", little-endian" : ", big-endian");
                assertEquals(orientation, photo.orientation(), which);
                assertEquals(orientation >= 5 ? 32 : 64, photo.width(), which);
                assertEquals(TestImages.uprightCorners(orientation), TestImages.corners(photo.image()), which);
            }
        }
    }
}
