package org.newsdesk.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.source.SourceFetcher.Expect;

/** Import from a URL against a real HTTP server serving saved pages of several shapes, and what it must refuse. */
class SourceFetcherTest {

    private static SourceSite site;
    private static SourceFetcher fetcher;

    @BeforeAll
    static void start() {
        site = SourceSite.start();
        // The site's own two ports only: another service on 127.0.0.1 must stay out of reach.
        fetcher = new SourceFetcher(new SourceFetcher.Limits(Duration.ofSeconds(2), 1024 * 1024, 3,
                AllowedHosts.parse("127.0.0.1:" + site.port() + ", 127.0.0.1:" + site.bulkPort())), "Newsdesk/1 (+https://news.example.com/)");
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        site.close();
    }

    private static SourceArticle article(String path) throws SourceRefusedException {
        SourcePage page = fetcher.fetch(URI.create(site.url(path)), Expect.PAGE, null, null);
        assertEquals(200, page.status());
        return ArticleReader.read(page);
    }

    @Test
    void aPageWithOnlyJsonLdGivesEveryFieldFromIt() throws Exception {
        SourceArticle a = article("/jsonld");
        assertEquals("Iraq's militia leaders debate a pause in attacks on US forces", a.headline().value());
        assertEquals("JSON-LD headline", a.headline().where());
        assertEquals("Commanders met in Baghdad after the strikes on Kataib Hezbollah, officials said.", a.dek().value());
        assertEquals(LocalDate.of(2024, 2, 4), a.publishedOn().value());
        assertEquals("JSON-LD datePublished", a.publishedOn().where());
        assertEquals("The Wire", a.siteName().value());
        assertEquals(site.url("/jsonld"), a.canonicalUrl().value(), "no canonical link: the address read");
        assertEquals(site.url("/photo.jpg"), a.image().url());
        assertEquals("AP Photo/Hadi Mizban", a.image().credit());
        assertEquals("A convoy on the road to Baghdad airport.", a.image().caption());
        assertEquals(4, a.paragraphs().size());
        assertTrue(a.paragraphs().get(0).startsWith("BAGHDAD — Leaders"));
        assertFalse(a.paywalled());
        assertFalse(a.correction().present());
    }

    @Test
    void aPageWithOnlyOpenGraphGivesItsTagsAndLeavesOutTheAside() throws Exception {
        SourceArticle a = article("/og");
        assertEquals("Ceasefire talks resume in Paris as hostage families wait", a.headline().value());
        assertEquals("og:title", a.headline().where());
        assertEquals("Negotiators from four countries met for a second day.", a.dek().value());
        assertEquals(LocalDate.of(2024, 1, 31), a.publishedOn().value());
        assertEquals("article:published_time", a.publishedOn().where());
        assertEquals(site.url("/2024/01/31/israel-gaza-ceasefire-talks/"), a.canonicalUrl().value(), "made absolute");
        assertEquals("link rel=canonical", a.canonicalUrl().where());
        assertEquals("Harbour Post", a.siteName().value());
        assertEquals("Negotiators arrive at a hotel in Paris", a.image().alt());
        assertEquals(List.of("PARIS — Negotiators from Israel, Qatar, Egypt and the United States met for a second day on Wednesday, officials said.",
                "The families of hostages held in Gaza gathered outside the Knesset, urging the government to accept a deal."), a.paragraphs());
    }

    @Test
    void aPlainPageGivesItsH1TimeAndFigureAsTyped() throws Exception {
        SourceArticle a = article("/time");
        assertEquals("الفصائل العراقية تبحث وقف الهجمات على القوات الأمريكية", a.headline().value());
        assertEquals("<h1>", a.headline().where());
        assertEquals(LocalDate.of(2024, 1, 30), a.publishedOn().value());
        assertEquals("<time datetime>", a.publishedOn().where());
        assertFalse(a.dek().present());
        assertEquals(site.url("/photos/baghdad.jpg"), a.image().url());
        assertEquals("أ ف ب/أحمد الربيعي", a.image().credit());
        assertEquals("موكب على طريق مطار بغداد", a.image().caption());
        assertEquals(2, a.paragraphs().size(), "the byline is not a paragraph of the article");
        assertTrue(a.paragraphs().get(1).endsWith("🇮🇶"));
    }

