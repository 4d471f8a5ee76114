package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.inbox.Feed;
import org.newsdesk.inbox.FeedReader;
import org.newsdesk.inbox.FeedRefusedException;
import org.newsdesk.inbox.Feeds;
import org.newsdesk.inbox.Inbox;
import org.newsdesk.inbox.InboxQuotes;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.post.Post;
import org.newsdesk.source.SourceSite;

/**
 * The source inbox inside a real Payara Micro against outlets' feeds served by local HTTP servers: every format,
 * a broken feed, a 429 with Retry-After, a feed that moved to another host, a robots.txt that forbids one,
 * an internal address; articles kept once and updated in place, stories across outlets, a keyword watch,
 * quoting a story and a writer's nomination accepted by an editor.
 */
@ExtendWith(ArquillianExtension.class)
class InboxIT {

    @EJB
    private StaffForTests staff;

    @EJB
    private WriterForTests writer;

    @EJB
    private EditorForTests editor;

    @EJB
    private Feeds feeds;

    @EJB
    private FeedReader reader;

    @EJB
    private Inbox inbox;

    @EJB
    private InboxQuotes quotes;

    @EJB
    private OutletService outlets;

    @org.jboss.arquillian.test.api.ArquillianResource
    private java.net.URL base;

    private SourceSite site;
    private SourceSite elsewhere;
    private SourceSite busy;

