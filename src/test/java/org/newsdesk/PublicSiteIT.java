package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.comment.ModerationService;
import org.newsdesk.demo.DemoContent;

/**
 * The foundation end to end on a real Payara Micro and the real database: the demo post is published
 * faithfully and only once, public pages set no cookie, and a reader's comment is held, kept from
 * everyone else until a moderator approves it, and shown as text.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicSiteIT {

    private static final String READER = "Amira Haddad IT";
    private static final String BODY = "Thanks for this round-up. <script>alert('x')</script> شكرا 🇮🇶\n\nSee https://example.org/more";

    @ArquillianResource
    private URL base;

    private final SiteClient site = new SiteClient(() -> base);

    @EJB
    private DemoContent demoContent;

    @EJB
    private ModeratorForTests moderator;

    @EJB
    private ModerationService moderation;

    @Test
    @Order(1)
    @RunAsClient
    void postPageShowsEverySeedElement() throws IOException {
        Element card = demoPostCard();
        Element link = card.selectFirst("h2 a");
        assertEquals(SeedPage.HEADLINE, link.text());
        assertTrue(card.selectFirst(".outlets").text().contains("TIMES OF ISRAEL, REUTERS"));
        assertNotNull(card.selectFirst("img[src$=/medium]"), "the lead photo is shown");

        Document post = site.get(link.attr("href")).parse();
        String text = post.body().text();
        for (String line : SeedPage.lines()) {
            assertTrue(text.contains(line), "the post page shows: " + line);
        }
        assertEquals(SeedPage.HEADLINE, post.selectFirst("h1").text());
        List<Element> excerpts = post.select("section.excerpt");
        assertEquals(2, excerpts.size());
        assertEquals("https://www.timesofisrael.com/iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel/",
                excerpts.get(0).selectFirst(".read-more a").attr("href"));
        assertTrue(excerpts.get(1).selectFirst(".read-more a").attr("href").startsWith("https://www.reuters.com/"));
        assertEquals("(AP Photo/Hadi Mizban)", excerpts.get(0).selectFirst(".credit").text());
        assertEquals("REUTERS/Thaier Al-Sudani/File Photo", excerpts.get(1).selectFirst(".credit").text());
        assertTrue(excerpts.get(0).selectFirst(".dek").text().startsWith("Tehran said to have denied"));
        assertNull(excerpts.get(1).selectFirst(".dek"), "the Reuters excerpt has no dek, as on the page");
        assertEquals("Iraq tries to avoid regional fight as militias fire at Israel",
                excerpts.get(0).selectFirst(".related a").text());
        for (Element img : post.select(".excerpt-photo img")) {
            Connection.Response photo = site.get(img.attr("src"));
            assertEquals("image/jpeg", photo.contentType());
            assertTrue(photo.bodyAsBytes().length > 10_000, "a real photo is served");
            assertNotNull(photo.header("ETag"));
        }
        assertNotNull(post.selectFirst("form#comment-form [name=comment-form:name]"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void publicPagesCreateNoSession() throws IOException {
        for (String path : List.of("/", "/post/" + SeedPage.SLUG)) {
            Connection.Response response = site.get(path);
            assertEquals(200, response.statusCode());
            assertNull(response.header("Set-Cookie"), path + " sets no cookie");
        }
        assertEquals(404, Jsoup.connect(site.url("/post/no-such-post")).ignoreHttpErrors(true).execute().statusCode());
    }

    @Test
    @Order(3)
    void demoContentLoadsOnlyOnce() {
        String count = "select count(*) from post where slug = ?";
        assertEquals(1L, ((Number) TestDatabase.single(count, SeedPage.SLUG)).longValue());
        demoContent.load();
        demoContent.load();
        assertEquals(1L, ((Number) TestDatabase.single(count, SeedPage.SLUG)).longValue());
        assertEquals(1L, ((Number) TestDatabase.single("select count(*) from users where username = 'admin'")).longValue());
        assertEquals(2L, ((Number) TestDatabase.single("select count(*) from outlet where domain in"
                + " ('timesofisrael.com', 'reuters.com')")).longValue(), "the demo's outlets, once each");
    }

    @Test
    @Order(4)
    @RunAsClient
    void aCommentIsHeldAndOnlyItsAuthorSeesIt() throws IOException {
        Connection.Response sent = submitComment(READER, "amira@example.org", BODY);
        assertEquals(302, sent.statusCode(), "a comment taken is followed by a redirect");
        String cookie = sent.header("Set-Cookie");
        assertNotNull(cookie, "the author's browser remembers the held comment");

        assertEquals("PENDING", TestDatabase.single("select status from comment where author_name = ?", READER));
        assertEquals(BODY, TestDatabase.single("select body from comment where author_name = ?", READER),
                "the comment is stored exactly as typed, emoji and Arabic included");

        Document authorView = Jsoup.connect(site.url(sent.header("Location")))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).get();
        Element own = authorView.selectFirst(".comment.held");
        assertNotNull(own, "the author sees the held comment");
        assertTrue(own.text().contains("Your comment is awaiting moderation."));
        assertTrue(own.text().contains(READER));

        Document everyoneElse = site.get("/post/" + SeedPage.SLUG).parse();
        assertFalse(everyoneElse.body().text().contains(READER), "nobody else sees a held comment");
        assertEquals("Be the first to comment", everyoneElse.selectFirst("#comments h2").text());
    }

    @Test
    @Order(5)
    void onlyModeratorsApprove() {
        assertThrows(EJBAccessException.class, () -> moderation.approve(1L),
                "a caller without the MODERATOR role is refused by the EJB");
        moderator.approveCommentBy(READER);
    }

    @Test
    @Order(6)
    @RunAsClient
    void anApprovedCommentIsShownToEveryoneAsText() throws IOException {
        Connection.Response page = site.get("/post/" + SeedPage.SLUG);
        String html = page.body();
        Document doc = page.parse();
        Element comment = doc.selectFirst(".comment:not(.held)");
        assertNotNull(comment, "the approved comment is public");
        assertTrue(comment.text().contains("<script>alert('x')</script> شكرا 🇮🇶"), "HTML is shown as text");
        assertTrue(comment.select("script").isEmpty(), "and never rendered");
        assertFalse(html.contains("<script>alert"));
        Element link = comment.selectFirst(".comment-body a");
        assertEquals("https://example.org/more", link.attr("href"));
        assertEquals("nofollow ugc", link.attr("rel"));
        assertEquals("1 comment", doc.selectFirst("#comments h2").text());
        // Arabic, Hebrew and the like read right to left inside the left-to-right page: every reader's and source's
        // text is laid out by its own first strong character.
        assertEquals("auto", comment.selectFirst(".comment-body").attr("dir"));
        assertEquals("auto", comment.selectFirst(".author").attr("dir"));
        for (String sourceText : List.of("article.post h1", ".excerpt .dek", ".excerpt-body", ".excerpt .outlet", ".caption", ".credit")) {
            assertEquals("auto", doc.selectFirst(sourceText).attr("dir"), sourceText);
        }
        // The canonical address is whole, built on NEWSDESK_SITE_URL (pom.xml), not on the request's host.
        assertEquals("https://news.newsdesk.test/post/" + SeedPage.SLUG, doc.selectFirst("link[rel=canonical]").attr("href"));
        // The share card and the article for search engines, crediting each source the post quotes.
        assertEquals(doc.selectFirst("article.post h1").text(), doc.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("https://news.newsdesk.test/post/" + SeedPage.SLUG, doc.selectFirst("meta[property=og:url]").attr("content"));
        assertTrue(doc.selectFirst("meta[property=og:image]").attr("content").startsWith("https://news.newsdesk.test/media/"));
        assertEquals("summary_large_image", doc.selectFirst("meta[name=twitter:card]").attr("content"));
        jakarta.json.JsonObject article = jakarta.json.Json.createReader(new java.io.StringReader(
                doc.selectFirst("script[type=application/ld+json]").data())).readObject().getJsonArray("@graph").getJsonObject(0);
        assertEquals(doc.select(".read-more a").eachAttr("href"), article.getJsonArray("isBasedOn").stream()
                .map(source -> source.asJsonObject().getString("url")).toList(), "one source per excerpt, in order");

        assertEquals("1 comment", demoPostCard().selectFirst(".card-meta a[href$=#comments]").text());
    }

    @Test
    @Order(7)
    @RunAsClient
    void refusedInputIsKeptWithAMessageAtEachField() throws IOException {
        String longComment = "word ".repeat(2000) + "x";
        Connection.Response response = submitComment("", "not-an-email", longComment);
        assertEquals(200, response.statusCode());
        Document doc = response.parse();
        assertEquals("Please give your name.", SiteClient.fieldMessage(doc, "name"));
        assertEquals("This does not look like an email address.", SiteClient.fieldMessage(doc, "email"));
        assertEquals("Please keep your comment under 10,000 characters.", SiteClient.fieldMessage(doc, "body"));
        assertEquals("not-an-email", doc.selectFirst("[name=comment-form:email]").val(), "what was typed is kept");
        assertEquals(longComment, doc.selectFirst("[name=comment-form:body]").val());
        assertEquals(0L, ((Number) TestDatabase.single(
                "select count(*) from comment where author_email = 'not-an-email'")).longValue());

        Document blank = submitComment("Someone", "someone@example.org", "   ").parse();
        assertEquals("Please write a comment.", SiteClient.fieldMessage(blank, "body"));
        assertEquals("Someone", blank.selectFirst("[name=comment-form:name]").val());
    }

    @Test
    @Order(8)
    @RunAsClient
    void forgedAndReplayedFormsAreRefused() throws IOException {
        Document page = site.get("/post/" + SeedPage.SLUG).parse();
        FormElement form = SiteClient.fillCommentForm(page, "Replay Tester", "replay@example.org", "Posting this once.");
        Connection.Response first = form.submit().followRedirects(false).execute();
        assertEquals(302, first.statusCode());
        Connection.Response again = SiteClient.fillCommentForm(page, "Replay Tester", "replay@example.org", "Posting this once.")
                .submit().followRedirects(false).execute();
        assertEquals(200, again.statusCode());
        assertTrue(again.parse().selectFirst(".form-errors").text().contains("already been sent"));
        assertEquals(1L, ((Number) TestDatabase.single(
                "select count(*) from comment where author_name = 'Replay Tester'")).longValue());

        Document fresh = site.get("/post/" + SeedPage.SLUG).parse();
        fresh.selectFirst("input[name=token]").val("forged." + "A".repeat(43));
        Connection.Response forged = SiteClient.fillCommentForm(fresh, "Forger", "forger@example.org", "Forged.").submit()
                .followRedirects(false).execute();
        assertTrue(forged.parse().selectFirst(".form-errors").text().contains("could not be verified"));
        assertEquals(0L, ((Number) TestDatabase.single(
                "select count(*) from comment where author_name = 'Forger'")).longValue());
    }

    @Test
    @Order(9)
    @RunAsClient
    void aReplyIsThreadedUnderItsParent() throws IOException {
        long parentId = ((Number) TestDatabase.single("select id from comment where author_name = ?", READER)).longValue();
        Document page = site.get("/post/" + SeedPage.SLUG + "?replyto=" + parentId).parse();
        assertEquals(String.valueOf(parentId), page.selectFirst("[name=comment-form:parent]").val());
        assertTrue(page.selectFirst(".replying").text().contains(READER));
        Connection.Response sent = SiteClient.fillCommentForm(page, "Replying Reader", "reply@example.org", "I agree.").submit()
                .followRedirects(false).execute();
        assertEquals(302, sent.statusCode());
        assertEquals(parentId, ((Number) TestDatabase.single(
                "select parent_id from comment where author_name = 'Replying Reader'")).longValue());

        Document otherPost = site.get("/post/" + SeedPage.SLUG).parse();
        otherPost.selectFirst("[name=comment-form:parent]").val("999999");
        Document refused = SiteClient.fillCommentForm(otherPost, "Lost Reply", "lost@example.org", "Hello?").submit().execute().parse();
        assertTrue(refused.text().contains("no longer available"));
        assertEquals("Hello?", refused.selectFirst("[name=comment-form:body]").val());
    }

    @Test
    @Order(10)
    @RunAsClient
    void sectionsTagsTheFeedAndTheSitemapListTheSeedPost() throws IOException {
        Document post = site.get("/post/" + SeedPage.SLUG).parse();
        Document section = site.get(post.selectFirst(".section-name a").attr("href")).parse();
        assertEquals("Section Middle East", section.selectFirst("h1").text());
        assertEquals(SeedPage.HEADLINE, section.selectFirst(DEMO_CARD).text());
        Document tag = site.get(post.select(".tags a").stream().filter(a -> a.text().equals("Iraq")).findFirst()
                .orElseThrow().attr("href")).parse();
        assertEquals("Tag Iraq", tag.selectFirst("h1").text());
        assertEquals(SeedPage.HEADLINE, tag.selectFirst(DEMO_CARD).text());
        for (String missing : List.of("/section/no-such-section", "/tag/no-such-tag", "/section/middle-east/extra")) {
            assertEquals(404, Jsoup.connect(site.url(missing)).ignoreHttpErrors(true).execute().statusCode(), missing);
        }

        Connection.Response feed = site.get("/feed");
        assertEquals("application/rss+xml;charset=UTF-8", feed.contentType().replace(" ", ""));
        Document rss = Jsoup.parse(feed.body(), "", org.jsoup.parser.Parser.xmlParser());
        Element item = rss.select("item").stream()
                .filter(i -> i.selectFirst("title").text().equals(SeedPage.HEADLINE)).findFirst().orElseThrow();
        assertTrue(item.selectFirst("link").text().endsWith("/post/" + SeedPage.SLUG));
        assertTrue(item.selectFirst("description").text().startsWith("TIMES OF ISRAEL, REUTERS: Tehran said"));
        assertEquals("Fri, 1 Nov 2024 16:00:00 GMT", item.selectFirst("pubDate").text());
        assertEquals(304, Jsoup.connect(site.url("/feed")).ignoreContentType(true).header("If-Modified-Since", feed.header("Last-Modified"))
                .ignoreHttpErrors(true).execute().statusCode(), "a reader's copy that is up to date is not sent again");

        Document index = Jsoup.parse(site.get("/sitemap.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        String siteUrl = System.getenv("NEWSDESK_SITE_URL");
        assertEquals(List.of(siteUrl + "/sitemap-posts.xml", siteUrl + "/sitemap-pages.xml", siteUrl + "/sitemap-news.xml"),
                index.select("sitemapindex > sitemap > loc").eachText());
        Document sitemap = Jsoup.parse(site.get("/sitemap-posts.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        Element seedUrl = sitemap.select("url").stream().filter(url -> url.selectFirst("loc").text().equals(siteUrl + "/post/" + SeedPage.SLUG))
                .findFirst().orElseThrow();
        assertEquals(TestDatabase.single("select date_format(updated_at, '%Y-%m-%dT%H:%i:%sZ') from post where slug = ?", SeedPage.SLUG),
                seedUrl.selectFirst("lastmod").text(), "lastmod is the post's last change");
        Document pages = Jsoup.parse(site.get("/sitemap-pages.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        assertTrue(pages.select("url > loc").eachText().containsAll(List.of(siteUrl + "/", siteUrl + "/section/middle-east", siteUrl + "/tag/iraq")));
        String robots = site.get("/robots.txt").body();
        assertTrue(robots.contains("Sitemap: " + siteUrl + "/sitemap.xml"), robots);
        assertTrue(robots.contains("Disallow: /admin/"), robots);

        // A post published an hour ago is in the Google News sitemap with its publication; the seed post (2024) is not.
        long recent = DeskFixtures.demoPostCopy("news-sitemap-post", "Στα νέα: أخبار 📰", null, "published");
        TestDatabase.update("update post set published_at = now() - interval 1 hour where id = ?", recent);
        Document news = Jsoup.parse(site.get("/sitemap-news.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        Element entry = news.select("url").stream().filter(url -> url.selectFirst("loc").text().endsWith("/post/news-sitemap-post"))
                .findFirst().orElseThrow(() -> new AssertionError(news.outerHtml()));
        assertEquals("Στα νέα: أخبار 📰", entry.selectFirst("news|title").text());
        assertEquals("Newsdesk", entry.selectFirst("news|publication > news|name").text());
        assertEquals("en", entry.selectFirst("news|publication > news|language").text());
        assertTrue(entry.selectFirst("news|publication_date").text().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertFalse(news.select("url > loc").eachText().contains(siteUrl + "/post/" + SeedPage.SLUG), "older than two days");

        // Every section and tag has its own feeds, in both formats, and its page links them.
        Document atom = Jsoup.parse(site.get("/feed/section/middle-east/atom").body(), "", org.jsoup.parser.Parser.xmlParser());
        assertEquals("Newsdesk: Middle East", atom.selectFirst("feed > title").text());
        assertTrue(atom.select("entry > title").eachText().contains(SeedPage.HEADLINE));
        assertEquals(List.of("/feed/section/middle-east", "/feed/section/middle-east/atom"),
                section.select("link[rel=alternate][href*=section]").eachAttr("href"));
        assertEquals(List.of("/feed", "/feed/atom"), post.select("link[rel=alternate]").eachAttr("href"), "discovery on every page");

        // Photos: described, offered in every size made, sized so the page does not jump, the first fetched at once.
        Element photo = post.selectFirst(".excerpt-photo img");
        // The library's alt text (other test classes edit the demo photo's): the demo excerpt has none of its own.
        assertEquals(TestDatabase.single("select p.alt_text from photo p join excerpt e on e.photo_id = p.id join post o on o.id = e.post_id"
                + " where o.slug = ? and e.position = 0", SeedPage.SLUG), photo.attr("alt"));
        assertTrue(photo.attr("srcset").matches("(/media/[0-9a-f]+/(thumbnail|medium|large) \\d+w(, )?)+"), photo.attr("srcset"));
        assertFalse(photo.attr("sizes").isEmpty());
        assertTrue(Integer.parseInt(photo.attr("width")) > 0 && Integer.parseInt(photo.attr("height")) > 0);
        assertEquals("eager", photo.attr("loading"), "the first photo is on the first screen");
        Element card = site.get("/").parse().selectFirst(".post-card img");
        assertFalse(card.attr("srcset").isEmpty());
        assertTrue(Integer.parseInt(card.attr("width")) > 0 && Integer.parseInt(card.attr("height")) > 0);
        assertEquals("eager", card.attr("loading"), "the first cards are on the first screen");
    }

    @Test
    @Order(11)
    @RunAsClient
    void readersFindPostsByTheWordsInThem() throws IOException {
        Document found = site.get("/search?q=" + java.net.URLEncoder.encode("Sudani militia", "UTF-8")).parse();
        // Other test classes publish copies of the demo post: the demo post is among the results, not always first.
        assertNotNull(found.selectFirst(DEMO_CARD), "words of the excerpts are found");
        assertNotNull(site.get("/search?q=reel").parse().selectFirst(DEMO_CARD), "words of the headline are found");
        Document none = site.get("/search?q=qqqzzzunheardof").parse();
        assertTrue(none.selectFirst(".empty").text().startsWith("No posts match"));
        Connection.Response operators = Jsoup.connect(site.url("/search?q=" + java.net.URLEncoder.encode("+-\"(*)~<script>", "UTF-8")))
                .ignoreHttpErrors(true).execute();
        assertEquals(200, operators.statusCode(), "search operators typed by a reader are just characters");
        assertFalse(operators.body().contains("<script>"));
    }

    @Test
    @Order(12)
    @RunAsClient
    void healthSaysReadyWhenTheDatabaseMigrationsAndMediaDirectoryAre() throws IOException {
        Connection.Response ready = Jsoup.connect(site.url("/health/ready")).ignoreContentType(true).ignoreHttpErrors(true).execute();
        assertEquals(200, ready.statusCode(), ready.body());
        jakarta.json.JsonObject health = jakarta.json.Json.createReader(new java.io.StringReader(ready.body())).readObject();
        assertEquals("UP", health.getString("status"));
        List<String> up = health.getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(check -> check.getString("status").equals("UP")).map(check -> check.getString("name")).sorted().toList();
        assertEquals(List.of("accepting-requests", "database", "media-directory", "migrations"), up);
        assertEquals(200, Jsoup.connect(site.url("/health/live")).ignoreContentType(true).ignoreHttpErrors(true).execute().statusCode());
    }

    @Test
    @Order(13)
    @RunAsClient
    void aForgedHostHeaderReachesNoFeedOrSitemap() throws IOException {
        String site = System.getenv("NEWSDESK_SITE_URL");
        for (String path : List.of("/feed", "/feed/atom", "/sitemap-posts.xml")) {
            // Raw HTTP: Java's clients will not send a Host header of the caller's choosing.
            String answer;
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.site.port())) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: evil.example.org\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
            assertFalse(answer.contains("evil.example.org"), path + " repeats the forged host");
            assertTrue(answer.contains(site + "/post/" + SeedPage.SLUG), path + " links to the post on " + site);
        }
    }

    @Test
    @Order(14)
    @RunAsClient
    void aTagOnlyDraftsUseIsNotShownToReaders() throws IOException {
        long draft = DeskFixtures.demoPostCopy("public-site-draft-tag", "A draft with a secret tag", null, "draft");
        TestDatabase.update("insert into tag (slug, name) values ('embargoed-merger', 'Embargoed merger')");
        TestDatabase.update("insert into post_tag (post_id, tag_id) select ?, id from tag where slug = 'embargoed-merger'", draft);
        Connection.Response tag = Jsoup.connect(site.url("/tag/embargoed-merger")).ignoreHttpErrors(true).execute();
        assertEquals(404, tag.statusCode());
        assertFalse(tag.body().contains("Embargoed merger"));
        for (String missing : List.of("/tag/iraq?page=999", "/section/middle-east?page=0", "/?page=abc", "/post/no-such-post")) {
            assertEquals(404, Jsoup.connect(site.url(missing)).ignoreHttpErrors(true).execute().statusCode(), missing);
        }
    }

    @Test
    @Order(15)
    @RunAsClient
    void everyAnswerCarriesTheSecurityHeaders() throws IOException {
        String photo = site.get("/post/" + SeedPage.SLUG).parse().selectFirst(".excerpt-photo img").attr("src");
        // "/admin/posts/" signed out: the redirect to the sign-in page, which the authentication mechanism makes
        // before any filter runs.
        for (String path : List.of("/", "/post/" + SeedPage.SLUG, "/feed", "/sitemap.xml", photo, "/post/no-such-post",
                "/search?q=militia", "/admin/posts/", "/login")) {
            Connection.Response answer = Jsoup.connect(site.url(path)).ignoreContentType(true).ignoreHttpErrors(true)
                    .followRedirects(false).execute();
            if (path.startsWith("/admin")) {
                assertEquals(302, answer.statusCode(), path);
                assertTrue(answer.header("Location").contains("/login"), answer.header("Location"));
            }
            for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                    "Permissions-Policy")) {
                assertNotNull(answer.header(header), path + " (" + answer.statusCode() + ") has no " + header);
            }
        }
    }

    @Test
    @Order(16)
    @RunAsClient
    void readersBehindATrustedProxyAreToldApartByTheAddressItNames() throws IOException {
        long post = DeskFixtures.demoPostCopy("public-site-behind-a-proxy", "Readers behind a proxy", null, "published");
        long comment = DeskFixtures.comment(post, "Proxied", "proxied@example.org", "Report me three times.", "APPROVED");
        // The same reader twice, then two others; all arrive from 127.0.0.1, the trusted proxy of the tests.
        for (String reader : List.of("198.51.100.1", "198.51.100.1", "198.51.100.2", "198.51.100.3")) {
            Document page = site.get("/post/public-site-behind-a-proxy?report=" + comment).parse();
            FormElement report = (FormElement) page.selectFirst("form#report-form");
            report.selectFirst("input[value=SPAM]").attr("checked", "checked");
            Connection.Response sent = Jsoup.connect(site.url("/post/public-site-behind-a-proxy")).header("X-Forwarded-For", reader)
                    .data(report.formData()).method(Connection.Method.POST).followRedirects(false).ignoreHttpErrors(true).execute();
            assertTrue(sent.statusCode() < 400, reader + ": " + sent.statusCode());
        }
        assertEquals(3L, ((Number) TestDatabase.single("select count(*) from comment_report where comment_id = ?", comment)).longValue(),
                "three readers, told apart by the address the proxy names");
        assertEquals(true, TestDatabase.single("select hidden_by_reports from comment where id = ?", comment));
    }

    private Connection.Response submitComment(String name, String email, String body) throws IOException {
        Document page = site.get("/post/" + SeedPage.SLUG).parse();
        return SiteClient.fillCommentForm(page, name, email, body).submit().followRedirects(false).ignoreHttpErrors(true).execute();
    }

    private static final String DEMO_CARD = ".post-card h2 a[href$=/post/" + SeedPage.SLUG + "]";

    /** The demo post's card on the front page; other test classes share the database and publish newer posts. */
    private Element demoPostCard() throws IOException {
        for (int page = 1; page <= 10; page++) {
            Document front;
            try {
                front = site.get("/?page=" + page).parse();
            } catch (org.jsoup.HttpStatusException pastTheLastPage) {
                break;
            }
            Element card = front.selectFirst(".post-card:has(" + DEMO_CARD + ")");
            if (card != null) {
                return card;
            }
        }
        throw new AssertionError("the front page lists the demo post");
    }
}
