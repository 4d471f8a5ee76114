package org.newsdesk.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PublicationDateTest {

    @Test
    void anEveningDateKeepsItsTimeZoneAndOwnDay() {
        assertEquals(OffsetDateTime.parse("2026-11-25T21:47:00-05:00"), PublicationDate.moment("2026-11-25T21:47:00-05:00"));
        assertEquals(LocalDate.of(2026, 11, 25), PublicationDate.day("2026-11-25T21:47:00-05:00"), "the 26th in UTC, the 25th at the source");
        assertEquals(OffsetDateTime.parse("2026-11-25T21:47:00-05:00"), PublicationDate.moment("2026-11-25T21:47:00-0500"));
        assertEquals(OffsetDateTime.parse("2026-11-25T21:47:00+02:00"), PublicationDate.moment("2026-11-25 21:47:00 +0200"));
        assertEquals(OffsetDateTime.parse("2026-11-25T21:47:00Z"), PublicationDate.moment("2026-11-25 21:47:00 UTC"));
        assertEquals(OffsetDateTime.parse("2026-11-25T21:47:00Z"), PublicationDate.moment("Wed, 25 Nov 2026 21:47:00 GMT"));
    }

    @Test
    void withoutATimeOrZoneThereIsOnlyTheDay() {
        assertNull(PublicationDate.moment("2026-11-25"));
        assertNull(PublicationDate.moment("2026-11-25T21:47:00"), "no zone: the moment is not known");
        assertEquals(LocalDate.of(2026, 11, 25), PublicationDate.day("2026-11-25T21:47:00"));
        assertEquals(LocalDate.of(2026, 11, 25), PublicationDate.day("2026-11-25"));
        assertNull(PublicationDate.day("last Tuesday"));
        assertNull(PublicationDate.day("2026-13-45"));
    }
}
