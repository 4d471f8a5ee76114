package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.drift.DriftMonitor;
import org.newsdesk.drift.SourceDrifts;
import org.newsdesk.media.TestImages;
import org.newsdesk.media.Upload;
import org.newsdesk.post.ExcerptDraft;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostDraft;
import org.newsdesk.source.ArticleImport;
import org.newsdesk.source.SourceImports;
import org.newsdesk.source.SourceRefusedException;
import org.newsdesk.source.SourceSite;

/**
 * The aggregation tools against a real source site (a local HTTP server serving saved pages) from inside a
 * real Payara Micro: import from a URL through the role-checked EJB, what it fills and what it refuses; the
 * drift monitor across runs, with pages the test changes between them; corrections readers see.
 */
@ExtendWith(ArquillianExtension.class)
class SourcesIT {

    @EJB
    private StaffForTests staff;

    @EJB
    private WriterForTests writer;

    @EJB
    private EditorForTests editor;

    @EJB
    private SourceImports imports;

    @EJB
    private DriftMonitor monitor;

    @EJB
    private SourceDrifts drifts;

    @ArquillianResource
    private URL base;

    private SourceSite site;

    @BeforeEach
    void start() {
        if (staff != null) { // in the server, not on the client side of the test
            staff.ensure();
            site = SourceSite.start();
        }
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void importFillsWhatEachPageOffersAndRefusesWhatItMust() throws Exception {
        List<Long> millis = new ArrayList<>();
        ArticleImport jsonLd = writer.as(() -> imports.read(site.url("/jsonld")));
        millis.add(jsonLd.took().toMillis());
        assertEquals("Iraq's militia leaders debate a pause in attacks on US forces", jsonLd.article().headline().value());
        assertEquals(LocalDate.of(2024, 2, 4), jsonLd.article().publishedOn().value());
        if (jsonLd.outletId() == null) {
            assertEquals("The Wire", jsonLd.proposedOutletName(), "proposed from the page's publisher");
            assertNull(jsonLd.proposedOutletDomain(), "never an IP address as the outlet's domain");
        } else {
            // The registry has THE WIRE (on another domain) once a test of this deployment made it: the page's
            // "The Wire" is that outlet, found by its name, not a second one.
            assertEquals("THE WIRE", jsonLd.outletName().toUpperCase(java.util.Locale.ROOT));
            assertEquals("the registry, by the name the page gives", jsonLd.outletWhere());
        }

        ArticleImport og = writer.as(() -> imports.read(site.url("/moved")));
        millis.add(og.took().toMillis());
        assertEquals(site.url("/2024/01/31/israel-gaza-ceasefire-talks/"), og.article().canonicalUrl().value());
        assertEquals("Harbour Post", og.proposedOutletName());

        ArticleImport plain = writer.as(() -> imports.read(site.url("/time")));
        millis.add(plain.took().toMillis());
        assertEquals("الفصائل العراقية تبحث وقف الهجمات على القوات الأمريكية", plain.article().headline().value());
        assertEquals(LocalDate.of(2024, 1, 30), plain.article().publishedOn().value());
        System.out.println("Import time per URL (ms): " + millis);

        Map<String, String> refusals = new TreeMap<>();
        for (String address : List.of("http://localhost:" + site.port() + "/og", site.url("/to-private"), site.url("/gone"),
                site.url("/huge"), site.url("/slow"), site.url("/loop"), "ftp://127.0.0.1/file", "http://169.254.169.254/latest/meta-data/")) {
            SourceRefusedException refused = assertThrows(SourceRefusedException.class, () -> writer.as(() -> imports.read(address)), address);
            refusals.put(address, refused.getMessage());
        }
        assertTrue(refusals.get("http://localhost:" + site.port() + "/og").contains("leads to 127.0.0.1, a loopback address; Newsdesk does not read pages there."),
                refusals.toString());
        assertTrue(refusals.get(site.url("/to-private")).contains("It redirected to 10.1.2.3, a private-network address; Newsdesk does not read pages there."),
                refusals.toString());
        assertTrue(refusals.get(site.url("/gone")).contains("has no page at this address (404)"), refusals.toString());
        assertTrue(refusals.get(site.url("/huge")).contains("larger than 2 MB"), refusals.toString());
        assertTrue(refusals.get(site.url("/slow")).contains("did not answer within 3 seconds"), refusals.toString());
        assertTrue(refusals.get(site.url("/loop")).contains("redirected more than 5 times"), refusals.toString());
        assertTrue(refusals.get("ftp://127.0.0.1/file").startsWith("Only http:// and https://"), refusals.toString());
        assertTrue(refusals.get("http://169.254.169.254/latest/meta-data/").contains("169.254.169.254 is a link-local address"), refusals.toString());

        // The lead image comes into the library with the caption and credit the page gives.
        site.put("/photo.jpg", new SourceSite.Page(200, "image/jpeg", TestImages.busyJpeg(320, 200, System.nanoTime()), null, null, 0));
        Upload upload = writer.as(() -> imports.importImage(jsonLd.article().image()));
        assertEquals("AP Photo/Hadi Mizban", TestDatabase.single("select default_credit from photo where id = ?", upload.photo().getId()));
        assertEquals("A convoy on the road to Baghdad airport.", TestDatabase.single("select default_caption from photo where id = ?", upload.photo().getId()));
        assertTrue(site.hits().stream().noneMatch(SourceSite.Hit::cookie), "no cookie ever goes back");
        assertTrue(site.hits().stream().allMatch(h -> "Newsdesk/1 (+https://news.newsdesk.test)".equals(h.userAgent())),
                site.hits().get(0).userAgent());
    }

    @Test
    void theDriftMonitorRecordsEachKindOfChangeOncePolitely() throws Exception {
        site.put("/robots.txt", new SourceSite.Page(200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8),
                null, null, 0));
        site.put("/a/headline", SourceSite.Page.html(site.saved("jsonld-only.html")));
        site.put("/a/correction", SourceSite.Page.html(site.saved("opengraph-only.html")));
        site.put("/a/paywall", SourceSite.Page.html(site.saved("time-only.html")));
        site.put("/a/gone", SourceSite.Page.html(site.saved("opengraph-only.html")));
        site.put("/a/moved", SourceSite.Page.html(site.saved("opengraph-only.html")));
        site.put("/a/same", SourceSite.Page.html(site.saved("opengraph-only.html")).withEtag("\"same-1\""));
        site.put("/private/hidden", SourceSite.Page.html(site.saved("opengraph-only.html")));
        List<String> paths = List.of("/a/headline", "/a/correction", "/a/paywall", "/a/gone", "/a/moved", "/a/same", "/private/hidden");

        PostDraft draft = new PostDraft();
        draft.setHeadline("Sources that will change " + System.nanoTime());
        for (String path : paths) {
            ExcerptDraft excerpt = draft.addExcerpt();
            excerpt.setNewOutletName("THE WIRE");
            excerpt.setNewOutletDomain("wire.example");
            excerpt.setArticleUrl(site.url(path));
            excerpt.setOriginalPublishedOn(LocalDate.of(2024, 2, 4));
            excerpt.setBodyText("A paragraph quoted from the source.");
        }
        Post post = editor.act(p -> p.create(draft));
        editor.act(p -> { p.publish(post.getId()); return null; });
        // Every other source in the shared test database was read a moment ago: not due in this test.
        TestDatabase.update("insert ignore into source_check (article_url, url_hash, host, next_check_at, watch_until)"
                + " select distinct e.article_url, sha2(e.article_url, 256), 'elsewhere', now() + interval 1 day, now() + interval 14 day"
                + " from excerpt e where e.article_url is not null and e.article_url not like ?", "http://127.0.0.1:" + site.port() + "/%");
        TestDatabase.update("update source_check set next_check_at = now() + interval 1 day where article_url not like ?",
                "http://127.0.0.1:" + site.port() + "/%");

        DriftMonitor.RunReport first = editor.as(() -> monitor.runNow());
        assertNull(first.skipped(), String.valueOf(first.skipped()));
        assertEquals(6, first.read(), first.toString());
        assertEquals(1, first.robotsRefused(), "robots.txt keeps /private/ from robots: " + first);
        assertEquals(0, first.changes(), "the first read is what later ones are compared with: " + first);

        site.put("/a/headline", SourceSite.Page.html(site.saved("jsonld-only.html")
                .replace("Iraq&#39;s militia leaders debate a pause in attacks on US forces", "Iraq's militias announce a pause in attacks")));
        site.put("/a/correction", SourceSite.Page.html(site.saved("opengraph-only.html").replace("</article>",
                "<p class=\"correction\">Correction: An earlier version of this article misstated the day of the talks.</p></article>")));
        site.put("/a/paywall", SourceSite.Page.html(site.saved("time-only.html").replace("</head>",
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":false}</script></head>")));
        site.put("/a/gone", new SourceSite.Page(410, "text/html", "<h1>Gone</h1>".getBytes(StandardCharsets.UTF_8), null, null, 0));
        site.put("/a/moved", new SourceSite.Page(301, "text/html", new byte[0], null, "/b/moved-here", 0));
        site.put("/b/moved-here", SourceSite.Page.html(site.saved("opengraph-only.html")));
        makeDue();
        DriftMonitor.RunReport second = editor.as(() -> monitor.runNow());
        assertEquals(5, second.changes(), second.toString());
        assertEquals(1, second.notModified(), "the unchanged page answered the conditional GET with 304: " + second);

        makeDue();
        DriftMonitor.RunReport third = editor.as(() -> monitor.runNow());
        assertEquals(0, third.changes(), "a change is recorded once, however often it is read again: " + third);

        List<List<Object>> recorded = TestDatabase.query("select d.kind, d.before_value, d.after_value from source_drift d"
                + " join source_check s on s.id = d.source_check_id where s.article_url like ? order by d.kind", "http://127.0.0.1:" + site.port() + "/%");
        Map<String, List<Object>> byKind = recorded.stream().collect(Collectors.toMap(r -> (String) r.get(0), r -> r));
        assertEquals(5, recorded.size(), recorded.toString());
        assertEquals(List.of("CORRECTION", "GONE", "HEADLINE", "MOVED", "PAYWALL"), new ArrayList<>(new TreeMap<>(byKind).keySet()));
        assertEquals("Iraq's militia leaders debate a pause in attacks on US forces", byKind.get("HEADLINE").get(1));
        assertEquals("Iraq's militias announce a pause in attacks", byKind.get("HEADLINE").get(2));
        assertEquals("Correction: An earlier version of this article misstated the day of the talks.", byKind.get("CORRECTION").get(2));
        assertEquals("410 Gone", byKind.get("GONE").get(2));
        assertEquals(site.url("/b/moved-here"), byKind.get("MOVED").get(2));

        // Politeness: one request at a time, at least the interval (1 s here) apart on one host; robots.txt read once.
        List<SourceSite.Hit> hits = new ArrayList<>(site.hits());
        for (int i = 1; i < hits.size(); i++) {
            long gapMillis = (hits.get(i).atNanos() - hits.get(i - 1).atNanos()) / 1_000_000;
            assertTrue(gapMillis >= 950 || hits.get(i).path().equals("/b/moved-here"),
                    "requests " + hits.get(i - 1).path() + " and " + hits.get(i).path() + " only " + gapMillis + " ms apart");
        }
        assertEquals(1, hits.stream().filter(h -> h.path().equals("/robots.txt")).count());
        assertTrue(hits.stream().noneMatch(h -> h.path().startsWith("/private/")), "robots.txt is obeyed");
        assertTrue(hits.stream().anyMatch(h -> h.path().equals("/a/same") && "\"same-1\"".equals(h.ifNoneMatch())), "conditional GET");

        // The desk lists each change with the post quoting it; a correction goes under the post for readers.
        List<SourceDrifts.Row> open = editor.as(() -> drifts.list(true, 1));
        SourceDrifts.Row headline = open.stream().filter(r -> r.drift().getKind().name().equals("HEADLINE")
                && r.drift().getSource().getArticleUrl().equals(site.url("/a/headline"))).findFirst().orElseThrow();
        assertEquals(post.getId(), headline.quoting().get(0).postId());
        assertEquals(1, headline.quoting().get(0).excerptNumber());
        String note = "THE WIRE changed its headline — العنوان تغيّر · הכותרת שונתה 📰";
        editor.as(() -> { drifts.correct(headline.drift().getId(), post.getId(), note); return null; });
        assertNotNull(TestDatabase.single("select handled_at from source_drift where id = ?", headline.drift().getId()));
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "post/" + post.getSlug())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertTrue(page.contains(note), "the correction is under the post, as typed");

