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
import org.newsdesk.media.ImageChunks.Chunk;
import org.newsdesk.media.ImageChunks.Segment;

/**
 * Takes what does not belong to readers out of a JPEG before it is stored: EXIF (with the GPS position,
 * the camera's serial number and maker notes), XMP, IPTC, comments and every other application segment
 * but the three that say how to show the pixels (JFIF, the ICC colour profile, Adobe's colour transform).
 * In their place goes one small EXIF segment with the orientation the pixels need and the photographer's
 * name and copyright, when the photo said who took it (EXIF Artist and Copyright, or else IPTC By-line
 * and Copyright Notice, or else XMP dc:creator and dc:rights). The compressed image is copied untouched:
 * nothing is re-encoded, so nothing is lost. It also reads whom a picture credits ({@link #credits}), for
 * pictures brought in from other outlets' pages.
 *
 * <pre>
 * Authorship by = PhotoMetadata.authorship(upload);
 * byte[] stored = PhotoMetadata.clean(upload, ExifOrientation.read(upload), by);
 * byte[] variant = PhotoMetadata.clean(variantJpeg, ExifOrientation.UPRIGHT, by);
 * List&lt;Credit&gt; credits = PhotoMetadata.credits(sourcePicture);
 * </pre>
 *
 * The segments are walked here (in {@link ImageChunks}) rather than by a library: TwelveMonkeys reads
 * segments but cannot write a JPEG back without decoding it, and Commons Imaging removes EXIF, XMP and IPTC
 * one rewriter at a time but not comments or other segments. The metadata inside them is read and written by TwelveMonkeys.
 */