    @Test
    void aRedirectIsFollowedAndRecorded() throws Exception {
        SourcePage page = fetcher.fetch(URI.create(site.url("/moved")), Expect.PAGE, null, null);
        assertEquals(200, page.status());
        assertEquals(List.of(URI.create(site.url("/og"))), page.redirects());
        assertEquals(URI.create(site.url("/og")), page.address());
    }

    @Test
    void eachRefusalSaysWhy() {
        assertRefused("/loop", "redirected more than 3 times");
        assertRefused("/to-private", "It redirected to 10.1.2.3, a private-network address; Newsdesk does not read pages there.");
        assertRefused("/huge", "larger than 1 MB");
        assertRefused("/slow", "did not answer within 2 seconds");
        assertRefused("/report.pdf", "sent application/pdf, not a web page");
        SourceRefusedException gone = assertThrows(SourceRefusedException.class,
                () -> SourceReader.article(fetcher, URI.create(site.url("/gone"))));
        assertTrue(gone.getMessage().contains("has no page at this address (404)"), gone.getMessage());
    }

    /** "41234 and 41240": the site's two ports, as a refusal lists them. */
    private static String sitePorts() {
        return Math.min(site.port(), site.bulkPort()) + " and " + Math.max(site.port(), site.bulkPort());
    }

    private static void assertRefused(String path, String why) {
        SourceRefusedException e = assertThrows(SourceRefusedException.class,
                () -> fetcher.fetch(URI.create(site.url(path)), Expect.PAGE, null, null));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void internalAddressesAreRefusedByWhatTheyResolveToNamingTheirKind() throws Exception {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("http://[::1]:" + site.port() + "/og", "[::1] is a loopback address; Newsdesk does not read pages there.");
        refusals.put("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address; Newsdesk does not read pages there.");
        refusals.put("http://192.168.1.1/", "192.168.1.1 is a private-network address; Newsdesk does not read pages there.");
        refusals.put("http://0.0.0.0:" + site.port() + "/og", "0.0.0.0 is this machine's own (unspecified) address; Newsdesk does not read pages there.");
        refusals.put("http://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT (shared) address; Newsdesk does not read pages there.");
        refusals.put("http://[fd00::1]/", "[fd00::1] is a unique-local IPv6 address; Newsdesk does not read pages there.");
        refusals.put("http://[::ffff:127.0.0.1]:" + site.port() + "/og", "[::ffff:127.0.0.1] is a loopback address; Newsdesk does not read pages there.");
        refusals.put("http://224.0.0.1/", "224.0.0.1 is a multicast address; Newsdesk does not read pages there.");
        refusals.put("http://192.0.2.10/", "192.0.2.10 is a reserved or documentation address; Newsdesk does not read pages there.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            SourceRefusedException e = assertThrows(SourceRefusedException.class,
                    () -> fetcher.fetch(SourceFetcher.address(refusal.getKey()), Expect.PAGE, null, null), refusal.getKey());
            assertEquals(refusal.getValue(), e.getMessage(), refusal.getKey());
        }
        SourceRefusedException name = assertThrows(SourceRefusedException.class,
                () -> fetcher.fetch(SourceFetcher.address("http://localhost:" + site.port() + "/og"), Expect.PAGE, null, null));
        assertTrue(name.getMessage().matches("localhost leads to \\S+, a loopback address; Newsdesk does not read pages there\\."), name.getMessage());
    }

