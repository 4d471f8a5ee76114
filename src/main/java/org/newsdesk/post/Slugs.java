package org.newsdesk.post;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs made from headlines and names.
 *
 * <pre>
 * Slugs.of("Iraq trying to reel in Iran-backed groups") // "iraq-trying-to-reel-in-iran-backed-groups"
 * </pre>
 */
public final class Slugs {

    public static final int MAX_LENGTH = 120;

    private Slugs() {
    }

    /**
     * Lower-case ASCII words joined by dashes, accents folded, at most {@link #MAX_LENGTH} characters cut
     * at a word boundary. Text with no Latin letters or digits at all (an Arabic headline) keeps its
     * letters, which browsers show and send percent-encoded.
     */
    public static String of(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replace('’', '\'')
                .replace("'", "")
                .toLowerCase(Locale.ROOT);
        String ascii = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String slug = ascii.isEmpty()
                ? Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-").replaceAll("^-+|-+$", "")
                : ascii;
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int lastDash = slug.lastIndexOf('-');
            if (lastDash > MAX_LENGTH / 2) {
                slug = slug.substring(0, lastDash);
            }
        }
        return slug.isEmpty() ? "post" : slug;
    }
}
