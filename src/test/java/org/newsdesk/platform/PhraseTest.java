package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Phrases stored in a column (a feed's last error) and worded when shown, in the reader's language. */
class PhraseTest {

    private static final Texts ENGLISH = Texts.of(Texts.Family.DESK, Locale.ENGLISH);
    private static final Texts ARABIC = Texts.of(Texts.Family.DESK, Locale.forLanguageTag("ar"));

    @Test
    void aStoredPhraseComesBackWithItsArgumentsAndIsWordedInEachLanguage() {
        Phrase unreadable = Phrase.of("feeds.why.unreadable", Phrase.of("feeds.unreadable.format", "Invalid XML: “مقال” 📰"));
        Phrase back = Phrase.restore(unreadable.stored()).orElseThrow();
        assertEquals(unreadable, back);
        assertEquals("It answered, but it is not a feed Newsdesk can read (Invalid XML: “مقال” 📰).", ENGLISH.say(back));
        assertTrue(ARABIC.say(back).startsWith("أجاب، لكن"), ARABIC.say(back));
    }

    @Test
    void numbersDatesAndListsSurviveStoring() {
        Date until = new Date(1_765_000_000_000L);
        Phrase wait = Phrase.of("feeds.why.waitUntil", "example.com", "429", until);
        Phrase back = Phrase.restore(wait.stored()).orElseThrow();
        assertEquals(until, back.arguments().get(2));
        assertEquals(ENGLISH.say(wait), ENGLISH.say(back));

        Phrase left = Phrase.of("feeds.importedLeft", List.of(Phrase.of("feeds.skip.already", "https://a.example/rss"),
                Phrase.of("feeds.skip.notAddress", "not a url")));
        assertEquals("Left: https://a.example/rss: followed already; not a url: not a web address", ENGLISH.say(Phrase.restore(left.stored()).orElseThrow()));
        assertEquals("متروكة: https://a.example/rss: متابَعة من قبل؛ not a url: ليس عنوان ويب", ARABIC.say(left));

        Phrase counted = Phrase.of("feeds.read", 3, 2L);
        assertEquals(ENGLISH.say(counted), ENGLISH.say(Phrase.restore(counted.stored()).orElseThrow()));
    }

    @Test
    void wordsWrittenBeforePhrasesWereStoredAreShownAsWritten() {
        assertFalse(Phrase.restore("example.com answered 500 instead of the feed.").isPresent());
        assertFalse(Phrase.restore("{\"k\": broken").isPresent());
        assertFalse(Phrase.restore(null).isPresent());
    }
}
