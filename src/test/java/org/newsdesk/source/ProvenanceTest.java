package org.newsdesk.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.newsdesk.platform.Texts;

/** Where the import found a field, as the desk says it: the reader's English as written, other desks in theirs. */
class ProvenanceTest {

    private static final Texts ENGLISH = Texts.of(Texts.Family.DESK, Locale.ENGLISH);
    private static final Texts ARABIC = Texts.of(Texts.Family.DESK, Locale.forLanguageTag("ar"));

    private static final List<String> SHAPED = List.of(Provenance.caption("(AFP)"), Provenance.pictureField("IPTC By-line"),
            Provenance.paragraph("Correction"));

    @Test
    void theEnglishDeskSaysEachPlaceAsTheReaderWritesIt() {
        Provenance.said().keySet().forEach(where -> assertEquals(where, ENGLISH.say(Provenance.phrase(where))));
        SHAPED.forEach(where -> assertEquals(where, ENGLISH.say(Provenance.phrase(where))));
        assertEquals("og:title", ENGLISH.say(Provenance.phrase("og:title")), "markup is quoted as written");
    }

    @Test
    void theArabicDeskSaysNoPlaceInEnglishWords() {
        for (String where : Provenance.said().keySet()) {
            String said = ARABIC.say(Provenance.phrase(where)).replace("<figure>", "");
            assertFalse(said.matches("(?s).*\\p{IsLatin}.*"), where + " → " + said);
        }
        assertEquals("«(AFP)» في التعليق", ARABIC.say(Provenance.phrase(Provenance.caption("(AFP)"))));
        assertEquals("JSON-LD headline", ARABIC.say(Provenance.phrase("JSON-LD headline")));
    }
}
