package org.newsdesk.site.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.newsdesk.platform.Config;

/** Dates as the site prints them ("November 1, 2024"), in the newsroom's time zone ({@code NEWSDESK_TIMEZONE}). */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private final ZoneId zone = ZoneId.of(Config.string("TIMEZONE", "UTC"));

    public String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant.atZone(zone));
    }

    /**
     * A calendar date, such as an excerpt's original publication. Not an overload of {@link #display(Instant)}:
     * EL cannot choose between overloads for a null argument, and a draft's dates are often null.
     */
    public String day(LocalDate date) {
        return date == null ? "" : DISPLAY.format(date);
    }

    /** "14:05" in the newsroom's zone. */
    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(zone));
    }

    public String getZone() {
        return zone.getId();
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }
}