    @Test
    void aRedirectSaysWhereItLedInTheSameWordsAsTheFirstRequest() {
        site.put("/to-metadata", new SourceSite.Page(302, "text/html", new byte[0], null, "http://169.254.169.254/latest/meta-data/", 0));
        site.put("/to-localhost", new SourceSite.Page(302, "text/html", new byte[0], null, "http://localhost:" + site.port() + "/og", 0));
        assertRefused("/to-metadata", "It redirected to 169.254.169.254, a link-local address; Newsdesk does not read pages there.");
        assertRefused("/to-localhost", "It redirected to localhost, which leads to ");
        assertRefused("/to-localhost", ", a loopback address; Newsdesk does not read pages there.");
    }

    @Test
    void aRedirectToAnotherPortOfAnAllowedHostIsRefused() {
        try (SourceSite otherService = SourceSite.start()) {
            String why = "127.0.0.1:" + otherService.port() + " is not among the addresses Newsdesk may read"
                    + " (NEWSDESK_SOURCE_ALLOW_HOSTS lets 127.0.0.1 through on ports " + sitePorts() + " only).";
            site.put("/to-other-port", new SourceSite.Page(302, "text/html", new byte[0], null, otherService.url("/og"), 0));
            SourceRefusedException redirected = assertThrows(SourceRefusedException.class,
                    () -> fetcher.fetch(URI.create(site.url("/to-other-port")), Expect.PAGE, null, null));
            assertEquals("It redirected to 127.0.0.1:" + otherService.port() + ", which " + why.substring(why.indexOf("is not")), redirected.getMessage());
            SourceRefusedException asked = assertThrows(SourceRefusedException.class,
                    () -> fetcher.fetch(URI.create(otherService.url("/og")), Expect.PAGE, null, null));
            assertEquals(why, asked.getMessage());
            assertEquals(List.of(), otherService.hits(), "the other service was never asked");
        }
    }

    @Test
    void aHostAloneInTheAllowListOpensPorts80And443Only() throws Exception {
        AddressGuard guard = new AddressGuard(AllowedHosts.parse("127.0.0.1, [::1]:8080, 10.0.0.7:*"));
        guard.check("127.0.0.1", 80);
        guard.check("127.0.0.1", 443);
        guard.check("[::1]", 8080);
        guard.check("0:0:0:0:0:0:0:1", 8080);
        guard.check("10.0.0.7", 6379);
        AddressGuard.Refusal redis = assertThrows(AddressGuard.Refusal.class, () -> guard.check("127.0.0.1", 6379));
        assertEquals("127.0.0.1:6379 is not among the addresses Newsdesk may read (NEWSDESK_SOURCE_ALLOW_HOSTS lets 127.0.0.1"
                + " through on ports 80 and 443 only).", redis.getMessage());
        AddressGuard.Refusal v6 = assertThrows(AddressGuard.Refusal.class, () -> guard.check("[::1]", 8081));
        assertEquals("[::1]:8081 is not among the addresses Newsdesk may read (NEWSDESK_SOURCE_ALLOW_HOSTS lets [::1]"
                + " through on port 8080 only).", v6.getMessage());
        assertThrows(AddressGuard.Refusal.class, () -> guard.check("10.0.0.8", 80), "the next address is not listed");
        assertThrows(AddressGuard.Refusal.class, () -> guard.resolve("127.0.0.1"), "without a port, only host:* is let through");
        assertTrue(AllowedHosts.parse("127.0.0.1:*").allows("127.0.0.1", 41_234));
        assertFalse(AllowedHosts.parse("127.0.0.1:8080").opensEveryPort());
        for (String wrong : List.of("::1", "::1:8080", "127.0.0.1:http", "127.0.0.1:0", ":8080", "[::1", "[nonsense]:80")) {
            assertThrows(IllegalArgumentException.class, () -> AllowedHosts.parse(wrong), wrong);
        }
    }

