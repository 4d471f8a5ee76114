package org.newsdesk.source;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.media.Photo;
import org.newsdesk.media.PhotoMetadata;
import org.newsdesk.platform.TextLimit;

/**
 * Who a source picture's own file says took it or supplied it, and where in the file it says so, for the
 * editor ({@code "the picture's IPTC Credit"}). Agencies write their credit into every picture they send, so
 * a picture whose page names no one usually still does. The fields are taken in the order of
 * {@link PhotoMetadata#credits}: IPTC Credit, IPTC By-line, XMP photoshop:Credit, XMP dc:creator, EXIF Artist,
 * EXIF Copyright; a field holding only a placeholder ("Unknown", a year) is passed over.
 *
 * <pre>
 * PictureCredit.fromFile(page.body())
 *         .ifPresent(credit -&gt; image = image.withCredit(credit.credit(), credit.where()));
 * </pre>
 */
public record PictureCredit(String credit, String where) implements Serializable {

    /** What cameras and editing programs leave in the fields when nobody filled them in. */
    private static final Set<String> PLACEHOLDERS = Set.of("unknown", "none", "n/a", "na", "copyright", "all rights reserved",
            "(c)", "©", "author", "artist", "photographer", "owner", "user", "admin", "administrator", "default", "-", ".");

    /** The credit the picture's file gives, if it gives one; a file that is not a picture, or damaged, gives none. */
    public static Optional<PictureCredit> fromFile(byte[] picture) {
        if (picture == null) {
            return Optional.empty();
        }
        for (PhotoMetadata.Credit found : PhotoMetadata.credits(picture)) {
            String value = found.value().replaceAll("\\s+", " ").strip();
            if (value.codePoints().anyMatch(Character::isLetter) && !PLACEHOLDERS.contains(value.toLowerCase(Locale.ROOT))) {
                return Optional.of(new PictureCredit(TextLimit.shorten(value, Photo.MAX_CREDIT), Provenance.pictureField(found.field())));
            }
        }
        return Optional.empty();
    }
}