public final class PhotoMetadata {

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
        Directories found = Directories.ofJpeg(jpeg);
        String creator = firstOf(found.exif(TIFF.TAG_ARTIST), firstOf(found.iptc(IPTC.TAG_BY_LINE), found.xmp(XMP.NS_DC + "creator")));
        String copyright = firstOf(found.exif(TIFF.TAG_COPYRIGHT),
                firstOf(found.iptc(IPTC.TAG_COPYRIGHT_NOTICE), found.xmp(XMP.NS_DC + "rights")));
        return new Authorship(creator, copyright);
    }

    /** A credit a picture's own metadata gives, and the field that gave it ({@code "IPTC Credit"}). */
    public record Credit(String value, String field) {
    }

    /**
     * Every credit a picture names, in the order a news desk takes them: IPTC Credit (2:110), IPTC By-line
     * (2:80), XMP photoshop:Credit, XMP dc:creator, EXIF Artist, EXIF Copyright; each field at most once.
     * Read from a JPEG's segments, a PNG's eXIf and iTXt XMP chunks and a WebP's EXIF and XMP chunks. A damaged
     * block is skipped; a damaged file or any other format names no one.
     */
    public static List<Credit> credits(byte[] image) {
        Directories found;
        try {
            found = ImageType.sniff(image).map(type -> switch (type) {
                case JPEG -> Directories.ofJpeg(image);
                case PNG -> Directories.ofPng(image);
                case WEBP -> Directories.ofWebp(image);
            }).orElse(Directories.NONE);
        } catch (UnsupportedImageException e) {
            return List.of();
        }
        List<Credit> credits = new ArrayList<>();
        add(credits, found.iptc(IPTC.TAG_CREDIT), "IPTC Credit");
        add(credits, found.iptc(IPTC.TAG_BY_LINE), "IPTC By-line");
        add(credits, found.xmp(XMP.NS_PHOTOSHOP + "Credit"), "XMP photoshop:Credit");
        add(credits, found.xmp(XMP.NS_DC + "creator"), "XMP dc:creator");
        add(credits, found.exif(TIFF.TAG_ARTIST), "EXIF Artist");
        add(credits, found.exif(TIFF.TAG_COPYRIGHT), "EXIF Copyright");
        return credits;
    }

    private static void add(List<Credit> credits, String value, String field) {
        if (value != null) {
            credits.add(new Credit(value, field));
        }
    }

    /** The EXIF, IPTC and XMP a picture carries, read; a block that could not be read is left out. */
    private record Directories(List<Directory> exifs, List<Directory> iptcs, List<Directory> xmps) {

        static final Directories NONE = new Directories(List.of(), List.of(), List.of());

        static Directories ofJpeg(byte[] jpeg) {
            Directories found = new Directories(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Segment segment : ImageChunks.segments(jpeg)) {
                if (segment.marker() == APP1 && segment.startsWith(EXIF_HEADER)) {
                    found.addExif(segment.payload(EXIF_HEADER.length));
                } else if (segment.marker() == APP13 && segment.startsWith(PHOTOSHOP_HEADER)) {
                    Directory resources = read(new PSDReader(), segment.payload(PHOTOSHOP_HEADER.length));
                    Entry iptcResource = resources == null ? null : resources.getEntryById(PSD.RES_IPTC_NAA);
                    if (iptcResource != null && iptcResource.getValue() instanceof byte[] iptcBytes) {
                        found.addIptc(iptcBytes);
                    }
                } else if (segment.marker() == APP1 && segment.startsWith(XMP_HEADER)) {
                    found.addXmp(segment.payload(XMP_HEADER.length));
                }
            }
            return found;
        }

        /** A PNG's eXIf chunk and its XMP, kept in an iTXt chunk with the keyword "XML:com.adobe.xmp". */
        static Directories ofPng(byte[] png) {
            Directories found = new Directories(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Chunk chunk : ImageChunks.png(png)) {
                if (chunk.type().equals("eXIf")) {
                    found.addExif(chunk.data(png));
                } else if (chunk.type().equals("iTXt")) {
                    byte[] xmp = ImageChunks.pngXmp(chunk.data(png));
                    if (xmp != null) {
                        found.addXmp(xmp);
                    }
                }
            }
            return found;
        }

        /** A WebP's EXIF chunk (bare TIFF, or after "Exif\0\0" as some writers put it) and its XMP chunk. */
        static Directories ofWebp(byte[] webp) {
            Directories found = new Directories(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Chunk chunk : ImageChunks.webp(webp)) {
                byte[] data = chunk.data(webp);
                if (chunk.type().equals("EXIF")) {
                    boolean prefixed = data.length >= EXIF_HEADER.length
                            && Arrays.equals(data, 0, EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length);
                    found.addExif(prefixed ? Arrays.copyOfRange(data, EXIF_HEADER.length, data.length) : data);
                } else if (chunk.type().equals("XMP ")) {
                    found.addXmp(data);
                }
            }
            return found;
        }

        private void addExif(byte[] tiff) {
            addIfRead(exifs, read(new TIFFReader(), tiff));
        }

        private void addIptc(byte[] iim) {
            addIfRead(iptcs, read(new IPTCReader(), iim));
        }

        private void addXmp(byte[] packet) {
            addIfRead(xmps, read(new XMPReader(), packet));
        }

        private static void addIfRead(List<Directory> directories, Directory directory) {
            if (directory != null) {
                directories.add(directory);
            }
        }

        String exif(Object id) {
            return first(exifs, id);
        }

        String iptc(Object id) {
            return first(iptcs, id);
        }

        String xmp(Object id) {
            return first(xmps, id);
        }

        private static String first(List<Directory> directories, Object id) {
            String found = null;
            for (Directory directory : directories) {
                found = firstOf(found, text(directory, id));
            }
            return found;
        }
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
        for (Chunk chunk : ImageChunks.png(png)) {
            if (PNG_KEPT.contains(chunk.type())) {
                out.write(png, chunk.start(), chunk.end() - chunk.start());
            }
        }
        return out.toByteArray();
    }

    static byte[] cleanWebp(byte[] webp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(webp.length);
        out.write(webp, 0, 12);
        for (Chunk chunk : ImageChunks.webp(webp)) {
            String type = chunk.type();
            if (type.equals("VP8X")) {
                int flagsAt = out.size() + 8;
                out.write(webp, chunk.start(), chunk.end() - chunk.start());
                byte[] sofar = out.toByteArray();
                // The header announces EXIF (0x08) and XMP (0x04) chunks; they are gone.
                sofar[flagsAt] &= (byte) ~0x0C;
                out.reset();
                out.writeBytes(sofar);
            } else if (!type.equals("EXIF") && !type.equals("XMP ")) {
                out.write(webp, chunk.start(), chunk.end() - chunk.start());
            }
        }
        byte[] cleaned = out.toByteArray();
        int riffSize = cleaned.length - 8;
        cleaned[4] = (byte) riffSize;
        cleaned[5] = (byte) (riffSize >> 8);
        cleaned[6] = (byte) (riffSize >> 16);
        cleaned[7] = (byte) (riffSize >> 24);
        return cleaned;
    }

    /**
     * The JPEG with only the segments that shape its pixels, plus a fresh EXIF segment holding the
     * orientation (left out when upright) and the authorship. A file that is not a well-formed JPEG up
     * to its image data is refused as damaged.
     */
    public static byte[] clean(byte[] jpeg, int orientation, Authorship authorship) {
        List<Segment> segments = ImageChunks.segments(jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(0xD8);
        boolean exifWritten = false;
        for (Segment segment : segments) {
            if (segment.marker() == ImageChunks.SOS) {
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
}
