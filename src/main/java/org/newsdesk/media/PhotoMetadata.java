package org.newsdesk.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.iptc.IPTC;
import com.twelvemonkeys.imageio.metadata.iptc.IPTCReader;
import com.twelvemonkeys.imageio.metadata.psd.PSD;
import com.twelvemonkeys.imageio.metadata.psd.PSDReader;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import com.twelvemonkeys.imageio.metadata.xmp.XMP;
import com.twelvemonkeys.imageio.metadata.xmp.XMPReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Takes what does not belong to readers out of a JPEG before it is stored: EXIF (with the GPS position,
 * the camera's serial number and maker notes), XMP, IPTC, comments and every other application segment
 * but the three that say how to show the pixels (JFIF, the ICC colour profile, Adobe's colour transform).
 * In their place goes one small EXIF segment with the orientation the pixels need and the photographer's
 * name and copyright, when the photo said who took it (EXIF Artist and Copyright, or else IPTC By-line
 * and Copyright Notice, or else XMP dc:creator and dc:rights). The compressed image is copied untouched:
 * nothing is re-encoded, so nothing is lost.
 *
 * <pre>
 * Authorship by = PhotoMetadata.authorship(upload);
 * byte[] stored = PhotoMetadata.clean(upload, ExifOrientation.read(upload), by);
 * byte[] variant = PhotoMetadata.clean(variantJpeg, ExifOrientation.UPRIGHT, by);
 * </pre>
 *
 * The segments are walked here rather than by a library: TwelveMonkeys reads segments but cannot write a
 * JPEG back without decoding it, and Commons Imaging removes EXIF, XMP and IPTC one rewriter at a time
 * but not comments or other segments. The metadata inside them is read and written by TwelveMonkeys.
 */
public final class PhotoMetadata {

    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP13 = 0xED;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PHOTOSHOP_HEADER = "Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII);

    private PhotoMetadata() {
    }

    /** Who took a photo and who owns it, as the file said; either may be null. */
    public record Authorship(String creator, String copyright) {

        public static final Authorship NONE = new Authorship(null, null);
    }

    /** The creator and copyright a JPEG names, from EXIF first, then IPTC, then XMP; damaged metadata counts as none. */
    public static Authorship authorship(byte[] jpeg) {
        String creator = null;
        String copyright = null;
        for (Segment segment : segments(jpeg)) {
            if (segment.marker() == APP1 && segment.startsWith(EXIF_HEADER)) {
                Directory exif = read(new TIFFReader(), segment.payload(EXIF_HEADER.length));
                creator = firstOf(creator, text(exif, TIFF.TAG_ARTIST));
                copyright = firstOf(copyright, text(exif, TIFF.TAG_COPYRIGHT));
            }
        }
        for (Segment segment : segments(jpeg)) {
            if (segment.marker() == APP13 && segment.startsWith(PHOTOSHOP_HEADER)) {
                Directory resources = read(new PSDReader(), segment.payload(PHOTOSHOP_HEADER.length));
                Entry iptcResource = resources == null ? null : resources.getEntryById(PSD.RES_IPTC_NAA);
                if (iptcResource != null && iptcResource.getValue() instanceof byte[] iptcBytes) {
                    Directory iptc = read(new IPTCReader(), iptcBytes);
                    creator = firstOf(creator, text(iptc, IPTC.TAG_BY_LINE));
                    copyright = firstOf(copyright, text(iptc, IPTC.TAG_COPYRIGHT_NOTICE));
                }
            }
        }
        for (Segment segment : segments(jpeg)) {
            if (segment.marker() == APP1 && segment.startsWith(XMP_HEADER)) {
                Directory xmp = read(new XMPReader(), segment.payload(XMP_HEADER.length));
                creator = firstOf(creator, text(xmp, XMP.NS_DC + "creator"));
                copyright = firstOf(copyright, text(xmp, XMP.NS_DC + "rights"));
            }
        }
        return new Authorship(creator, copyright);
    }

    /**
     * The upload as it is stored: a JPEG as {@link #clean}; a PNG without its text, XMP, EXIF and time
     * chunks; a WebP without its EXIF and XMP chunks. PNG and WebP keep no authorship (the desk's credit
     * field is where it belongs); their pixels are never re-encoded either.
     */
    public static byte[] original(byte[] upload, ImageType type, int orientation, Authorship authorship) {
        return switch (type) {
            case JPEG -> clean(upload, orientation, authorship);
            case PNG -> cleanPng(upload);
            case WEBP -> cleanWebp(upload);
        };
    }

    /** PNG chunks that say how to show the pixels (colour, transparency, density) or are pixels themselves. */
    private static final List<String> PNG_KEPT = List.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "iCCP", "sBIT", "pHYs", "bKGD", "acTL", "fcTL", "fdAT");

    static byte[] cleanPng(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8);
        int i = 8;
        while (i + 12 <= png.length) {
            long length = readInt(png, i, false);
            if (length < 0 || i + 12 + length > png.length) {
                break;
            }
            int end = i + 12 + (int) length;
            String type = new String(png, i + 4, 4, StandardCharsets.US_ASCII);
            if (PNG_KEPT.contains(type)) {
                out.write(png, i, end - i);
            }
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
            i = end;
        }
        throw new UnsupportedImageException(ImageDecoder.DAMAGED);
    }

    static byte[] cleanWebp(byte[] webp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(webp.length);
        out.write(webp, 0, 12);
        int i = 12;
        while (i + 8 <= webp.length) {
            long length = readInt(webp, i + 4, true);
            int end = (int) Math.min(webp.length, i + 8 + length + (length & 1));
            if (length < 0 || i + 8 + length > webp.length) {
                throw new UnsupportedImageException(ImageDecoder.DAMAGED);
            }
            String type = new String(webp, i, 4, StandardCharsets.US_ASCII);
            if (type.equals("VP8X")) {
                int flagsAt = out.size() + 8;
                out.write(webp, i, end - i);
                byte[] sofar = out.toByteArray();
                // The header announces EXIF (0x08) and XMP (0x04) chunks; they are gone.
                sofar[flagsAt] &= (byte) ~0x0C;
                out.reset();
                out.writeBytes(sofar);
            } else if (!type.equals("EXIF") && !type.equals("XMP ")) {
                out.write(webp, i, end - i);
            }
            i = end;
        }
        byte[] cleaned = out.toByteArray();
        int riffSize = cleaned.length - 8;
        cleaned[4] = (byte) riffSize;
        cleaned[5] = (byte) (riffSize >> 8);
        cleaned[6] = (byte) (riffSize >> 16);
        cleaned[7] = (byte) (riffSize >> 24);
        return cleaned;
    }

    private static long readInt(byte[] b, int at, boolean littleEndian) {
        long value = 0;
        for (int k = 0; k < 4; k++) {
            value = (value << 8) | (b[littleEndian ? at + 3 - k : at + k] & 0xFF);
        }
        return value;
    }

    /**
     * The JPEG with only the segments that shape its pixels, plus a fresh EXIF segment holding the
     * orientation (left out when upright) and the authorship. A file that is not a well-formed JPEG up
     * to its image data is refused as damaged.
     */
    public static byte[] clean(byte[] jpeg, int orientation, Authorship authorship) {
        List<Segment> segments = segments(jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(0xD8);
        boolean exifWritten = false;
        for (Segment segment : segments) {
            if (segment.marker() == SOS) {
                // The EXIF segment must come before the image data, and after JFIF when there is one.
                if (!exifWritten) {
                    writeExif(out, orientation, authorship);
                }
                out.write(jpeg, segment.start(), jpeg.length - segment.start());
                return out.toByteArray();
            }
            if (keeps(segment.marker())) {
                if (!exifWritten && segment.marker() != APP0) {
                    writeExif(out, orientation, authorship);
                    exifWritten = true;
                }
                out.write(jpeg, segment.start(), segment.end() - segment.start());
            }
        }
        throw new UnsupportedImageException(ImageDecoder.DAMAGED);
    }

    /** JFIF, ICC profile, Adobe colour transform, and every segment that is not application data or a comment. */
    private static boolean keeps(int marker) {
        boolean application = marker >= APP0 && marker <= APP15;
        return marker == APP0 || marker == APP2 || marker == APP14 || (!application && marker != COM);
    }

    private static void writeExif(ByteArrayOutputStream out, int orientation, Authorship authorship) {
        List<Entry> entries = new ArrayList<>();
        if (orientation != ExifOrientation.UPRIGHT) {
            entries.add(new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, (short) orientation));
        }
        if (authorship.creator() != null) {
            entries.add(new TIFFEntry(TIFF.TAG_ARTIST, TIFF.TYPE_ASCII, authorship.creator()));
        }
        if (authorship.copyright() != null) {
            entries.add(new TIFFEntry(TIFF.TAG_COPYRIGHT, TIFF.TYPE_ASCII, authorship.copyright()));
        }
        if (entries.isEmpty()) {
            return;
        }
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(tiff)) {
            new TIFFWriter().write(entries, stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int length = 2 + EXIF_HEADER.length + tiff.size();
        if (length > 0xFFFF) {
            // Only a caption-sized name or notice could do this: the photo is stored without them.
            writeExif(out, orientation, Authorship.NONE);
            return;
        }
        out.write(0xFF);
        out.write(APP1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(EXIF_HEADER);
        out.writeBytes(tiff.toByteArray());
    }

    /** The segments from after the start marker up to and including the start of the image data. */
    private static List<Segment> segments(byte[] jpeg) {
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

    private static Directory read(com.twelvemonkeys.imageio.metadata.MetadataReader reader, byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            // Metadata a camera or an editor wrote badly is dropped like the rest; the photo still is fine.
            return null;
        }
    }

    private static String text(Directory directory, Object id) {
        Entry entry = directory == null ? null : directory.getEntryById(id);
        Object value = entry == null ? null : entry.getValue();
        if (value instanceof Map<?, ?> languages) {
            // XMP keeps text in several languages (rights, say) keyed by language, "x-default" first in rank.
            value = languages.containsKey("x-default") ? languages.get("x-default")
                    : languages.isEmpty() ? null : languages.values().iterator().next();
        }
        if (value instanceof Collection<?> values) {
            value = values.isEmpty() ? null : values.iterator().next();
        } else if (value instanceof Object[] values) {
            value = values.length == 0 ? null : values[0];
        }
        String text = value == null ? null : value.toString().replaceAll("\\p{Cntrl}", "").strip();
        return text == null || text.isEmpty() ? null : text;
    }

    private static String firstOf(String found, String next) {
        return found != null ? found : next;
    }

    private record Segment(byte[] jpeg, int marker, int start, int end) {

        boolean startsWith(byte[] header) {
            int from = start + 4;
            return end - from >= header.length && Arrays.equals(jpeg, from, from + header.length, header, 0, header.length);
        }

        byte[] payload(int skip) {
            return Arrays.copyOfRange(jpeg, start + 4 + skip, end);
        }
    }
}
