package org.newsdesk.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.drift.DriftComparison.Change;
import org.newsdesk.drift.DriftComparison.Known;

class DriftComparisonTest {

    private static final String URL = "https://www.timesofisrael.com/liveblog-entry/iraq-militias/";
    private static final Known READ = new Known(false, URL, 200, null, "Iraq militias pause attacks", null, false);

    private static Observation page(String headline, String correction, boolean paywalled) {
        return new Observation(200, null, headline, correction, paywalled, null, null, null);
    }

    @Test
    void theFirstReadIsTheBaselineUnlessThePageIsGoneOrOnAnotherSite() {
        Known first = new Known(true, URL, null, null, null, null, null);
        assertEquals(List.of(), DriftComparison.changes(first, page("Any headline", "Correction: old", true)));
        assertEquals(List.of(new Change(DriftKind.GONE, "quoted", "404 Not Found")),
                DriftComparison.changes(first, new Observation(404, null, null, null, false, null, null, null)));
        assertEquals(List.of(), DriftComparison.changes(first, new Observation(200, "https://timesofisrael.com/liveblog-entry/iraq-militias",
                "h", null, false, null, null, null)), "https to https, www or a trailing slash is the same page");
        assertEquals(List.of(new Change(DriftKind.MOVED, URL, "https://archive.example/toi/iraq")),
                DriftComparison.changes(first, new Observation(200, "https://archive.example/toi/iraq", "h", null, false, null, null, null)));
    }

    @Test
    void eachKindOfChangeIsFound() {
        assertEquals(List.of(new Change(DriftKind.HEADLINE, "Iraq militias pause attacks", "Iraq militias resume attacks")),
                DriftComparison.changes(READ, page("Iraq militias resume attacks", null, false)));
        assertEquals(List.of(), DriftComparison.changes(READ, page("Iraq  militias pause attacks ", null, false)), "only spacing differs");
        assertEquals(List.of(new Change(DriftKind.CORRECTION, null, "Correction: the talks were on Tuesday.")),
                DriftComparison.changes(READ, page("Iraq militias pause attacks", "Correction: the talks were on Tuesday.", false)));
        assertEquals(List.of(new Change(DriftKind.PAYWALL, "free to read", "for subscribers")),
                DriftComparison.changes(READ, page("Iraq militias pause attacks", null, true)));
        assertEquals(List.of(new Change(DriftKind.GONE, "there (200)", "410 Gone")),
                DriftComparison.changes(READ, new Observation(410, null, null, null, false, null, null, null)));
        assertEquals(List.of(new Change(DriftKind.MOVED, URL, "https://www.timesofisrael.com/iraq-militias-pause/")),
                DriftComparison.changes(READ, new Observation(200, "https://www.timesofisrael.com/iraq-militias-pause/",
                        "Iraq militias pause attacks", null, false, null, null, null)));
    }

    @Test
    void nothingChangesOnAFailureA304OrTheSameStateAgain() {
        assertEquals(List.of(), DriftComparison.changes(READ, Observation.failed("timed out")));
        assertEquals(List.of(), DriftComparison.changes(READ, new Observation(304, null, null, null, false, null, null, null)));
        assertEquals(List.of(), DriftComparison.changes(READ, new Observation(503, null, null, null, false, null, null, null)));
        Known gone = new Known(false, URL, 404, null, "Iraq militias pause attacks", null, false);
        assertEquals(List.of(), DriftComparison.changes(gone, new Observation(404, null, null, null, false, null, null, null)));
        Known corrected = new Known(false, URL, 200, null, "h", "Correction: the talks were on Tuesday.", false);
        assertEquals(List.of(), DriftComparison.changes(corrected, page("h", "Correction: the talks were on Tuesday.", false)));
    }
}
