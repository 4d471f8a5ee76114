package org.newsdesk.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.DeskFixtures;
import org.newsdesk.EditorForTests;
import org.newsdesk.ModeratorForTests;
import org.newsdesk.SeedPage;
import org.newsdesk.SiteClient;
import org.newsdesk.StaffForTests;
import org.newsdesk.TestDatabase;
import org.newsdesk.comment.Comment;
import org.newsdesk.comment.CommentFormToken;
import org.newsdesk.comment.ModerationService;
import org.newsdesk.comment.rules.ModerationSettings;
import org.newsdesk.platform.PageCache;
import org.newsdesk.post.PostDraft;

/**
 * The public pages as caches see them, on a real Payara Micro: one page for every reader, kept in memory
 * with validators and a gzipped copy, and dropped exactly when something it shows changes.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageCacheIT {

    private static final String POST = "/post/" + SeedPage.SLUG;

    @ArquillianResource
    private URL base;

    private final SiteClient site = new SiteClient(() -> base);

    @EJB
    private EditorForTests editor;

    @EJB
    private ModeratorForTests moderator;

    @EJB
    private StaffForTests staff;

    @Inject
    private PageCache cache;

    @Inject
    private CommentFormToken formToken;

    @PersistenceUnit
    private EntityManagerFactory entityManagerFactory;

    @Test
    @Order(1)
    @RunAsClient
    void everyAnonymousReaderGetsTheSameBytes() throws IOException {
        Connection.Response first = site.get(POST);
        // A reader who asked to be remembered, and one with an unrelated cookie, read the same page.
        Connection.Response remembered = Jsoup.connect(site.url(POST))
                .header("Cookie", "newsdesk_commenter=TGF5bGEKbGF5bGFAZXhhbXBsZS5vcmcK").execute();
        Connection.Response other = Jsoup.connect(site.url(POST)).header("Cookie", "analytics=1").execute();
        assertArrayEquals(first.bodyAsBytes(), remembered.bodyAsBytes(), "a remembered reader's page is everyone's");
        assertArrayEquals(first.bodyAsBytes(), other.bodyAsBytes());
        assertEquals(first.header("ETag"), remembered.header("ETag"));
        assertTrue(first.header("Cache-Control").startsWith("public, max-age="), first.header("Cache-Control"));
        assertTrue(first.header("Cache-Control").contains("stale-while-revalidate"));
        assertEquals("Accept-Encoding", first.header("Vary"));
        assertNull(first.header("Set-Cookie"));
        Document page = first.parse();
        assertEquals("", page.selectFirst("#comment-form input[name=token]").val(), "no reader's token is in the shared page");
        assertEquals("", page.selectFirst("[name=comment-form:name]").val());

        // The desk and the sign-in page are nobody's to keep.
        assertEquals("private, no-store", site.get("/login").header("Cache-Control"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void conditionalRequestsAndGzip() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> plain = http.send(request(POST).build(), HttpResponse.BodyHandlers.ofByteArray());
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{20,}\""), "a strong validator: " + etag);
        assertTrue(plain.headers().firstValue("Last-Modified").isPresent());

        HttpResponse<byte[]> zipped = http.send(request(POST).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes());
        assertTrue(zipped.body().length < plain.body().length / 2, "gzip shrinks the page");
        String zippedEtag = zipped.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, zippedEtag, "each representation has its own strong validator");

        for (String validator : List.of(etag, zippedEtag, "\"other\", " + etag)) {
            HttpResponse<byte[]> again = http.send(request(POST).header("If-None-Match", validator).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, again.statusCode(), validator);
            assertEquals(0, again.body().length);
        }
        assertEquals(200, http.send(request(POST).header("If-None-Match", "\"stale\"").build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        String lastModified = plain.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, http.send(request(POST).header("If-Modified-Since", lastModified).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        HttpResponse<byte[]> head = http.send(request(POST).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(etag, head.headers().firstValue("ETag").orElse(null));
    }

    /**
     * Each change drops the pages that show what it changed, and no other: the untouched post's page keeps
     * its bytes (it is not even rendered again), while the touched ones show the change at the next request.
     */
    @Test
    @Order(3)
    void eachChangeReachesExactlyThePagesItTouches() throws Exception {
        staff.ensure();
        long a = DeskFixtures.demoPostCopy("cache-post-a", "Cache post A", null, "published");
        long b = DeskFixtures.demoPostCopy("cache-post-b", "Cache post B", null, "published");
        // Last changed a minute ago: the sitemap's lastmod counts in seconds, and an edit in the second the
        // fixtures were written left it, and the sitemap's bytes, as they were.
        TestDatabase.update("update post set updated_at = now() - interval 1 minute where id in (?, ?)", a, b);
        cache.clear(); // the fixtures were written straight to the database, past every event
        String section = "/section/" + TestDatabase.single("select s.slug from section s join post p on p.section_id = s.id where p.id = ?", a);
        String tag = "/tag/" + TestDatabase.single("select min(t.slug) from tag t join post_tag pt on pt.tag_id = t.id where pt.post_id = ?", a);
        List<String> pages = List.of("/", "/post/cache-post-a", "/post/cache-post-b", POST, section, tag, "/feed", "/feed/atom",
                "/feed" + section, "/feed" + tag + "/atom", "/sitemap.xml", "/sitemap-posts.xml");
        Map<String, String> before = etags(pages);
        assertEquals(before, etags(pages), "nothing changed, every page is served from memory with the same validator");

        // An edit of A's headline: A's page and the lists showing A; not B's page, not the demo post.
        editor.act(p -> {
            PostDraft draft = PostDraft.of(p.post(a));
            draft.setHeadline("Cache post A, revised");
            return p.save(a, p.post(a).getVersion(), draft);
        });
        Map<String, String> afterEdit = etags(pages);
        assertChanged(before, afterEdit, "/", "/post/cache-post-a", section, tag, "/feed", "/feed/atom", "/feed" + section,
                "/feed" + tag + "/atom", "/sitemap.xml", "/sitemap-posts.xml");
        assertUnchanged(before, afterEdit, "/post/cache-post-b", POST);
        assertTrue(body("/post/cache-post-a").contains("Cache post A, revised"), "the change shows at the next request");
        assertTrue(body("/").contains("Cache post A, revised"));

        // A comment approved on B: B's page and the lists that count B's comments; not A's page.
        long comment = DeskFixtures.comment(b, "Cache Reader", "cache@example.org", "Approved: ظهر تعليقي ✅", "PENDING");
        String heldOnB = etags(List.of("/post/cache-post-b")).get("/post/cache-post-b");
        assertEquals(afterEdit.get("/post/cache-post-b"), heldOnB, "a held comment changes no page");
        moderator.act(m -> m.approve(comment));
        Map<String, String> afterApproval = etags(pages);
        assertChanged(afterEdit, afterApproval, "/post/cache-post-b", "/", section, tag);
        assertUnchanged(afterEdit, afterApproval, "/post/cache-post-a", POST, "/sitemap.xml", "/feed/atom", "/feed" + section);
        assertTrue(body("/post/cache-post-b").contains("Approved: ظهر تعليقي ✅"));

        // B unpublished: its page goes, and every list loses it; A's page stays as it was.
        editor.act(p -> {
            p.unpublish(b);
            return null;
        });
        assertEquals(404, status("/post/cache-post-b"));
        Map<String, String> afterUnpublish = etags(List.of("/", "/post/cache-post-a", section, "/feed", "/feed/atom", "/feed" + section,
                "/sitemap-posts.xml"));
        assertChanged(afterApproval, afterUnpublish, "/", section, "/feed", "/feed/atom", "/feed" + section, "/sitemap-posts.xml");
        assertFalse(body("/feed" + section).contains("Cache post B"), "gone from its section's feed");
        assertUnchanged(afterApproval, afterUnpublish, "/post/cache-post-a");
        assertFalse(body("/").contains("Cache post B"));

        // B published again: back on its page and in the lists at the next request.
        editor.act(p -> {
            p.publish(b);
            return null;
        });
        assertEquals(200, status("/post/cache-post-b"));
        assertTrue(body("/").contains("Cache post B"));
    }

    /** The comment form keeps every protection although the page carries no token. */
    @Test
    @Order(4)
    void theFormStillRefusesAnExpiredTokenAndAReaderSeesTheirHeldComment() throws Exception {
        long post = ((Number) TestDatabase.single("select id from post where slug = ?", SeedPage.SLUG)).longValue();
        Document page = site.get(POST).parse();
        FormElement expired = SiteClient.fillCommentForm(page, "Late Reader", "late@example.org", "Written over two days.");
        expired.selectFirst("input[name=token]").val(formToken.issue(post, Instant.now().minus(Duration.ofHours(25))));
        HttpResponse<String> refused = site.postAsBrowser(POST, expired.formData());
        assertEquals(200, refused.statusCode());
        Document answer = Jsoup.parse(refused.body());
        assertEquals("This form has expired. Your comment is still here: please send it again.",
                answer.selectFirst("#comment-form .form-errors").text());
        assertEquals("Written over two days.", answer.selectFirst("[name=comment-form:body]").val());

        // A form sent back for a correction keeps its token, so the writing time counts from the start: a
        // reader who fixes a mistyped address at once is not held as too fast.
        String started = formToken.issue(post, Instant.now().minus(Duration.ofSeconds(60)));
        FormElement mistyped = SiteClient.fillCommentForm(page, "Quick Reader", "not an address", "Κείμενο ✓");
        mistyped.selectFirst("input[name=token]").val(started);
        Document corrected = Jsoup.parse(site.postAsBrowser(POST, mistyped.formData()).body());
        assertEquals("Κείμενο ✓", corrected.selectFirst("[name=comment-form:body]").val());
        assertEquals(started, corrected.selectFirst("#comment-form input[name=token]").val(), "the token it came with");

        // A held comment: shown to its author after the redirect, and on later visits; never to anyone else.
        String text = "Held for now: מחכה לאישור 🙏";
        Connection.Response sent = SiteClient.fillCommentForm(site.get(POST).parse(), "Held Reader", "held@example.org", text)
                .submit().followRedirects(false).execute();
        assertEquals(302, sent.statusCode());
        String held = sent.headers("Set-Cookie").stream().filter(c -> c.startsWith("newsdesk_held=")).findFirst()
                .map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
        Connection.Response mine = Jsoup.connect(URI.create(site.url(POST)).resolve(sent.header("Location")).toString())
                .header("Cookie", held).execute();
        assertTrue(mine.body().contains(text), "the author sees it after the redirect");
        assertTrue(mine.body().contains("Your comment is awaiting moderation."));
        assertEquals("private, no-store", mine.header("Cache-Control"), "a page with their held comment is theirs alone");
        Connection.Response later = Jsoup.connect(site.url(POST)).header("Cookie", held).execute();
        assertTrue(later.body().contains(text), "and on a later visit");
        assertEquals("private, no-store", later.header("Cache-Control"));
        assertFalse(site.get(POST).body().contains(text), "nobody else sees it");
    }

    /**
     * The way comments.js sends the form (to the post page, asking for JSON: no page rendered) takes comments
     * exactly as the form does: the same slips at the same fields, the same token, once, the same held-comment
     * cookie; and nothing of it is cached.
     */
    @Test
    @Order(4)
    void theScriptsWayTakesACommentAsTheFormDoesAndAnswersInJson() throws Exception {
        String text = "Από το σενάριο: تعليق بالعربية, עברית 👍";
        FormElement form = SiteClient.fillCommentForm(site.get(POST).parse(), "Σχολιαστής Σεναρίου", "not an address", text);
        assertEquals(POST + "#respond", form.attr("action"), "the script sends it where the form goes");

        HttpResponse<String> slip = site.postForJson(POST, form.formData());
        assertEquals(400, slip.statusCode());
        assertEquals("private, no-store", slip.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(slip.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("{\"errors\":[{\"field\":\"email\",\"message\":\"This does not look like an email address.\"}]}",
                slip.body());

        form.selectFirst("[name=comment-form:email]").val("script-reader@example.org");
        HttpResponse<String> taken = site.postForJson(POST, form.formData());
        assertEquals(200, taken.statusCode(), taken.body());
        assertEquals("private, no-store", taken.headers().firstValue("Cache-Control").orElse(null));
        long id = ((Number) TestDatabase.single("select id from comment where author_email = ?", "script-reader@example.org"))
                .longValue();
        assertEquals("{\"comment\":" + id + ",\"location\":\"" + POST + "?comment=" + id + "#comment-" + id + "\"}",
                taken.body());
        assertEquals(text, TestDatabase.single("select body from comment where id = ?", id), "stored exactly as typed");
        assertEquals("Σχολιαστής Σεναρίου", TestDatabase.single("select author_name from comment where id = ?", id));
        String heldCookie = taken.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("newsdesk_held="))
                .findFirst().orElseThrow();
        // The reader's own cookie: the site's pages only, out of scripts' reach, not sent on other sites' forms.
        String attributes = heldCookie.toLowerCase(java.util.Locale.ROOT);
        for (String attribute : List.of("; path=/", "; httponly", "; samesite=lax", "; max-age=2592000")) {
            assertTrue(attributes.contains(attribute), heldCookie);
        }
        assertFalse(attributes.contains("; secure"), "not over plain HTTP");
        String held = heldCookie.substring(0, heldCookie.indexOf(';'));
        Connection.Response mine = Jsoup.connect(site.url(POST + "?comment=" + id)).header("Cookie", held).execute();
        assertTrue(mine.body().contains("Your comment is awaiting moderation."), "its author sees it held");
        assertFalse(site.get(POST).body().contains("Σχολιαστής Σεναρίου"), "nobody else sees it");

        HttpResponse<String> again = site.postForJson(POST, form.formData());
        assertEquals(400, again.statusCode());
        assertEquals("{\"errors\":[{\"field\":null,\"message\":\"This comment has already been sent.\"}]}", again.body());
        form.selectFirst("input[name=token]").val("");
        assertEquals("{\"errors\":[{\"field\":null,\"message\":\"This form could not be verified. Please reload the page"
                + " and send your comment again.\"}]}", site.postForJson(POST, form.formData()).body());
        assertEquals(1L, ((Number) TestDatabase.single("select count(*) from comment where author_email = ?",
                "script-reader@example.org")).longValue(), "one comment, however often it was sent");
        form.selectFirst("input[name=post]").val("x");
        assertEquals(400, site.postForJson(POST, form.formData()).statusCode());
    }

    /** Fifty threads a page, each whole; a link to one comment finds its page; the order is a setting. */
    @Test
    @Order(5)
    void commentsComeFiftyThreadsAPageWithThreadsWhole() throws Exception {
        staff.ensure();
        long post = DeskFixtures.demoPostCopy("cache-paged", "Cache paged conversation", null, "published");
        DeskFixtures.comments(post, 120, "Paged Reader");
        long sixtieth = ((Number) TestDatabase.single("select id from comment where post_id = ? and author_name = 'Paged Reader 60'",
                post)).longValue();
        long reply = DeskFixtures.reply(post, sixtieth, "Replier", "A reply to sixty: رد");
        long replyToReply = DeskFixtures.reply(post, reply, "Second Replier", "And a reply to that.");
        cache.clear(); // written past the events

        Document first = Jsoup.parse(body("/post/cache-paged"));
        assertEquals(50, first.select("li.comment").size());
        assertEquals("Paged Reader 1", first.selectFirst("li.comment .author").text(), "oldest first by default");
        assertEquals("122 comments", first.selectFirst("#comments h2").text(), "the count covers every page");
        assertEquals("Page 1 of 3", first.selectFirst(".comment-pages .page-of").text());
        assertNull(first.selectFirst(".comment-pages .older"));
        assertEquals("/post/cache-paged?page=2#comments", first.selectFirst(".comment-pages .newer").attr("href"));

        Document second = Jsoup.parse(body("/post/cache-paged?page=2"));
        List<String> ids = second.select("li.comment").eachAttr("id");
        assertEquals(52, ids.size(), "fifty threads, one of them with two replies");
        int at = ids.indexOf("comment-" + sixtieth);
        assertEquals(List.of("comment-" + reply, "comment-" + replyToReply), ids.subList(at + 1, at + 3), "the thread is whole");
        assertTrue(second.selectFirst("link[rel=canonical]").attr("href").endsWith("/post/cache-paged?page=2"));
        assertEquals(20, Jsoup.parse(body("/post/cache-paged?page=3")).select("li.comment").size());
        for (String missing : List.of("?page=4", "?page=0", "?page=abc")) {
            assertEquals(404, status("/post/cache-paged" + missing), missing);
        }

        Document permalink = Jsoup.parse(body("/post/cache-paged?comment=" + replyToReply));
        assertTrue(permalink.getElementById("comment-" + replyToReply) != null, "a link to a comment opens its page");
        assertEquals("Page 2 of 3", permalink.selectFirst(".comment-pages .page-of").text());

        ModerationSettings before = moderator.act(ModerationService::settings);
        try {
            moderator.act(m -> {
                m.saveSettings(withOrder(before, 50, true));
                return null;
            });
            Document newest = Jsoup.parse(body("/post/cache-paged"));
            assertEquals("Paged Reader 120", newest.selectFirst("li.comment .author").text(),
                    "newest first, visible at once: the setting drops every post page");
            assertEquals("/post/cache-paged?page=2#comments", newest.selectFirst(".comment-pages .older").attr("href"));
        } finally {
            moderator.act(m -> {
                m.saveSettings(before);
                return null;
            });
        }
    }

    /**
     * Rendering without the cache reads a handful of rows, whatever the conversation's size: the same
     * number of statements for a post with 20 comments as for one with 500, and no more comments loaded
     * than a page shows.
     */
    @Test
    @Order(6)
    void queriesPerPageAreFewAndDoNotGrowWithTheComments() throws Exception {
        staff.ensure();
        long twenty = DeskFixtures.demoPostCopy("cache-twenty", "Cache twenty comments", null, "published");
        long fiveHundred = DeskFixtures.demoPostCopy("cache-five-hundred", "Cache five hundred comments", null, "published");
        DeskFixtures.comments(twenty, 20, "Twenty");
        DeskFixtures.comments(fiveHundred, 500, "Five Hundred");
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            long[] small = uncachedCost(statistics, "/post/cache-twenty");
            long[] large = uncachedCost(statistics, "/post/cache-five-hundred");
            long[] front = uncachedCost(statistics, "/");
            System.out.printf("statements per uncached page: post with 20 comments %d, with 500 %d, front page %d%n",
                    small[0], large[0], front[0]);
            assertEquals(small[0], large[0], "as many statements for 500 comments as for 20");
            assertTrue(large[0] <= 8, "a post page takes a handful of statements: " + large[0]);
            assertTrue(large[1] <= 50, "no more comments loaded than the page shows: " + large[1]);
            assertTrue(front[0] <= 6, "the front page too, whatever it lists: " + front[0]);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    /** Statements and comments loaded to render {@code path} with nothing cached; the least of three tries. */
    /**
     * A feed served around the page cache (a request the cache does not share: here, one with a campaign
     * parameter) validates itself the same way: its ETag and Last-Modified move with an edit and with an
     * unpublish of a post in it, not only with a new publish, and an unchanged feed is answered 304.
     */
    @Test
    @Order(7)
    void feedsOutsideTheCacheChangeTheirValidatorsOnAnEditAndAnUnpublish() throws Exception {
        staff.ensure();
        long c = DeskFixtures.demoPostCopy("cache-post-c", "Cache post C", null, "published");
        TestDatabase.update("update post set updated_at = now() - interval 1 hour, published_at = now() - interval 1 hour where id = ?", c);
        String path = "/feed/atom?utm_source=it";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> first = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        assertEquals("private, no-store", first.headers().firstValue("Cache-Control").orElse(null), "not the cache's copy");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, http.send(request(path).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(304, http.send(request(path).header("If-Modified-Since", lastModified).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        editor.act(p -> {
            PostDraft draft = PostDraft.of(p.post(c));
            draft.setHeadline("Cache post C, revised");
            return p.save(c, p.post(c).getVersion(), draft);
        });
        HttpResponse<String> edited = http.send(request(path).header("If-None-Match", etag).header("If-Modified-Since", lastModified).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, edited.statusCode(), "an edit is news to a feed reader");
        assertTrue(edited.body().contains("Cache post C, revised"));
        assertEquals(200, http.send(request(path).header("If-Modified-Since", lastModified).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "Last-Modified moved with the edit");
        String editedTag = edited.headers().firstValue("ETag").orElseThrow();
        String editedTime = edited.headers().firstValue("Last-Modified").orElseThrow();

        Thread.sleep(1_100); // Last-Modified counts in seconds: the unpublish falls in a later one than the edit
        editor.act(p -> {
            p.unpublish(c);
            return null;
        });
        HttpResponse<String> unpublished = http.send(request(path).header("If-None-Match", editedTag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, unpublished.statusCode(), "an unpublish is news too");
        assertFalse(unpublished.body().contains("Cache post C"));
        assertNotEquals(editedTime, unpublished.headers().firstValue("Last-Modified").orElseThrow(), "Last-Modified moved with the unpublish");
    }

    /**
     * Single flight: readers who all ask at once for a page that is not kept (just changed, or never read) get it
     * rendered once, not once each; every one of them gets the same bytes.
     */
    @Test
    @Order(8)
    void concurrentMissesOfOnePageRenderItOnce() throws Exception {
        staff.ensure();
        DeskFixtures.demoPostCopy("cache-rush", "Cache rush: everyone reads it at once", null, "published");
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            long one = uncachedCost(statistics, "/post/cache-rush")[0];
            int readers = 16;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(readers);
            try {
                cache.clear();
                statistics.clear();
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < readers; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return http.send(request("/post/cache-rush").build(), HttpResponse.BodyHandlers.ofString());
                    }));
                }
                start.countDown();
                java.util.Set<String> bodies = new java.util.HashSet<>();
                for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                    assertEquals(200, answer.get().statusCode());
                    bodies.add(answer.get().body());
                }
                long statements = statistics.getPrepareStatementCount();
                System.out.printf("%d readers at once on a page not kept: %d statements (one render: %d)%n", readers, statements, one);
                assertEquals(1, bodies.size(), "every reader got the same page");
                assertTrue(statements < 2 * one, "rendered once, not once per reader: " + statements + " statements, " + one + " a render");
            } finally {
                pool.shutdownNow();
            }
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private long[] uncachedCost(Statistics statistics, String path) throws Exception {
        long[] least = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < 3; i++) {
            cache.clear();
            statistics.clear();
            assertEquals(200, status(path));
            least[0] = Math.min(least[0], statistics.getPrepareStatementCount());
            least[1] = Math.min(least[1], statistics.getEntityStatistics(Comment.class.getName()).getLoadCount());
        }
        return least;
    }

    private static ModerationSettings withOrder(ModerationSettings s, int perPage, boolean newestFirst) {
        return new ModerationSettings(s.holdEverything(), s.honeypot(), s.minimumSeconds(), s.rateLimitCount(),
                s.rateLimitSeconds(), s.refuseDuplicates(), s.maxLinks(), s.disallowedWords(), s.suspectWords(),
                s.holdFirstComment(), s.reportThreshold(), s.closeAfterDays(), s.notifyModerators(), perPage, newestFirst);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(site.url(path)));
    }

    private Map<String, String> etags(List<String> paths) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> etags = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<byte[]> answer = http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, answer.statusCode(), path);
            etags.put(path, answer.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path)));
        }
        return etags;
    }

    private String body(String path) throws Exception {
        return new String(HttpClient.newHttpClient().send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray()).body(),
                StandardCharsets.UTF_8);
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(request(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void assertChanged(Map<String, String> before, Map<String, String> after, String... paths) {
        for (String path : paths) {
            assertNotEquals(before.get(path), after.get(path), path + " shows the change");
        }
    }

    private static void assertUnchanged(Map<String, String> before, Map<String, String> after, String... paths) {
        for (String path : paths) {
            assertEquals(before.get(path), after.get(path), path + " is not touched by the change");
        }
    }
}
