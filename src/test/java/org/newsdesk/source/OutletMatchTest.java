package org.newsdesk.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.outlet.Outlet;

class OutletMatchTest {

    private final Outlet reuters = new Outlet("REUTERS", "reuters.com");
    private final Outlet ukReuters = new Outlet("REUTERS UK", "uk.reuters.com");
    private final Outlet monde = new Outlet("LE MONDE", "lemonde.fr");
    private final Outlet toi = new Outlet("TIMES OF ISRAEL", "timesofisrael.com");
    private final List<Outlet> registry = List.of(reuters, ukReuters, monde, toi);

    @Test
    void theDomainDecidesFirstAndTheLongestWins() {
        assertSame(reuters, OutletMatch.of(registry, "reuters.com", "Something else").outlet());
        assertSame(ukReuters, OutletMatch.of(registry, "uk.reuters.com", "Reuters").outlet());
        assertEquals("the registry, by domain", OutletMatch.of(registry, "reuters.com", null).where());
    }

    @Test
    void elseTheNameWithoutCaseAccentsOrALeadingThe() {
        OutletMatch syndicated = OutletMatch.of(registry, "news.yahoo.example", "Reuters");
        assertSame(reuters, syndicated.outlet(), "a new 'Reuters' beside the registry's REUTERS was proposed before");
        assertEquals("the registry, by the name the page gives", syndicated.where());
        assertSame(monde, OutletMatch.of(registry, "mirror.example", "Le Mondé").outlet());
        assertSame(toi, OutletMatch.of(registry, "cdn.example", "The Times of Israel").outlet());
    }

    @Test
    void aNewOutletIsProposedUnderItsOwnNameNeverAnAddressOrHost() {
        assertEquals("Al Jazeera", OutletMatch.of(registry, "aljazeera.net", "Al Jazeera").proposedName());
        assertEquals("الجزيرة", OutletMatch.of(registry, "aljazeera.net", "الجزيرة").proposedName());
        assertNull(OutletMatch.of(registry, "203.0.113.9", null).proposedName(), "the host's IP address was proposed before");
        assertNull(OutletMatch.of(registry, "blog.example.org", "blog.example.org").proposedName());
        assertNull(OutletMatch.of(registry, "blog.example.org", "https://www.blog.example.org/").proposedName());
        assertNull(OutletMatch.of(registry, "203.0.113.9", "203.0.113.9").proposedName());
        assertEquals("not found: the page does not name its site; give the outlet", OutletMatch.of(registry, "203.0.113.9", null).where());
    }
}
