package org.newsdesk.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsdesk.media.Photo;
import org.newsdesk.media.StoredImage;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.post.Excerpt;
import org.newsdesk.post.Post;
import org.newsdesk.post.Section;
import org.newsdesk.post.Tag;

/** A post's share card and JSON-LD: whole addresses, each source credited, nothing that can end the script. */
class ArticleMetadataTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String SITE = "https://news.example.org";
    private static final String PAGE = SITE + "/post/bridge";
    private static final SiteIdentity IDENTITY = new SiteIdentity("Daily Roundup", "The world's newsrooms", "ar", "/logo.png");

    @Test
    void theShareCardNamesTheArticleWithWholeAddresses() {
        Map<String, String> tags = ArticleMetadata.shareTags(post(), IDENTITY, SITE, PAGE).stream()
                .filter(tag -> !tag.key().equals("article:tag"))
                .collect(Collectors.toMap(ArticleMetadata.Tag::key, ArticleMetadata.Tag::value));
        assertEquals("article", tags.get("og:type"));
        assertEquals("Daily Roundup", tags.get("og:site_name"));
        assertEquals("A bridge </script><b>opens</b> — جسر جديد", tags.get("og:title"));
        assertEquals("The first dek", tags.get("og:description"));
        assertEquals(PAGE, tags.get("og:url"));
        assertTrue(tags.get("og:image").startsWith(SITE + "/media/") && tags.get("og:image").endsWith("/large"), tags.get("og:image"));
        assertEquals("1600", tags.get("og:image:width"));
        assertEquals("1200", tags.get("og:image:height"), "the large variant keeps the original's proportions");
        assertEquals("Cars cross a new bridge — سيارات تعبر جسرا", tags.get("og:image:alt"), "the excerpt's alt text");
        assertEquals("2026-11-30T10:00:00Z", tags.get("article:published_time"));
        assertEquals("World", tags.get("article:section"));
        assertEquals("summary_large_image", tags.get("twitter:card"));
        assertEquals(List.of("Baghdad", "Iraq"), ArticleMetadata.shareTags(post(), IDENTITY, SITE, PAGE).stream()
                .filter(tag -> tag.key().equals("article:tag")).map(ArticleMetadata.Tag::value).toList());
        assertTrue(ArticleMetadata.shareTags(post(), IDENTITY, SITE, PAGE).get(0).isProperty());
    }

    @Test
    void aPostsCorrectionsAreInItsJsonLdDated() {
        String jsonLd = ArticleMetadata.jsonLd(post(), List.of(new org.newsdesk.post.Correction(1, "REUTERS corrected the date </script> — تصحيح",
                java.time.Instant.parse("2026-11-30T10:15:00Z"), null)), IDENTITY, SITE, PAGE);
        assertFalse(jsonLd.contains("<"), jsonLd);
        JsonObject article = Json.createReader(new StringReader(jsonLd)).readObject().getJsonArray("@graph").getJsonObject(0);
        JsonObject correction = article.getJsonArray("correction").getJsonObject(0);
        assertEquals("CorrectionComment", correction.getString("@type"));
        assertEquals("REUTERS corrected the date </script> — تصحيح", correction.getString("text"));
        assertEquals("2026-11-30T10:15:00Z", correction.getString("datePublished"));
        assertFalse(ArticleMetadata.jsonLd(post(), IDENTITY, SITE, PAGE).contains("correction"), "none without corrections");
    }

    @Test
    void theJsonLdCreditsEverySourceAndCannotEndItsScriptElement() {
        String jsonLd = ArticleMetadata.jsonLd(post(), IDENTITY, SITE, PAGE);
        assertFalse(jsonLd.contains("<"), "no '<' at all, so no '</script>': " + jsonLd);
        JsonObject root = Json.createReader(new StringReader(jsonLd)).readObject();
        JsonArray graph = root.getJsonArray("@graph");
        JsonObject article = graph.getJsonObject(0);
        assertEquals("NewsArticle", article.getString("@type"));
        assertEquals("A bridge </script><b>opens</b> — جسر جديد", article.getString("headline"), "the text itself is whole");
        assertEquals(PAGE, article.getString("mainEntityOfPage"));
        assertEquals("Wendy Writer", article.getJsonObject("author").getString("name"));
        assertEquals("Daily Roundup", article.getJsonObject("publisher").getString("name"));
        assertEquals(SITE + "/logo.png", article.getJsonObject("publisher").getJsonObject("logo").getString("url"),
                "the publisher's logo, whole");
        assertEquals("ar", article.getString("inLanguage"));
        JsonArray sources = article.getJsonArray("isBasedOn");
        assertEquals(2, sources.size(), "one entry per excerpt");
        assertEquals("https://www.reuters.com/world/bridge", sources.getJsonObject(0).getString("url"));
        assertEquals("REUTERS", sources.getJsonObject(0).getJsonObject("publisher").getString("name"));
        assertEquals("2026-11-28", sources.getJsonObject(0).getString("datePublished"));
        assertEquals("TIMES OF ISRAEL", sources.getJsonObject(1).getJsonObject("publisher").getString("name"));
        JsonArray crumbs = graph.getJsonObject(1).getJsonArray("itemListElement");
        assertEquals(List.of("Home", "World", "A bridge </script><b>opens</b> — جسر جديد"),
                crumbs.stream().map(c -> c.asJsonObject().getString("name")).toList());
        assertEquals(SITE + "/section/world", crumbs.getJsonObject(1).getString("item"));
    }

    @Test
    void listingsGetTheSitesOwnCardAndTheFrontPageNamesTheSiteAndItsSearch() {
        Map<String, String> tags = ArticleMetadata.siteTags(IDENTITY, SITE, "Middle East", "The region", SITE + "/section/middle-east")
                .stream().collect(java.util.stream.Collectors.toMap(ArticleMetadata.Tag::key, ArticleMetadata.Tag::value));
        assertEquals("website", tags.get("og:type"));
        assertEquals("Daily Roundup", tags.get("og:site_name"));
        assertEquals("Middle East", tags.get("og:title"));
        assertEquals("The region", tags.get("og:description"));
        assertEquals(SITE + "/section/middle-east", tags.get("og:url"));
        assertEquals(SITE + "/logo.png", tags.get("og:image"));
        assertEquals("summary", tags.get("twitter:card"));
        JsonObject site = Json.createReader(new StringReader(ArticleMetadata.siteJsonLd(IDENTITY, SITE))).readObject()
                .getJsonArray("@graph").getJsonObject(0);
        assertEquals("WebSite", site.getString("@type"));
        assertEquals(SITE + "/", site.getString("url"));
        assertEquals(SITE + "/search?q={search_term_string}", site.getJsonObject("potentialAction").getString("target"));
        assertEquals(SITE + "/logo.png", site.getJsonObject("publisher").getJsonObject("logo").getString("url"));
    }

    private static Post post() {
        org.newsdesk.account.User author = new org.newsdesk.account.User("wendy", "Wendy Writer", "w@example.org",
                java.util.Set.of(org.newsdesk.account.Role.WRITER), NOW);
        Post post = new Post("A bridge </script><b>opens</b> — جسر جديد", author, NOW);
        post.setSection(new Section("World"));
        post.getTags().add(new Tag("Iraq"));
        post.getTags().add(new Tag("Baghdad"));
        Excerpt first = post.addExcerpt();
        first.setOutlet(new Outlet("REUTERS", "reuters.com"));
        first.setArticleUrl("https://www.reuters.com/world/bridge");
        first.setOriginalPublishedOn(LocalDate.of(2026, 11, 28));
        first.setDek("The first dek");
        first.setPhoto(new Photo(new StoredImage("ab/x.jpg", "image/jpeg", 2400, 1800, 100, "ab"), "x.jpg", null, NOW));
        first.setCreditLine("AP Photo/Hadi Mizban");
        first.setPhotoAlt("Cars cross a new bridge — سيارات تعبر جسرا");
        Excerpt second = post.addExcerpt();
        second.setOutlet(new Outlet("TIMES OF ISRAEL", "timesofisrael.com"));
        second.setArticleUrl("https://www.timesofisrael.com/bridge");
        second.setOriginalPublishedOn(LocalDate.of(2026, 11, 29));
        post.publish(NOW);
        return post;
    }
}
