package org.newsdesk.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Images made in code for the media tests, so every case says exactly what its file holds. */
public final class TestImages {

    /** A 1 × 1 lossy WebP, as cwebp writes it. */
    public static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    private TestImages() {
    }

    /**
     * Red top left, blue top right, green bottom left, yellow bottom right: each of the eight EXIF
     * orientations leaves these corners in a different order, so mirroring is never mistaken for turning.
     */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int left = width / 2;
        int top = height / 2;
        g.setColor(Color.RED);
        g.fillRect(0, 0, left, top);
        g.setColor(Color.BLUE);
        g.fillRect(left, 0, width - left, top);
        g.setColor(Color.GREEN);
        g.fillRect(0, top, left, height - top);
        g.setColor(Color.YELLOW);
        g.fillRect(left, top, width - left, height - top);
        g.dispose();
        return image;
    }

    /** A camera-like JPEG: busy enough that a 4000 × 3000 one weighs about as much as a real photo. */
    public static byte[] busyJpeg(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(90)) & 0xFF;
                int g = (y * 255 / height + random.nextInt(90)) & 0xFF;
                int b = ((x ^ y) + random.nextInt(90)) & 0xFF;
                row[x] = r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return write(image, "jpeg");
    }

    public static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("No writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JPEG with an EXIF segment saying how it must be turned (1 to 8), put where cameras put it:
     * right after the JFIF header.
     */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        byte[] tiff = littleEndian
                ? new byte[] {'I', 'I', 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0, 0, 0, 0, 0}
                : new byte[] {'M', 'M', 0, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int afterJfif = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            afterJfif = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        out.write(jpeg, 0, afterJfif);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }

    public static byte[] seedPhoto() {
        try (InputStream in = TestImages.class.getResourceAsStream("/seed/militia-funeral-baghdad.jpg")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The corners (top left, top right, bottom left, bottom right) of {@link #quadrants} once turned
     * upright for EXIF orientation 1 to 8, as the EXIF standard defines each: where the stored top row
     * and left column are meant to be seen.
     */
    public static List<String> uprightCorners(int orientation) {
        return switch (orientation) {
            case 1 -> List.of("red", "blue", "green", "yellow");    // as stored
            case 2 -> List.of("blue", "red", "yellow", "green");    // mirrored left to right
            case 3 -> List.of("yellow", "green", "blue", "red");    // upside down
            case 4 -> List.of("green", "yellow", "red", "blue");    // mirrored top to bottom
            case 5 -> List.of("red", "green", "blue", "yellow");    // mirrored across the top-left diagonal
            case 6 -> List.of("green", "red", "yellow", "blue");    // turned a quarter clockwise (portrait phone photos)
            case 7 -> List.of("yellow", "blue", "green", "red");    // mirrored across the other diagonal
            case 8 -> List.of("blue", "yellow", "red", "green");    // turned a quarter anticlockwise
            default -> throw new IllegalArgumentException("No EXIF orientation " + orientation);
        };
    }

    /** Which colour a pixel mostly is (red, blue, green, yellow or other), for assertions that survive JPEG's smudging. */
    public static String colourAt(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return switch (level(rgb >> 16) + level(rgb >> 8) + level(rgb)) {
            case "+--" -> "red";
            case "--+" -> "blue";
            case "-+-" -> "green";
            case "++-" -> "yellow";
            default -> "other";
        };
    }

    private static String level(int channel) {
        int value = channel & 0xFF;
        return value > 180 ? "+" : value < 80 ? "-" : "?";
    }

    /** The colours of the four corner pixels: top left, top right, bottom left, bottom right. */
    public static List<String> corners(BufferedImage image) {
        int right = image.getWidth() - 1;
        int bottom = image.getHeight() - 1;
        return List.of(colourAt(image, 0, 0), colourAt(image, right, 0), colourAt(image, 0, bottom), colourAt(image, right, bottom));
    }
}
