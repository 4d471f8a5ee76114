package org.newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the site prints them ("November 1, 2024"), in the newsroom's time zone ({@code NEWSDESK_TIMEZONE}). */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    @Inject
    private PlatformConfig platform;

    public String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant.atZone(platform.zone()));
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
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(platform.zone()));
    }

    public String getZone() {
        return platform.zone().getId();
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(platform.zone()).withNano(0));
    }
}