    @Test
    void numbersWrittenInUnusualFormsAreRefusedBeforeAnyLookUp() throws Exception {
        for (String host : List.of("0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "2130706433", "017700000001", "127.0.0.01",
                "127.0.0.1.", "0X7F.1")) {
            SourceRefusedException e = assertThrows(SourceRefusedException.class, () -> SourceFetcher.address("http://" + host + "/a"), host);
            assertEquals(host + " is a numeric address written in an unusual form (octal, hexadecimal or shortened);"
                    + " write it as four decimal numbers, or use the site's name.", e.getMessage(), host);
        }
        for (String name : List.of("1password.com", "123.example", "127.0.0.1", "8.8.8.8", "[::1]", "xn--mgbh0fb.example", "0x.example")) {
            AddressGuard.checkForm(name);
            assertEquals(name, SourceFetcher.address("https://" + name + "/").getHost());
        }
        site.put("/to-octal", new SourceSite.Page(302, "text/html", new byte[0], null, "http://0177.0.0.1:" + site.port() + "/og", 0));
        assertRefused("/to-octal", "It redirected to 0177.0.0.1, a numeric address written in an unusual form (octal, hexadecimal or"
                + " shortened); Newsdesk does not read pages there.");
    }

    @Test
    void aCanonicalAddressNewsdeskWouldNotReadIsReplacedByTheAddressRead() throws Exception {
        Map<String, String> canonicals = new LinkedHashMap<>();
        canonicals.put("<link rel='canonical' href='http://169.254.169.254/latest/meta-data/'>",
                "the page's canonical address http://169.254.169.254/latest/meta-data/ is a link-local address, which Newsdesk does not use");
        canonicals.put("<meta property='og:url' content='http://10.0.0.5/admin'>",
                "the page's canonical address http://10.0.0.5/admin is a private-network address, which Newsdesk does not use");
        canonicals.put("<link rel='canonical' href='http://0x7f.0.0.1/'>",
                "the page's canonical address http://0x7f.0.0.1/ is a numeric address written in an unusual form (octal, hexadecimal or"
                        + " shortened), which Newsdesk does not use");
        canonicals.put("<link rel='canonical' href='http://127.0.0.1:6379/'>",
                "the page's canonical address http://127.0.0.1:6379/ is not among the addresses Newsdesk may read"
                        + " (NEWSDESK_SOURCE_ALLOW_HOSTS lets 127.0.0.1 through on ports " + sitePorts() + " only)");
        canonicals.put("<meta property='og:url' content='http://nowhere.invalid/story'>",
                "the page's canonical address http://nowhere.invalid/story is on a host that could not be");
        int n = 0;
        for (Map.Entry<String, String> canonical : canonicals.entrySet()) {
            String path = "/canonical-" + n++;
            site.put(path, SourceSite.Page.html("<html><head><title>A story</title>" + canonical.getKey()
                    + "</head><body><article><p>The article's only paragraph, long enough to count.</p></article></body></html>"));
            SourceArticle article = SourceReader.article(fetcher, URI.create(site.url(path)));
            assertEquals(site.url(path), article.canonicalUrl().value(), canonical.getKey());
            assertTrue(article.canonicalUrl().where().startsWith("the address read; " + canonical.getValue()), article.canonicalUrl().where());
        }
        SourceArticle og = SourceReader.article(fetcher, URI.create(site.url("/og")));
        assertEquals(site.url("/2024/01/31/israel-gaza-ceasefire-talks/"), og.canonicalUrl().value(), "a readable canonical address is kept");
        assertEquals("link rel=canonical", og.canonicalUrl().where());
        site.put("/canonical-public", SourceSite.Page.html("<link rel='canonical' href='https://93.184.215.14/story'><p>Words of it.</p>"));
        assertEquals("https://93.184.215.14/story", SourceReader.article(fetcher, URI.create(site.url("/canonical-public"))).canonicalUrl().value());
    }

