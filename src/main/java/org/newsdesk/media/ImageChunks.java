package org.newsdesk.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.InflaterInputStream;

/**
 * Where the parts of a picture file lie: a JPEG's segments up to its image data, a PNG's or WebP's chunks.
 * {@link PhotoMetadata} reads the metadata in them and writes the file back without it.
 *
 * <pre>
 * for (Segment segment : ImageChunks.segments(jpeg)) { ... segment.marker() ... }
 * for (Chunk chunk : ImageChunks.png(png)) { ... chunk.type() ... chunk.data(png) ... }
 * </pre>
 */
final class ImageChunks {

    static final int SOS = 0xDA;
    private static final String PNG_XMP_KEYWORD = "XML:com.adobe.xmp";

    private ImageChunks() {
    }

    /** A JPEG segment: its marker, and where it starts (at 0xFF) and ends in the file. */
    record Segment(byte[] jpeg, int marker, int start, int end) {

        boolean startsWith(byte[] header) {
            int from = start + 4;
            return end - from >= header.length && Arrays.equals(jpeg, from, from + header.length, header, 0, header.length);
        }

        byte[] payload(int skip) {
            return Arrays.copyOfRange(jpeg, start + 4 + skip, end);
        }
    }

    /** A PNG or WebP chunk: where it starts and ends in the file, and where its data does. */
    record Chunk(String type, int start, int dataStart, int dataEnd, int end) {

        byte[] data(byte[] file) {
            return Arrays.copyOfRange(file, dataStart, dataEnd);
        }
    }

    /** The segments from after the start marker up to and including the start of the image data. */
    static List<Segment> segments(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new UnsupportedImageException(ImageDecoder.DAMAGED);
        }
        List<Segment> segments = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // a fill byte before a marker
                continue;
            }
            int length = (jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > jpeg.length) {
                break;
            }
            segments.add(new Segment(jpeg, marker, i, i + 2 + length));
            if (marker == SOS) {
                return segments;
            }
            i += 2 + length;
        }
        throw new UnsupportedImageException(ImageDecoder.DAMAGED);
    }

    /** A PNG's chunks up to and including IEND; a file that ends before IEND is damaged. */
    static List<Chunk> png(byte[] png) {
        List<Chunk> chunks = new ArrayList<>();
        int i = 8;
        while (i + 12 <= png.length) {
            long length = readInt(png, i, false);
            if (i + 12 + length > png.length) {
                break;
            }
            int end = i + 12 + (int) length;
            String type = new String(png, i + 4, 4, StandardCharsets.US_ASCII);
            chunks.add(new Chunk(type, i, i + 8, end - 4, end));
            if (type.equals("IEND")) {
                return chunks;
            }
            i = end;
        }
        throw new UnsupportedImageException(ImageDecoder.DAMAGED);
    }

    /** A WebP's chunks after its RIFF header; a chunk longer than the file is damage. */
    static List<Chunk> webp(byte[] webp) {
        List<Chunk> chunks = new ArrayList<>();
        int i = 12;
        while (i + 8 <= webp.length) {
            long length = readInt(webp, i + 4, true);
            if (i + 8 + length > webp.length) {
                throw new UnsupportedImageException(ImageDecoder.DAMAGED);
            }
            // Chunks are padded to an even length; the last one's pad byte may be missing.
            int end = (int) Math.min(webp.length, i + 8 + length + (length & 1));
            chunks.add(new Chunk(new String(webp, i, 4, StandardCharsets.US_ASCII), i, i + 8, i + 8 + (int) length, end));
            i = end;
        }
        return chunks;
    }

    /**
     * The XMP packet in a PNG iTXt chunk's data (keyword "XML:com.adobe.xmp"), inflated when compressed;
     * null for any other text.
     */
    static byte[] pngXmp(byte[] itxt) {
        // keyword \0, compression flag, compression method, language \0, translated keyword \0, text
        int keywordEnd = indexOf(itxt, 0, (byte) 0);
        if (keywordEnd < 0 || keywordEnd + 3 > itxt.length
                || !new String(itxt, 0, keywordEnd, StandardCharsets.ISO_8859_1).equals(PNG_XMP_KEYWORD)) {
            return null;
        }
        boolean compressed = itxt[keywordEnd + 1] != 0;
        int languageEnd = indexOf(itxt, keywordEnd + 3, (byte) 0);
        int translatedEnd = languageEnd < 0 ? -1 : indexOf(itxt, languageEnd + 1, (byte) 0);
        if (translatedEnd < 0) {
            return null;
        }
        byte[] text = Arrays.copyOfRange(itxt, translatedEnd + 1, itxt.length);
        if (!compressed) {
            return text;
        }
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(text))) {
            // An XMP packet is a few kilobytes: what inflates past a megabyte is cut there, and its XML fails to read.
            return in.readNBytes(1024 * 1024);
        } catch (IOException e) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, int from, byte value) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static long readInt(byte[] b, int at, boolean littleEndian) {
        long value = 0;
        for (int k = 0; k < 4; k++) {
            value = (value << 8) | (b[littleEndian ? at + 3 - k : at + k] & 0xFF);
        }
        return value;
    }
}
