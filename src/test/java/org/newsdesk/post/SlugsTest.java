package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void headlinesBecomeLowerCaseWordsJoinedByDashes() {
        assertEquals("iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel",
                Slugs.of("Iraq trying to reel in Iran-backed groups to prevent confrontation with Israel"));
    }

    @Test
    void accentsAndApostrophesFoldAway() {
        assertEquals("sudanis-government-says-no-to-cafe-talks", Slugs.of("Sudani’s government says “no” to café talks!"));
    }

    @Test
    void headlinesWithoutLatinLettersKeepTheirOwnScript() {
        assertEquals("العراق-وإيران", Slugs.of("العراق وإيران"));
    }

    @Test
    void longHeadlinesAreCutAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(100));
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertTrue(slug.endsWith("word"));
    }

    @Test
    void nothingUsableGivesAPlaceholder() {
        assertEquals("post", Slugs.of("!!!"));
    }
}