        // Once per cluster: while another instance holds the lease, a run does nothing.
        TestDatabase.update("update job_lease set holder = 'another', held_until = now() + interval 5 minute where name = 'source-drift'");
        try {
            DriftMonitor.RunReport skipped = editor.as(() -> monitor.runNow());
            assertEquals("Another instance is checking sources now.", skipped.skipped());
        } finally {
            TestDatabase.update("update job_lease set held_until = '2000-01-01' where name = 'source-drift'");
        }
        assertFalse(open.isEmpty());
    }

    /**
     * A source that moved to another host: the redirect waits for that host's turn as the host's own sources do, so
     * every request to it, the redirect's included, is at least the interval (1 s here) after the one before.
     */
    @Test
    void aRedirectToAnotherHostWaitsForThatHostsTurn() throws Exception {
        try (SourceSite other = SourceSite.start()) {
            site.put("/c/moving", SourceSite.Page.html(site.saved("opengraph-only.html")));
            other.put("/c/staying", SourceSite.Page.html(other.saved("opengraph-only.html")));
            PostDraft draft = new PostDraft();
            draft.setHeadline("A source that moves to another site " + System.nanoTime());
            for (String url : List.of(site.url("/c/moving"), other.url("/c/staying"))) {
                ExcerptDraft excerpt = draft.addExcerpt();
                excerpt.setNewOutletName("THE WIRE");
                excerpt.setNewOutletDomain("wire.example");
                excerpt.setArticleUrl(url);
                excerpt.setOriginalPublishedOn(LocalDate.of(2024, 2, 4));
                excerpt.setBodyText("A paragraph quoted from the source.");
            }
            Post post = editor.act(p -> p.create(draft));
            editor.act(p -> { p.publish(post.getId()); return null; });
            String ours = "http://127.0.0.1:" + site.port() + "/%";
            String theirs = "http://127.0.0.1:" + other.port() + "/%";
            TestDatabase.update("insert ignore into source_check (article_url, url_hash, host, next_check_at, watch_until)"
                    + " select distinct e.article_url, sha2(e.article_url, 256), 'elsewhere', now() + interval 1 day, now() + interval 14 day"
                    + " from excerpt e where e.article_url is not null and e.article_url not like ? and e.article_url not like ?", ours, theirs);
            TestDatabase.update("update source_check set next_check_at = now() + interval 1 day where article_url not like ? and article_url not like ?",
                    ours, theirs);

            DriftMonitor.RunReport first = editor.as(() -> monitor.runNow());
            assertEquals(2, first.read(), first.toString());

            site.put("/c/moving", new SourceSite.Page(301, "text/html", new byte[0], null, other.url("/c/moved-here"), 0));
            other.put("/c/moved-here", SourceSite.Page.html(other.saved("opengraph-only.html")));
            TestDatabase.update("update source_check set next_check_at = now() - interval 1 second where article_url like ? or article_url like ?",
                    ours, theirs);
            DriftMonitor.RunReport second = editor.as(() -> monitor.runNow());
            assertEquals(2, second.read(), second.toString());

            List<SourceSite.Hit> hits = new ArrayList<>(other.hits());
            assertTrue(hits.stream().anyMatch(h -> h.path().equals("/c/moved-here")), "the redirect was followed: " + hits);
            for (int i = 1; i < hits.size(); i++) {
                long gapMillis = (hits.get(i).atNanos() - hits.get(i - 1).atNanos()) / 1_000_000;
                assertTrue(gapMillis >= 950, "requests " + hits.get(i - 1).path() + " and " + hits.get(i).path() + " only " + gapMillis + " ms apart");
            }
        }
    }

    private void makeDue() {
        TestDatabase.update("update source_check set next_check_at = now() - interval 1 second where article_url like ?",
                "http://127.0.0.1:" + site.port() + "/%");
    }
}
