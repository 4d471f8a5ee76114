package org.newsdesk.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ArticleReaderTest {

    private static SourceArticle read(String html) {
        return ArticleReader.read(Jsoup.parse(html, "https://news.example/a"), "https://news.example/a");
    }

    @Test
    void datesComeInTheOrderJsonLdThenMetaThenTime() {
        String time = "<time datetime='2024-03-03'>3 March</time>";
        String meta = "<meta property='article:published_time' content='2024-02-02T23:30:00-05:00'>";
        String jsonLd = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-01-01T01:00:00+03:00\"}</script>";
        assertEquals(LocalDate.of(2024, 1, 1), read(jsonLd + meta + time).publishedOn().value(), "the source's own calendar day");
        assertEquals(LocalDate.of(2024, 2, 2), read(meta + time).publishedOn().value());
        assertEquals(LocalDate.of(2024, 3, 3), read(time).publishedOn().value());
        assertFalse(read("<p>no date at all on this page of the article here</p>").publishedOn().present());
        assertEquals(LocalDate.of(2024, 2, 2), read("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"not a date\"}</script>"
                + meta).publishedOn().value(), "an unreadable date falls through to the next source");
    }

    @Test
    void brokenStructuredDataIsSkipped() {
        SourceArticle a = read("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
                + "<meta property='og:title' content='From Open Graph'>");
        assertEquals("From Open Graph", a.headline().value());
    }

    @Test
    void correctionsAndPaywallsAreNoticed() {
        SourceArticle corrected = read("<article><p>First paragraph of the article with enough words.</p>"
                + "<p><em>Correction: An earlier version misspelled the minister's name.</em></p></article>");
        assertEquals("Correction: An earlier version misspelled the minister's name.", corrected.correction().value());
        assertEquals(List.of("First paragraph of the article with enough words."), corrected.paragraphs(), "the notice is not quoted");
        assertTrue(read("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":\"False\"}</script>").paywalled());
        assertTrue(read("<meta property='article:content_tier' content='locked'>").paywalled());
        assertFalse(read("<meta property='article:content_tier' content='free'>").paywalled());
    }

    @Test
    void theProposalTakesWholeParagraphsWithinTheBudget() {
        SourceArticle a = read("<article><p>one two three four five six</p><p>seven eight nine ten eleven twelve</p></article>");
        assertEquals(List.of("one two three four five six"), a.leadParagraphs(10));
        assertEquals(List.of("one two three …"), a.leadParagraphs(3), "a first paragraph longer than the budget is cut, marked");
        assertEquals(12, a.wordCount());
    }
}
