package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
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
        // The limit (120 characters) falls inside the fourteenth word: thirteen are kept, 116 characters.
        String slug = Slugs.of("newsroom ".repeat(20));
        assertEquals(String.join("-", Collections.nCopies(13, "newsroom")), slug);
    }

    @Test
    void nothingUsableGivesAPlaceholder() {
        assertEquals("post", Slugs.of("!!!"));
    }
}
