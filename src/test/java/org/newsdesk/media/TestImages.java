package org.newsdesk.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.IFD;
import com.twelvemonkeys.imageio.metadata.tiff.Rational;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

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

    /** Text found nowhere in a clean photo: the maker note, the XMP packet and the comment of {@link #withPrivateMetadata}. */
    public static final String SECRET = "SECRET-5f2a";
    public static final String ARTIST = "Hadi Mizban";
    public static final String COPYRIGHT = "© 2026 The Associated Press";

    /**
     * The JPEG as a camera and a photo editor leave it: EXIF with the camera's make, a maker note, the
     * GPS position (Baghdad) and the photographer's Artist and Copyright, an orientation (1 to 8), then
     * an XMP packet and a comment, each carrying {@link #SECRET}.
     */
    public static byte[] withPrivateMetadata(byte[] jpeg, int orientation) {
        List<Entry> gps = List.of(
                new TIFFEntry(1, TIFF.TYPE_ASCII, "N"),
                new TIFFEntry(2, TIFF.TYPE_RATIONAL, new Rational[] {new Rational(33), new Rational(18), new Rational(50)}),
                new TIFFEntry(3, TIFF.TYPE_ASCII, "E"),
                new TIFFEntry(4, TIFF.TYPE_RATIONAL, new Rational[] {new Rational(44), new Rational(21), new Rational(40)}));
        List<Entry> exif = List.of(new TIFFEntry(37500, TIFF.TYPE_UNDEFINED, (SECRET + " maker note").getBytes(StandardCharsets.US_ASCII)));
        List<Entry> ifd0 = List.of(
                new TIFFEntry(TIFF.TAG_MAKE, TIFF.TYPE_ASCII, "NewsCam"),
                new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, (short) orientation),
                new TIFFEntry(TIFF.TAG_ARTIST, TIFF.TYPE_ASCII, ARTIST),
                new TIFFEntry(TIFF.TAG_COPYRIGHT, TIFF.TYPE_ASCII, COPYRIGHT),
                new TIFFEntry(TIFF.TAG_EXIF_IFD, TIFF.TYPE_LONG, new IFD(exif)),
                new TIFFEntry(TIFF.TAG_GPS_IFD, TIFF.TYPE_LONG, new IFD(gps)));
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(tiff)) {
            new TIFFWriter().write(ifd0, stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\""
                + " photoshop:City=\"" + SECRET + " Baghdad\"/></rdf:RDF></x:xmpmeta>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray()));
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0" + xmp).getBytes(StandardCharsets.UTF_8));
        segment(out, 0xFE, (SECRET + " shot from the hotel roof").getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The JPEG with only an XMP packet naming {@link #ARTIST} as dc:creator and {@link #COPYRIGHT} as dc:rights. */
    public static byte[] withXmpAuthorship(byte[] jpeg) {
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:creator><rdf:Seq><rdf:li>" + ARTIST + "</rdf:li></rdf:Seq></dc:creator>"
                + "<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">" + COPYRIGHT + "</rdf:li></rdf:Alt></dc:rights>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0" + xmp).getBytes(StandardCharsets.UTF_8));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The JPEG with only a Photoshop IPTC block naming {@link #ARTIST} as By-line and {@link #COPYRIGHT} as Copyright Notice. */
    public static byte[] withIptcAuthorship(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xED, photoshopIptc(iptc(false, 0x50, ARTIST, 0x74, COPYRIGHT)));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * Where a picture's file may name its photographer or agency, as picture desks and cameras fill them in;
     * a null field is left out of the file.
     */
    public record CreditFields(String iptcCredit, String byLine, String xmpCredit, String dcCreator, String artist,
                               String copyright) {
    }

    /**
     * The JPEG with the credit fields given, in the order cameras and editors leave them: EXIF (Artist,
     * Copyright) first, then XMP (photoshop:Credit, dc:creator), then a Photoshop IPTC block (Credit 2:110,
     * By-line 2:80) marked as UTF-8. The order in the file is the reverse of the order a desk takes them in.
     */
    public static byte[] withCredits(byte[] jpeg, CreditFields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        if (fields.artist() != null || fields.copyright() != null) {
            segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exifTiff(fields.artist(), fields.copyright())));
        }
        if (fields.xmpCredit() != null || fields.dcCreator() != null) {
            segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0" + xmpCredits(fields.xmpCredit(), fields.dcCreator()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (fields.iptcCredit() != null || fields.byLine() != null) {
            List<Object> dataSets = new java.util.ArrayList<>();
            if (fields.iptcCredit() != null) {
                dataSets.addAll(List.of(0x6E, fields.iptcCredit()));
            }
            if (fields.byLine() != null) {
                dataSets.addAll(List.of(0x50, fields.byLine()));
            }
            segment(out, 0xED, photoshopIptc(iptc(true, dataSets.toArray())));
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The JPEG with raw APP segments (marker, payload pairs) put before everything else, damaged ones included. */
    public static byte[] withSegments(byte[] jpeg, Object... markersAndPayloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < markersAndPayloads.length; i += 2) {
            segment(out, (int) markersAndPayloads[i], (byte[]) markersAndPayloads[i + 1]);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A TIFF structure (an EXIF block's content) with Artist and Copyright when not null. */
    public static byte[] exifTiff(String artist, String copyright) {
        List<Entry> entries = new java.util.ArrayList<>();
        if (artist != null) {
            entries.add(new TIFFEntry(TIFF.TAG_ARTIST, TIFF.TYPE_ASCII, artist));
        }
        if (copyright != null) {
            entries.add(new TIFFEntry(TIFF.TAG_COPYRIGHT, TIFF.TYPE_ASCII, copyright));
        }
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(tiff)) {
            new TIFFWriter().write(entries, stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tiff.toByteArray();
    }

    /** An XMP packet with photoshop:Credit (an attribute, as Photoshop writes it) and dc:creator when not null. */
    public static String xmpCredits(String credit, String creator) {
        return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\""
                + (credit == null ? "" : " photoshop:Credit=\"" + credit + "\"") + ">"
                + (creator == null ? "" : "<dc:creator><rdf:Seq><rdf:li>" + creator + "</rdf:li></rdf:Seq></dc:creator>")
                + "</rdf:Description></rdf:RDF></x:xmpmeta>";
    }

    /** IPTC IIM record 2 data sets (number, text pairs), after a 1:90 "UTF-8" envelope when asked. */
    private static byte[] iptc(boolean utf8, Object... numbersAndTexts) {
        ByteArrayOutputStream iptc = new ByteArrayOutputStream();
        if (utf8) {
            iptc.writeBytes(new byte[] {0x1C, 1, 90, 0, 3, 0x1B, '%', 'G'});
        }
        for (int i = 0; i < numbersAndTexts.length; i += 2) {
            byte[] value = ((String) numbersAndTexts[i + 1]).getBytes(StandardCharsets.UTF_8);
            iptc.writeBytes(new byte[] {0x1C, 2, (byte) (int) numbersAndTexts[i], (byte) (value.length >> 8), (byte) value.length});
            iptc.writeBytes(value);
        }
        return iptc.toByteArray();
    }

    /** An APP13 payload: Photoshop's resource block holding the IPTC data (resource 0x0404). */
    public static byte[] photoshopIptc(byte[] iptc) {
        ByteArrayOutputStream padded = new ByteArrayOutputStream();
        padded.writeBytes(iptc);
        if (padded.size() % 2 == 1) {
            padded.write(0);
        }
        int size = iptc.length;
        ByteArrayOutputStream photoshop = new ByteArrayOutputStream();
        photoshop.writeBytes("Photoshop 3.0\08BIM".getBytes(StandardCharsets.US_ASCII));
        photoshop.writeBytes(new byte[] {0x04, 0x04, 0, 0, (byte) (size >> 24), (byte) (size >> 16), (byte) (size >> 8), (byte) size});
        photoshop.writeBytes(padded.toByteArray());
        return photoshop.toByteArray();
    }

    /** The PNG with chunks (type, text pairs) added before its image data. */
    public static byte[] withPngChunks(byte[] png, String... typesAndTexts) {
        int firstIdat = 8;
        while (!new String(png, firstIdat + 4, 4, StandardCharsets.US_ASCII).equals("IDAT")) {
            firstIdat += 12 + ((png[firstIdat] & 0xFF) << 24 | (png[firstIdat + 1] & 0xFF) << 16
                    | (png[firstIdat + 2] & 0xFF) << 8 | (png[firstIdat + 3] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, firstIdat);
        for (int i = 0; i < typesAndTexts.length; i += 2) {
            byte[] typeAndData = concat(typesAndTexts[i].getBytes(StandardCharsets.US_ASCII),
                    typesAndTexts[i + 1].getBytes(StandardCharsets.ISO_8859_1));
            int length = typeAndData.length - 4;
            out.writeBytes(new byte[] {(byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8), (byte) length});
            out.writeBytes(typeAndData);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(typeAndData);
            long value = crc.getValue();
            out.writeBytes(new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
        }
        out.write(png, firstIdat, png.length - firstIdat);
        return out.toByteArray();
    }

    /** {@link #WEBP_1X1} in the extended format, with EXIF and XMP chunks holding the text. */
    public static byte[] webpWithExifAndXmp(String text) {
        return webpWith(text.getBytes(StandardCharsets.US_ASCII), (text + "!").getBytes(StandardCharsets.US_ASCII));
    }

    /** {@link #WEBP_1X1} in the extended format, with an EXIF and an XMP chunk holding these bytes. */
    public static byte[] webpWith(byte[] exif, byte[] xmp) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        // VP8X: flags (EXIF 0x08, XMP 0x04), three reserved bytes, canvas width - 1 and height - 1 in three bytes each.
        webpChunk(chunks, "VP8X", new byte[] {0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        chunks.write(WEBP_1X1, 12, WEBP_1X1.length - 12);
        webpChunk(chunks, "EXIF", exif);
        webpChunk(chunks, "XMP ", xmp);
        int size = 4 + chunks.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    private static void webpChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) data.length, (byte) (data.length >> 8), (byte) (data.length >> 16), (byte) (data.length >> 24)});
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The EXIF of a JPEG as TwelveMonkeys reads it, or null when it has none. */
    public static Directory exif(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, 0xFFE1, "Exif");
            if (segments.isEmpty()) {
                return null;
            }
            byte[] data = segments.get(0).data().readAllBytes();
            // data() starts after the identifier "Exif" and its terminating zero; one pad byte remains.
            int skip = data.length > 0 && data[0] == 0 ? 1 : 0;
            return new TIFFReader().read(ImageIO.createImageInputStream(
                    new ByteArrayInputStream(data, skip, data.length - skip)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean contains(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