    @BeforeEach
    void start() {
        if (staff != null) { // in the server, not on the client side of the test
            staff.ensure();
            site = SourceSite.start();
            elsewhere = SourceSite.start();
            busy = SourceSite.start();
        }
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
            elsewhere.close();
            busy.close();
        }
    }

    @Test
    void feedsOfEveryFormatMakeStoriesAcrossOutletsAndAStoryIsQuotedInOnePost() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        // The run below reads every feed due: other tests' feeds wait. Their articles go, since these tell of the same
        // story and would rightly join their cards.
        TestDatabase.update("update outlet_feed set active = false");
        TestDatabase.update("delete from inbox_item");
        TestDatabase.update("delete from inbox_story");
        Outlet times = writer.as(() -> outlets.findOrAdd("Times " + run, "times-" + run + ".example"));
        Outlet wire = writer.as(() -> outlets.findOrAdd("Wire " + run, "wire-" + run + ".example"));
        Outlet harbour = writer.as(() -> outlets.findOrAdd("Harbour " + run, "harbour-" + run + ".example"));
        Outlet sitemap = writer.as(() -> outlets.findOrAdd("Sitemap " + run, "sitemap-" + run + ".example"));

        site.put("/hub", new SourceSite.Page(202, "text/plain", new byte[0], null, null, 0));
        site.put("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n", null);
        site.put("/times/rss.xml", "application/rss+xml; charset=utf-8", rss(run, "Iraqi militias debate a pause in attacks on US forces after the Jordan strike"), "\"t1\"");
        site.put("/wire/atom.xml", "application/atom+xml", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><link href="%1$s"/><link rel="hub" href="%2$s"/>
                <id>urn:wire</id><updated>2026-12-07T06:00:00Z</updated>
                <entry><title>Iraq's militia leaders debate a pause in attacks on US forces</title><id>urn:wire:1</id>
                <link href="/og"/><updated>2026-12-07T06:00:00Z</updated>
                <summary>Armed factions weigh halting attacks on American troops in Iraq and Syria.</summary></entry></feed>"""
                .formatted(site.url("/wire/"), site.url("/hub")), null);
        site.put("/harbour/feed.json", "application/feed+json", """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Harbour",
                 "items": [{"id": "h1", "url": "%s", "title": "Militias in Iraq weigh pausing attacks on US forces",
                            "summary": "الفصائل العراقية تبحث وقف الهجمات على القوات الأمريكية", "date_published": "2026-12-07T07:00:00Z"}]}"""
                .formatted(site.url("/time")), null);
        site.put("/sitemap/news.xml", "application/xml", """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>%s</loc><news:news><news:publication><news:name>Sitemap</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2026-12-07T05:00:00Z</news:publication_date><news:title>Parliament passes the budget after a long night</news:title>
                </news:news></url></urlset>""".formatted(site.url("/budget")), null);
        // Broken as real feeds are: declared UTF-8, written in Windows-1252, a bare ampersand.
        site.put("/broken.xml", new SourceSite.Page(200, "text/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Caf\u00e9</title><item><title>Caf\u00e9 owners & the new tax</title><link>" + site.url("/cafe") + "</link></item>"
                + "</channel></rss>").getBytes(java.nio.charset.Charset.forName("windows-1252")), null, null, 0));
        // A 429 leaves its host alone as long as it asks: on a host of its own, so the others are read meanwhile.
        busy.put("/busy.xml", new SourceSite.Page(429, "text/plain", "slow down".getBytes(), null, null, 0));
        busy.header("/busy.xml", "Retry-After", "600");
        site.put("/private/feed.xml", "application/rss+xml", rss(run, "Never read"), null);
        site.put("/old.xml", new SourceSite.Page(301, "text/html", new byte[0], null, elsewhere.url("/feed.xml"), 0));
        elsewhere.put("/feed.xml", "application/rss+xml", """
                <rss version="2.0"><channel><title>Moved</title><item><title>A feed that moved to another host</title>
                <link>%s</link><guid>moved-1</guid></item></channel></rss>""".formatted(elsewhere.url("/moved-article")), null);
        site.put("/home", SourceSite.Page.html("<html><head><title>Harbour</title><link rel=\"alternate\" type=\"application/feed+json\" href=\"/harbour/feed.json\">"
                + "</head><body>home</body></html>"));

        // Relative links in the RSS feed resolve against the feed's address.
        // Added by address; the page at /home is discovered to its JSON Feed.
        Feed rssFeed = editor.as(() -> feeds.add(site.url("/times/rss.xml"), times.getId(), "World").feed());
        Feed atomFeed = editor.as(() -> feeds.add(site.url("/wire/atom.xml"), wire.getId(), null).feed());
        Feed jsonFeed = editor.as(() -> feeds.add(site.url("/home"), harbour.getId(), null).feed());
        assertEquals(site.url("/harbour/feed.json"), jsonFeed.getUrl(), "discovered from the page's <link rel=alternate>");
        assertEquals(site.url("/hub"), atomFeed.getHubUrl(), "the WebSub hub the feed names");
        editor.as(() -> feeds.add(site.url("/sitemap/news.xml"), sitemap.getId(), null));
        editor.as(() -> feeds.add(site.url("/broken.xml"), times.getId(), null));
        FeedRefusedException again = assertThrows(FeedRefusedException.class, () -> editor.as(() -> feeds.add(site.url("/times/rss.xml"), times.getId(), null)));
        assertTrue(again.getMessage().contains("followed already"), again.getMessage());
        for (String internal : List.of("http://10.1.2.3/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://localhost:" + site.port() + "/times/rss.xml")) {
            FeedRefusedException refused = assertThrows(FeedRefusedException.class, () -> editor.as(() -> feeds.add(internal, times.getId(), null)), internal);
            assertTrue(refused.getMessage().contains("Newsdesk does not read pages there"), refused.getMessage());
        }
        // Feeds that only the reader meets: a 429, robots.txt, a move, an internal address stored before a rule changed.
        for (String url : List.of(busy.url("/busy.xml"), site.url("/private/feed.xml"), site.url("/old.xml"))) {
            TestDatabase.update("insert into outlet_feed (outlet_id, url, url_hash, next_read_at, created_at) values (?, ?, sha2(?, 256), utc_timestamp() - interval 1 second, utc_timestamp() - interval 1 second)",
                    times.getId(), url, url);
        }
        TestDatabase.update("insert into outlet_feed (outlet_id, url, url_hash, next_read_at, created_at) values (?, ?, sha2(?, 256), utc_timestamp() - interval 1 second, utc_timestamp() - interval 1 second)",
                times.getId(), "http://10.1.2.3/feed-" + run + ".xml", "http://10.1.2.3/feed-" + run + ".xml");
        editor.as(() -> {
            inbox.addWatch("militias");
            return null;
        });

        int requestsBefore = site.hits().size();
        FeedReader.RunReport first = editor.as(() -> reader.runNow());
        assertNull(first.skipped(), first.toString());
        assertEquals(7, first.feeds(), "read: the five added, the 429 and the moved one; " + first);
        assertEquals(2, first.robotsRefused(), "not read: robots.txt forbids one, the other's host cannot be asked; " + first);
        assertTrue(site.hits().stream().skip(requestsBefore).noneMatch(h -> h.path().startsWith("/private/")), "robots.txt obeyed");

        assertEquals(4L, count("select count(*) from inbox_item where outlet_id = ?", times.getId()),
                "the Times feed's two articles, the broken feed's one, the moved feed's one");
        assertEquals(1L, count("select count(*) from inbox_item where url = ?", site.url("/jsonld")));
        assertEquals("Café owners & the new tax", TestDatabase.single("select title from inbox_item where url = ?", site.url("/cafe")));
        assertTrue(lastError(site.url("/private/feed.xml")).contains("robots.txt"), lastError(site.url("/private/feed.xml")));
        assertTrue(lastError("http://10.1.2.3/feed-" + run + ".xml").contains("private-network address"), lastError("http://10.1.2.3/feed-" + run + ".xml"));
        assertEquals(429, ((Number) TestDatabase.single("select last_status from outlet_feed where url = ?", busy.url("/busy.xml"))).intValue());
        Instant busyNext = ((java.time.LocalDateTime) TestDatabase.single("select next_read_at from outlet_feed where url = ?", busy.url("/busy.xml")))
                .toInstant(java.time.ZoneOffset.UTC);
        assertTrue(busyNext.isAfter(Instant.now().plusSeconds(500)), "waits as Retry-After asks: " + busyNext);
        assertEquals(1L, count("select count(*) from outlet_feed where url = ?", elsewhere.url("/feed.xml")), "the moved feed follows its new address");
        assertEquals(1L, count("select count(*) from inbox_item where url = ?", elsewhere.url("/moved-article")));

        // WebSub: the run asked the Atom feed's hub to subscribe; the hub verifies, then pushes a new article, signed.
        assertTrue(site.hits().stream().anyMatch(h -> h.path().equals("/hub")), "the hub was asked");
        String secret = (String) TestDatabase.single("select websub_secret from outlet_feed where id = ?", atomFeed.getId());
        assertNotNull(secret);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String callback = base.toString().replaceAll("/+$", "") + "/websub/" + atomFeed.getId();
        java.net.http.HttpResponse<String> verified = http.send(java.net.http.HttpRequest.newBuilder(URI.create(callback + "?hub.mode=subscribe&hub.topic="
                + java.net.URLEncoder.encode(atomFeed.getUrl(), java.nio.charset.StandardCharsets.UTF_8) + "&hub.challenge=ch4ll3nge&hub.lease_seconds=3600")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, verified.statusCode());
        assertEquals("ch4ll3nge", verified.body());
        assertNotNull(TestDatabase.single("select websub_until from outlet_feed where id = ?", atomFeed.getId()));
        assertEquals(404, http.send(java.net.http.HttpRequest.newBuilder(URI.create(callback + "?hub.mode=subscribe&hub.topic=https%3A%2F%2Fother.example%2F"
                + "&hub.challenge=x")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode(), "another topic is not ours");
        String pushed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2026-12-07T09:00:00Z</updated>
                <entry><title>Pushed at once %s</title><id>urn:wire:pushed</id><link href="%s"/><updated>2026-12-07T09:00:00Z</updated></entry></feed>"""
                .formatted(run, site.url("/pushed"));
        byte[] body = pushed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        assertEquals(202, http.send(java.net.http.HttpRequest.newBuilder(URI.create(callback)).header("Content-Type", "application/atom+xml")
                .header("X-Hub-Signature", "sha256=" + "0".repeat(64)).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(0L, count("select count(*) from inbox_item where url = ?", site.url("/pushed")), "a push signed wrongly is ignored");
        assertEquals(202, http.send(java.net.http.HttpRequest.newBuilder(URI.create(callback)).header("Content-Type", "application/atom+xml")
                .header("X-Hub-Signature", signature).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(1L, count("select count(*) from inbox_item where url = ? and story_id is not null", site.url("/pushed")),
                "the pushed article is in the inbox at once, in a story");

        // One story of three outlets; the budget and the café stay apart.
        Inbox.Page page = editor.as(() -> inbox.page(new Inbox.Filter(null, null, null, null, null, false, false, false, null, null)));
        Inbox.Story militias = page.stories().stream().filter(s -> s.articles().size() == 3).findFirst()
                .orElseThrow(() -> new AssertionError(page.stories().stream().map(s -> s.story().getTitle() + " " + s.outlets()).toList().toString()));
        assertEquals(Set.of(times.getName(), wire.getName(), harbour.getName()), Set.copyOf(militias.outlets()));
        Inbox.Story budget = page.stories().stream().filter(s -> s.story().getTitle().startsWith("Parliament passes")).findFirst().orElseThrow();
        assertEquals(1, budget.articles().size());
        // Words: every one required, a word finds its longer forms, short ones ("US") too; Arabic as typed.
        for (String words : List.of("militia US", "Iraq attacks forces", "الفصائل")) {
            Inbox.Page found = editor.as(() -> inbox.page(new Inbox.Filter(null, null, null, words, null, false, false, false, null, null)));
            assertEquals(militias.story().getId(), found.stories().get(0).story().getId(), words);
        }
        assertTrue(editor.as(() -> inbox.page(new Inbox.Filter(null, null, null, "militia football", null, false, false, false, null, null)))
                .stories().isEmpty(), "every word is required");
        List<Inbox.Watch> watches = editor.as(() -> inbox.watches());
        assertEquals(2, watches.get(0).newHits(), "the two titles with the word militias: " + watches);
        Inbox.Page filtered = editor.as(() -> inbox.page(new Inbox.Filter(null, null, null, null, watches.get(0).id(), false, false, false, null, null)));
        assertEquals(militias.story().getId(), filtered.stories().get(0).story().getId());

        // Read again: a 304 for the unchanged feed, a changed title merged into the same article.
        site.put("/times/rss.xml", "application/rss+xml; charset=utf-8",
                rss(run, "Iraqi militias debate a pause in attacks on US forces after the strike in Jordan"), "\"t2\"");
        TestDatabase.update("update outlet_feed set next_read_at = utc_timestamp() - interval 1 second where outlet_id in (?, ?, ?, ?)", times.getId(), wire.getId(), harbour.getId(), sitemap.getId());
        long itemsBefore = count("select count(*) from inbox_item");
        FeedReader.RunReport second = editor.as(() -> reader.runNow());
        assertEquals(itemsBefore, count("select count(*) from inbox_item"), "each article kept once: " + second);
        assertTrue(second.notModified() >= 0 && second.newItems() == 0, second.toString());
        assertEquals("Iraqi militias debate a pause in attacks on US forces after the strike in Jordan",
                TestDatabase.single("select title from inbox_item where outlet_id = ? and guid_hash = sha2(?, 256)", times.getId(), "times-" + run + "-1"));

        // Quote the story: one post, one excerpt per outlet, the articles marked quoted.
        List<Long> perOutlet = editor.as(() -> inbox.onePerOutlet(militias.story().getId()));
        assertEquals(3, perOutlet.size());
        InboxQuotes.Quoted quoted = editor.as(() -> quotes.quote(perOutlet, null));
        assertEquals(List.of(), quoted.refused());
        Post post = editor.act(p -> p.post(quoted.postId()));
        assertEquals(3, post.getExcerpts().size());
        assertEquals(Set.of(times.getId(), wire.getId(), harbour.getId()),
                post.getExcerpts().stream().map(e -> e.getOutlet().getId()).collect(Collectors.toSet()));
        assertEquals(3L, count("select count(*) from inbox_item where quoted_post_id = ?", quoted.postId()));
        Inbox.Page after = editor.as(() -> inbox.page(new Inbox.Filter(null, null, null, null, null, false, false, false, null, null)));
        Inbox.Story coveredNow = after.stories().stream().filter(s -> s.story().getId().equals(militias.story().getId())).findFirst().orElseThrow();
        assertEquals(quoted.postId(), coveredNow.coveredPostId());
        assertNotNull(coveredNow.articles().get(0).quotedBy());

        // A writer nominates the budget article; an editor accepts it, which quotes it.
        long budgetItem = budget.articles().get(0).item().getId();
        site.put("/budget", SourceSite.Page.html(site.saved("jsonld-only.html")));
        writer.as(() -> {
            inbox.nominate(budgetItem, "Worth a round-up tomorrow");
            return null;
        });
        assertThrows(Exception.class, () -> writer.as(() -> inbox.openNominations()), "writers do not decide");
        Inbox.OpenNomination open = editor.as(() -> inbox.openNominations()).stream().filter(n -> n.itemId() == budgetItem).findFirst().orElseThrow();
        assertEquals("Worth a round-up tomorrow", open.note());
        InboxQuotes.Quoted accepted = editor.as(() -> quotes.accept(open.id(), "Yes"));
        assertEquals("ACCEPTED", TestDatabase.single("select status from inbox_nomination where id = ?", open.id()));
        assertEquals(accepted.postId(), ((Number) TestDatabase.single("select quoted_post_id from inbox_item where id = ?", budgetItem)).longValue());
    }

    @Test
    void opmlComesInAndGoesOut() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Outlet outlet = writer.as(() -> outlets.findOrAdd("OPML " + run, "opml-" + run + ".example"));
        site.put("/opml/a.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>A</title></channel></rss>", null);
        Feed known = editor.as(() -> feeds.add(site.url("/opml/a.xml"), outlet.getId(), null).feed());
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Reader export</title></head><body>
                <outline text="OPML %1$s" title="OPML %1$s">
                  <outline type="rss" text="Known" xmlUrl="%2$s" htmlUrl="https://opml-%1$s.example/"/>
                  <outline type="rss" text="العالم" title="العالم" xmlUrl="https://opml-%1$s.example/world.xml" htmlUrl="https://opml-%1$s.example/"/>
                </outline>
                <outline text="Politics">
                  <outline type="rss" text="Other" xmlUrl="https://other-%1$s.example/politics.rss" htmlUrl="https://other-%1$s.example/"/>
                </outline>
                <outline type="rss" text="Internal" xmlUrl="http://10.0.0.7/feed.xml"/>
                </body></opml>""".formatted(run, known.getUrl());
        Feeds.OpmlImport imported = editor.as(() -> feeds.importOpml(opml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(2, imported.added(), imported.toString());
        assertEquals(2, imported.skipped().size(), imported.toString());
        assertTrue(imported.skipped().stream().anyMatch(s -> s.english().contains("followed already")), imported.toString());
        assertTrue(imported.skipped().stream().anyMatch(s -> s.english().contains("private-network")), imported.toString());
        assertEquals(outlet.getId(), ((Number) TestDatabase.single("select outlet_id from outlet_feed where url = ?",
                "https://opml-" + run + ".example/world.xml")).longValue(), "filed under the registered outlet of its site");
        assertEquals("العالم", TestDatabase.single("select title from outlet_feed where url = ?", "https://opml-" + run + ".example/world.xml"));
        assertEquals("Politics", TestDatabase.single("select section from outlet_feed where url = ?", "https://other-" + run + ".example/politics.rss"));
        String exported = editor.as(() -> feeds.exportOpml());
        assertTrue(exported.contains("xmlUrl=\"https://opml-" + run + ".example/world.xml\""), exported);
        assertTrue(exported.contains("العالم"), exported);
        FeedRefusedException notOpml = assertThrows(FeedRefusedException.class, () -> editor.as(() -> feeds.importOpml("<html>no</html>".getBytes())));
        assertTrue(notOpml.getMessage().contains("lists no feeds"), notOpml.getMessage());
        assertThrows(Exception.class, () -> writer.as(() -> feeds.importOpml(opml.getBytes())), "writers do not change the feeds");
    }

    private static String rss(String run, String firstTitle) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Times</title><link>https://times.example/</link>
                <item><title>%s</title><link>%s</link><guid isPermaLink="false">times-%s-1</guid>
                <description>&lt;p&gt;Armed factions backed by Iran weigh halting their attacks on American troops.&lt;/p&gt;</description>
                <pubDate>Mon, 07 Dec 2026 08:00:00 GMT</pubDate></item>
                <item><title>Football: Al-Shorta win the cup final on penalties</title><link>%s</link><guid isPermaLink="false">times-%s-2</guid></item>
                </channel></rss>""".formatted(firstTitle, "/jsonld", run, "/football", run);
    }

    private static long count(String sql, Object... parameters) {
        return ((Number) TestDatabase.single(sql, parameters)).longValue();
    }

    private static String lastError(String url) {
        Object error = TestDatabase.single("select last_error from outlet_feed where url = ?", url);
        if (error == null) {
            return "";
        }
        // Stored as a phrase, to be worded in each reader's desk language.
        return org.newsdesk.platform.Phrase.restore(error.toString()).orElseThrow(() -> new AssertionError("not a stored phrase: " + error)).english();
    }
}
