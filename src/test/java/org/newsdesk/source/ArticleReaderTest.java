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

    @Test
    void theLeadImageIsFoundWhereverThePageGivesIt() {
        String base = "https://news.example/world/story";
        assertEquals("https://cdn.example/a.jpg", ArticleReader.read(Jsoup.parse(
                "<meta property='og:image' content='//cdn.example/a.jpg'>", base), base).image().url(), "protocol-relative og:image");
        assertEquals("https://static.example/img/b.jpg", ArticleReader.read(Jsoup.parse(
                "<base href='https://static.example/img/'><meta property='og:image' content='b.jpg'>", base), base).image().url(),
                "relative to <base href>");
        SourceArticle byId = ArticleReader.read(Jsoup.parse("<script type='application/ld+json'>{\"@graph\":["
                + "{\"@type\":\"NewsArticle\",\"image\":{\"@id\":\"https://news.example/#primaryimage\"}},"
                + "{\"@type\":\"ImageObject\",\"@id\":\"https://news.example/#primaryimage\",\"url\":\"https://news.example/c.jpg\","
                + "\"caption\":\"A caption\",\"creditText\":\"Jane Roe/Agency\"}]}</script>", base), base);
        assertEquals("https://news.example/c.jpg", byId.image().url(), "an ImageObject given by @id");
        assertEquals("Jane Roe/Agency", byId.image().credit());
        assertEquals("JSON-LD image creditText", byId.image().creditWhere());
        assertEquals("https://news.example/d-1200.jpg", ArticleReader.read(Jsoup.parse("<article><figure><img src='data:image/gif;base64,R0lGOD'"
                + " data-srcset='/d-400.jpg 400w, /d-1200.jpg 1200w'></figure><p>Some text of the article here today.</p></article>", base), base)
                .image().url(), "a lazy image's largest size, never the data: placeholder");
        assertEquals(null, ArticleReader.read(Jsoup.parse("<figure><img src='data:image/png;base64,iVBOR'></figure>", base), base).image());
    }

    @Test
    void authorsComeFromStructuredDataMetaOrTheByline() {
        assertEquals(List.of("Jane Roe", "John Doe"), read("<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"},\"John Doe\"]}</script>").authors().value());
        assertEquals(List.of("Jane Roe", "John Doe"), read("<meta name='author' content='Jane Roe and John Doe'>").authors().value());
        SourceArticle byline = read("<article><p class='byline'>By Jane Roe · November 26, 2026 · 6 min read</p>"
                + "<p>The first paragraph of the story, long enough to be one.</p></article>");
        assertEquals(List.of("Jane Roe"), byline.authors().value());
        assertEquals(List.of("The first paragraph of the story, long enough to be one."), byline.paragraphs(), "the byline is not quoted");
    }

    @Test
    void theHeadlineTheDekAndPromosAreNotQuoted() {
        SourceArticle a = read("<meta property='og:title' content='Militias pause attacks'>"
                + "<meta property='og:description' content='Leaders met in Baghdad on Saturday.'>"
                + "<article><h1>Militias pause attacks</h1><p>Leaders met in Baghdad on Saturday.</p>"
                + "<p>BAGHDAD — Leaders of Iraq's militias met on Saturday to discuss a pause, officials said.</p>"
                + "<p>READ: Who are Iraq's militias?</p><h2>What comes next</h2>"
                + "<p>The talks are expected to continue next week in the capital, two officials said.</p>"
                + "<p>Reporting by Jane Roe; Editing by John Doe</p></article>");
        assertEquals(List.of("BAGHDAD — Leaders of Iraq's militias met on Saturday to discuss a pause, officials said.",
                "The talks are expected to continue next week in the capital, two officials said."), a.paragraphs());
        assertTrue(a.text().contains("What comes next"), "subheadings are part of the article's text");
        assertFalse(a.text().contains("Militias pause attacks"), "the headline is not");
    }
}
