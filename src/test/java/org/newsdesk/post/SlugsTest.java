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
        // 13 words and their dashes make 116 characters; the 120th falls inside the 14th word, which goes whole.
        assertEquals(String.join("-", Collections.nCopies(13, "militias")), Slugs.of("militias ".repeat(20)));
    }

    @Test
    void nothingUsableGivesAPlaceholder() {
        assertEquals("post", Slugs.of("!!!"));
    }
}
