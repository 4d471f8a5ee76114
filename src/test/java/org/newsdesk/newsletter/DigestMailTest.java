package org.newsdesk.newsletter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DigestMailTest {

    private static final DigestMail.Item ITEM = new DigestMail.Item(7L, null, "<script>alert(1)</script> العراق 🕊️",
            "https://news.example/post/iraq", "Dek & more", List.of("TIMES OF ISRAEL", "AP"), "https://news.example/media/p/1.jpg",
            "Militia fighters", "AP Photo/Hadi Mizban");

    @Test
    void anArabicDigestIsRightToLeftWithTheSiteLogoAndEverythingEscaped() {
        DigestMail.Rendered mail = DigestMail.render(NewsletterSend.Kind.DIGEST, List.of(ITEM), Locale.forLanguageTag("ar"),
                new DigestMail.Masthead("الموجز", "/media/site/logo.png", "https://news.example"), "٨ ديسمبر", "https://m", "https://u");
        assertTrue(mail.html().contains("<html lang=\"ar\" dir=\"rtl\">"), mail.html());
        assertTrue(mail.html().contains("text-align:right"), "tables aligned for right to left");
        assertTrue(mail.html().contains("<img src=\"https://news.example/media/site/logo.png\""), "the logo, by its whole address");
        assertFalse(mail.html().contains("<script>"), "a headline is text");
        assertTrue(mail.html().contains("AP Photo/Hadi Mizban") && mail.html().contains("Dek &amp; more"));
        assertTrue(mail.text().contains(ITEM.headline()) && mail.text().contains("https://u"), mail.text());
        assertFalse(mail.html().contains("<img src=\"https://news.example/pixel") || mail.html().contains("utm_"), "no tracking");
    }

    @Test
    void aSiteWithoutLogoHasItsNameOnly() {
        DigestMail.Rendered mail = DigestMail.render(NewsletterSend.Kind.BREAKING, List.of(ITEM), Locale.ENGLISH,
                new DigestMail.Masthead("Newsdesk", null, "https://news.example"), "December 8", "https://m", "https://u");
        assertTrue(mail.html().contains("dir=\"ltr\"") && mail.html().contains(">Newsdesk</a>"), mail.html());
        assertTrue(mail.subject().contains(ITEM.headline()), mail.subject());
    }
}
