package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RelativeTimesTest {

    @Test
    void anAgeIsSaidAsItIsNeverRoundedUpToAMinute() {
        assertEquals("now", RelativeTimes.ago(Duration.ofSeconds(2), Locale.ENGLISH));
        assertEquals("8 seconds ago", RelativeTimes.ago(Duration.ofSeconds(8), Locale.ENGLISH));
        assertEquals("1 minute ago", RelativeTimes.ago(Duration.ofSeconds(119), Locale.ENGLISH));
        assertEquals("14 minutes ago", RelativeTimes.ago(Duration.ofMinutes(14).plusSeconds(50), Locale.ENGLISH));
        assertEquals("2 hours ago", RelativeTimes.ago(Duration.ofMinutes(150), Locale.ENGLISH));
        assertEquals("3 days ago", RelativeTimes.ago(Duration.ofDays(3), Locale.ENGLISH));
    }

    @Test
    void inArabicByCldrsOwnWords() {
        // CLDR's own Arabic, with its own plural forms and digits: "8 seconds ago", "2 minutes ago".
        assertEquals("قبل ٨ ثوانِ", RelativeTimes.ago(Duration.ofSeconds(8), Locale.forLanguageTag("ar-u-nu-arab")));
        assertEquals("قبل دقيقتين", RelativeTimes.ago(Duration.ofSeconds(130), Locale.forLanguageTag("ar")));
    }
}
