package org.newsdesk.platform;

import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.util.Locale;

/**
 * How long ago, in words a person reads at a glance, in their language as CLDR words it through ICU4J ("3 seconds
 * ago", "14 minutes ago", "قبل ٣ ثوانٍ"): the unit that fits, the number rounded down so it is never later than
 * true ("a minute ago" is said of 60 to 119 seconds, never of 3).
 */
public final class RelativeTimes {

    private RelativeTimes() {
    }

    public static String ago(Duration age, Locale locale) {
        long seconds = Math.max(0, age.toSeconds());
        RelativeDateTimeFormatter format = RelativeDateTimeFormatter.getInstance(ULocale.forLocale(locale));
        if (seconds < 5) {
            return format.format(RelativeDateTimeFormatter.Direction.PLAIN, RelativeDateTimeFormatter.AbsoluteUnit.NOW);
        }
        if (seconds < 60) {
            return format.format(seconds, RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.SECONDS);
        }
        if (seconds < 3_600) {
            return format.format(seconds / 60, RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.MINUTES);
        }
        if (seconds < 86_400) {
            return format.format(seconds / 3_600, RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.HOURS);
        }
        return format.format(seconds / 86_400, RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.DAYS);
    }
}
