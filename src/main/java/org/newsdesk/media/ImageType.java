package org.newsdesk.media;

import java.util.Optional;
import org.newsdesk.platform.Phrase;

/** The image formats Newsdesk accepts, recognised by their first bytes rather than by file name. */
public enum ImageType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private final String mimeType;
    private final String extension;

    ImageType(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** The type announced by the file's signature, or empty for anything else (PDF, SVG, GIF, ...). */
    public static Optional<ImageType> sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * Why bytes that {@link #sniff} did not recognise are refused, in words for the person who uploaded
     * them: a PDF renamed {@code .jpg} is called a PDF, because that is what it is.
     */
    public static Phrase refusal(byte[] head) {
        if (startsWith(head, 0, '%', 'P', 'D', 'F')) {
            return Phrase.of("media.refused.pdf");
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8')) {
            return Phrase.of("media.refused.gif");
        }
        if (looksLikeSvg(head)) {
            return Phrase.of("media.refused.svg");
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            return Phrase.of("media.refused.heic");
        }
        if (startsWith(head, 0, 'I', 'I', 0x2A, 0) || startsWith(head, 0, 'M', 'M', 0, 0x2A)) {
            return Phrase.of("media.refused.tiff");
        }
        return Phrase.of("media.refused.notImage");
    }

    private static boolean looksLikeSvg(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        return start.startsWith("<svg") || (start.startsWith("<") && start.contains("<svg"));
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
