package org.newsdesk.platform;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates as the page's language writes them ("December 1, 2026", "1 décembre 2026", "١ ديسمبر ٢٠٢٦"), by CLDR's
 * patterns through ICU4J, in the newsroom's time zone ({@code NEWSDESK_TIMEZONE}). In a Faces page the
 * language is the page's ({@code f:view locale}); mail and feeds name theirs ({@link #displayIn}).
 */
@Named
@ApplicationScoped
public class Dates {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** One formatter per language and kind; ICU's formatters are not thread-safe, so each use clones. */
    private final Map<String, DateFormat> formats = new ConcurrentHashMap<>();

    @Inject
    private PlatformConfig platform;

    public String display(Instant instant) {
        return displayIn(instant, pageLocale());
    }

    /** {@link #display(Instant)} in a given language, outside a page. */
    public String displayIn(Instant instant, Locale locale) {
        return instant == null ? "" : format("long", locale, zone(), Date.from(instant));
    }

    /**
     * A calendar date, such as an excerpt's original publication. Not an overload of {@link #display(Instant)}:
     * EL cannot choose between overloads for a null argument, and a draft's dates are often null.
     */
    public String day(LocalDate date) {
        return dayIn(date, pageLocale());
    }

    /** {@link #day(LocalDate)} in a given language, outside a page. */
    public static String dayIn(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, ULocale.forLocale(locale));
        format.setTimeZone(UTC);
        return format.format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** "14:05" in the newsroom's zone, in the page's digits. */
    public String time(Instant instant) {
        return instant == null ? "" : format("Hm", pageLocale(), zone(), Date.from(instant));
    }

    /** {@link #time(Instant)} in a given language, outside a page's own. */
    public String timeIn(Instant instant, Locale locale) {
        return instant == null ? "" : format("Hm", locale, zone(), Date.from(instant));
    }

    /** "14:05:31" in the newsroom's zone, in the page's digits. */
    public String timeWithSeconds(Instant instant) {
        return instant == null ? "" : format("Hms", pageLocale(), zone(), Date.from(instant));
    }

    public String getZone() {
        return platform.zone().getId();
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(platform.zone()).withNano(0));
    }

    private TimeZone zone() {
        return TimeZone.getTimeZone(platform.zone().getId());
    }

    private String format(String kind, Locale locale, TimeZone zone, Date date) {
        DateFormat shared = formats.computeIfAbsent(kind + "/" + locale.toLanguageTag(), key -> "long".equals(kind)
                ? DateFormat.getDateInstance(DateFormat.LONG, ULocale.forLocale(locale))
                : DateFormat.getInstanceForSkeleton(kind, ULocale.forLocale(locale)));
        DateFormat format = (DateFormat) shared.clone();
        format.setTimeZone(zone);
        return format.format(date);
    }

    /** The page's language where there is a page (its {@code f:view locale}), English elsewhere. */
    private static Locale pageLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null || faces.getViewRoot().getLocale() == null
                ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }
}