    @Test
    void aPageOverTheLimitStopsTheTransferAtTheLimit() throws Exception {
        byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
        site.put("/twenty-mb", new SourceSite.Page(200, "text/html", twentyMegabytes, null, null, 0));
        site.put("/twenty-mb-chunked", new SourceSite.Page(200, "text/html", twentyMegabytes, null, null, 0).withoutLength());
        site.put("/twenty-mb.pdf", new SourceSite.Page(200, "application/pdf", twentyMegabytes, null, null, 0).withoutLength());
        // The limit, and a margin for the buffer read past it and what the sockets on either side hold when the fetch gives
        // up: the site's 16 KB, Newsdesk's about twice SourceFetcher.receiveWindow, 64 KB for this limit.
        long bound = 1024 * 1024 + 256 * 1024;
        for (String path : List.of("/twenty-mb", "/twenty-mb-chunked", "/twenty-mb.pdf")) {
            SourceRefusedException e = assertThrows(SourceRefusedException.class,
                    () -> fetcher.fetch(URI.create(site.bulkUrl(path)), Expect.PAGE, null, null));
            assertEquals(path.endsWith(".pdf") ? "127.0.0.1 sent application/pdf, not a web page." : "The page at 127.0.0.1 is larger than 1 MB.",
                    e.getMessage());
            long sent = site.sent(path).get(10, TimeUnit.SECONDS);
            System.out.println(path + ": " + sent + " bytes of 20 MB sent before Newsdesk went away");
            assertTrue(sent < bound, path + ": " + sent + " bytes sent, more than the limit and a buffer");
        }
        assertEquals(200, fetcher.fetch(URI.create(site.bulkUrl("/og")), Expect.PAGE, null, null).status(), "the pool goes on after");
    }

    @Test
    void beforeRequestIsToldEveryAddressInOrderAndMayRefuse() throws Exception {
        site.put("/hop-1", new SourceSite.Page(302, "text/html", new byte[0], null, "/hop-2", 0));
        site.put("/hop-2", new SourceSite.Page(301, "text/html", new byte[0], null, site.url("/og"), 0));
        List<URI> asked = new ArrayList<>();
        SourcePage page = fetcher.fetch(URI.create(site.url("/hop-1")), Expect.PAGE, null, null, asked::add);
        assertEquals(200, page.status());
        assertEquals(List.of(URI.create(site.url("/hop-1")), URI.create(site.url("/hop-2")), URI.create(site.url("/og"))), asked);

        int hitsBefore = site.hits().size();
        SourceRefusedException refused = assertThrows(SourceRefusedException.class,
                () -> fetcher.fetch(URI.create(site.url("/hop-1")), Expect.PAGE, null, null, address -> {
                    if (address.getPath().equals("/hop-2")) {
                        throw new SourceRefusedException(org.newsdesk.platform.Phrase.of("source.status.wait", "hop-2.example"));
                    }
                }));
        assertEquals("hop-2.example asks Newsdesk to wait before reading again (429); try in a few minutes.", refused.getMessage(),
                "the caller's refusal is the fetch's");
        assertEquals(List.of("/hop-1"), site.hits().subList(hitsBefore, site.hits().size()).stream().map(SourceSite.Hit::path).toList(),
                "the refused address was not asked");
    }

