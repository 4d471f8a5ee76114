package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcerptMarkupTest {

    @Test
    void keepsParagraphsLinksBoldAndItalic() {
        String html = ExcerptMarkup.sanitize("<p>A <b>bold</b>, <i>italic</i> <a href=\"https://example.org\">link</a>.</p>");
        assertTrue(html.contains("<b>bold</b>"));
        assertTrue(html.contains("<i>italic</i>"));
        assertTrue(html.contains("href=\"https://example.org\""));
    }

    @Test
    void removesScriptsHandlersAndDangerousLinks() {
        String html = ExcerptMarkup.sanitize("<p onclick=\"steal()\">Hi<script>alert(1)</script>"
                + "<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a><iframe src=//evil></iframe></p>");
        assertFalse(html.contains("script"));
        assertFalse(html.contains("onclick"));
        assertFalse(html.contains("onerror"));
        assertFalse(html.contains("javascript:"));
        assertFalse(html.contains("iframe"));
        assertTrue(html.startsWith("<p>Hi"));
    }

    @Test
    void plainTextParagraphsAreEscapedAndWrapped() {
        assertEquals("<p>One &lt;b&gt; &amp; two.</p><p>Three.</p>", ExcerptMarkup.fromPlainText("One <b> & two.\n\nThree.\n"));
    }

    @Test
    void wordsAreCountedInWhatTheReaderSees() {
        assertEquals(5, ExcerptMarkup.wordCount("<p>One two <b>three</b>.</p><p>Four five.</p>"));
        assertEquals(0, ExcerptMarkup.wordCount(null));
    }

    @Test
    void aLinksRelGoesWhicheverOrderTheSanitizerWroteItIn() {
        // Seen on the compose page: "noreferrer noopener" came back into the editor's text as typed markup.
        assertEquals("<a href=\"https://example.org/a\">one</a> and <a href=\"https://example.org/b\">two</a>",
                ExcerptMarkup.toEditorText("<p><a href=\"https://example.org/a\" rel=\"noreferrer noopener\">one</a> and"
                        + " <a href=\"https://example.org/b\" rel=\"noopener noreferrer\">two</a></p>"));
    }

    @Test
    void aLineBreakSeparatesWordsAsTheComposePageCountsThem() {
        // Shift+Enter in the editor: "one\ntwo" is stored as "one<br />two", two words for the reader.
        assertEquals(4, ExcerptMarkup.wordCount(ExcerptMarkup.fromEditorText("One two\nthree four")));
    }

    @Test
    void everyScriptIsStoredAsTypedAndComesBackToTheEditorTheSame() {
        String typed = "Crème — مرحبا — שלום — Καλημέρα — 你好，世界 — 👍🏽🗞️ <b>bold</b> & \"quoted\"";
        String html = ExcerptMarkup.fromEditorText(typed);
        assertEquals("<p>Crème — مرحبا — שלום — Καλημέρα — 你好，世界 — 👍🏽🗞️ <b>bold</b> &amp; &#34;quoted&#34;</p>", html);
        assertEquals(typed, ExcerptMarkup.toEditorText(html));
        assertEquals(typed, ExcerptMarkup.toEditorText(ExcerptMarkup.fromEditorText(ExcerptMarkup.toEditorText(html))),
                "saving again changes nothing");
        assertEquals("Crème — مرحبا — שלום — Καλημέρα — 你好，世界 — 👍🏽🗞️ bold & \"quoted\"", ExcerptMarkup.toPlainText(html));
    }

    @Test
    void numericReferencesThatWouldBecomeMarkupStayReferences() {
        assertFalse(ExcerptMarkup.sanitize("<p>&#60;script&#62;alert(1)&#60;/script&#62;</p>").contains("<script"));
    }
}
