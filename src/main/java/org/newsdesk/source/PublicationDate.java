package org.newsdesk.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source page's publication date as it wrote it: ISO 8601 with or without a time and zone (an offset without
 * its colon, a space instead of the {@code T}), or the RFC 1123 form of HTTP and feeds. The day is the source's
 * own calendar day (its offset, not ours); the moment exists only when the page gave a time and a zone.
 *
 * <pre>
 * PublicationDate.day("2026-11-26T21:30:00-05:00");      // 2026-11-26, although it was the 27th in UTC
 * PublicationDate.moment("2026-11-26T21:30:00-05:00");   // 2026-11-26T21:30-05:00
 * PublicationDate.moment("2026-11-26");                  // null: no time given
 * </pre>
 */
final class PublicationDate {

    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern SPACE_BEFORE_OFFSET = Pattern.compile("(\\d)\\s+([+-]\\d{2}:?\\d{2}|Z|UTC|GMT)$");
    private static final Pattern DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    private PublicationDate() {
    }

    /** The calendar day the source gave, or null when the text is no date. */
    static LocalDate day(String text) {
        if (text == null) {
            return null;
        }
        OffsetDateTime moment = moment(text);
        if (moment != null) {
            return moment.toLocalDate();
        }
        String t = normalized(text);
        try {
            return LocalDateTime.parse(t).toLocalDate();
        } catch (DateTimeParseException e) {
            // not a local time
        }
        Matcher day = DAY.matcher(t);
        if (day.find()) {
            try {
                return LocalDate.parse(day.group(1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** The moment with the source's offset, or null when the text gives no time or no zone. */
    static OffsetDateTime moment(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            // not the RFC 1123 form
        }
        try {
            return OffsetDateTime.parse(normalized(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String normalized(String text) {
        String t = text.strip();
        t = SPACE_BEFORE_OFFSET.matcher(t).replaceFirst("$1$2").replaceFirst("(UTC|GMT)$", "Z");
        if (t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*")) {
            t = t.substring(0, 10) + "T" + t.substring(11);
        }
        return OFFSET_WITHOUT_COLON.matcher(t).replaceFirst("$1:$2");
    }
}