    @Test
    void eachKindOfInternalAddressIsNamed() throws Exception {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("127.0.0.1", "a loopback address");
        kinds.put("::1", "a loopback address");
        kinds.put("10.0.0.1", "a private-network address");
        kinds.put("172.16.5.4", "a private-network address");
        kinds.put("192.168.0.1", "a private-network address");
        kinds.put("169.254.169.254", "a link-local address");
        kinds.put("fe80::1", "a link-local address");
        kinds.put("100.64.1.1", "a carrier-grade NAT (shared) address");
        kinds.put("224.0.0.1", "a multicast address");
        kinds.put("ff02::1", "a multicast address");
        kinds.put("255.255.255.255", "a reserved or documentation address");
        kinds.put("203.0.113.9", "a reserved or documentation address");
        kinds.put("2001:db8::1", "a reserved or documentation address");
        kinds.put("fc00::1", "a unique-local IPv6 address");
        kinds.put("0.0.0.0", "this machine's own (unspecified) address");
        kinds.put("::", "this machine's own (unspecified) address");
        kinds.put("2002:7f00:1::", "an IPv6 address carrying 127.0.0.1, a loopback address");
        kinds.put("64:ff9b::a00:1", "an IPv6 address carrying 10.0.0.1, a private-network address");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            assertEquals(kind.getValue(), java.util.Optional.ofNullable(AddressGuard.kind(InetAddress.getByName(kind.getKey()))).map(org.newsdesk.platform.Phrase::english).orElse(null), kind.getKey());
        }
    }

    @Test
    void onlyHttpAndHttpsAddressesAreRead() throws Exception {
        for (String address : List.of("file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)", "gopher://x/", "data:text/html,hi")) {
            SourceRefusedException e = assertThrows(SourceRefusedException.class, () -> SourceFetcher.address(address), address);
            assertTrue(e.getMessage().startsWith("Only http:// and https://"), address + ": " + e.getMessage());
        }
        assertThrows(SourceRefusedException.class, () -> SourceFetcher.address("https://user:secret@example.com/"));
        assertThrows(SourceRefusedException.class, () -> SourceFetcher.address("   "));
        SourceRefusedException prose = assertThrows(SourceRefusedException.class, () -> SourceFetcher.address("not a url — مقال 📰"));
        assertEquals("This is not a web address: not a url — مقال 📰.", prose.getMessage(), "quoting what was typed, not https:// added to it");
        assertEquals(URI.create("https://www.reuters.com/world/"), SourceFetcher.address("  www.reuters.com/world/ "));
        assertEquals("https://xn--mgbh0fb.example/%D9%85%D9%82%D8%A7%D9%84", SourceFetcher.address("https://مثال.example/مقال").toString());
        assertEquals(URI.create("https://example.com/a"), SourceFetcher.address("https://example.com/a#comments"));
    }

    @Test
    void noCookieIsSentAndTheUserAgentNamesTheSite() throws Exception {
        fetcher.fetch(URI.create(site.url("/og")), Expect.PAGE, null, null);
        fetcher.fetch(URI.create(site.url("/og")), Expect.PAGE, null, null);
        List<SourceSite.Hit> hits = site.hits().stream().filter(h -> h.path().equals("/og")).toList();
        assertTrue(hits.size() >= 2);
        assertTrue(hits.stream().noneMatch(SourceSite.Hit::cookie), "the site set a cookie; it must not come back");
        assertEquals("Newsdesk/1 (+https://news.example.com/)", hits.get(0).userAgent());
    }

    @Test
    void aConditionalGetOfAnUnchangedPageIsA304() throws Exception {
        site.put("/tagged", SourceSite.Page.html("<p>same</p>").withEtag("\"v1\""));
        SourcePage first = fetcher.fetch(URI.create(site.url("/tagged")), Expect.PAGE, null, null);
        assertEquals("\"v1\"", first.etag());
        SourcePage again = fetcher.fetch(URI.create(site.url("/tagged")), Expect.PAGE, first.etag(), null);
        assertTrue(again.notModified());
        assertNull(again.body());
    }

    @Test
    void addressesInsideNetworksAreKnown() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.1.1",
                "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "2002:7f00:1::", "64:ff9b::a00:1")) {
            assertTrue(AddressGuard.isInternal(InetAddress.getByName(internal)), internal);
        }
        for (String external : List.of("8.8.8.8", "151.101.1.69", "2606:4700::6810:84e5", "172.32.0.1", "100.128.0.1")) {
            assertFalse(AddressGuard.isInternal(InetAddress.getByName(external)), external);
        }
    }
}
