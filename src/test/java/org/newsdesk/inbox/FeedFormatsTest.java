package org.newsdesk.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each format Newsdesk follows, and the ways real outlets' feeds are broken. */
class FeedFormatsTest {

    private static final URI ADDRESS = URI.create("https://www.example-news.com/feeds/world.xml");

    @Test
    void rss2WithHubImagesAndHtmlTitles() throws Exception {
        FeedDocument feed = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
                <channel><title>World &amp; Region</title><link>https://www.example-news.com/</link><language>ar</language>
                <atom:link rel="hub" href="https://hub.example.net/"/><atom:link rel="self" href="/feeds/world.xml"/>
                <item><title><![CDATA[<b>Militias</b> &amp;amp; the vote in ٢٠٢٦ 🗳]]></title><link>/2026/12/militias</link>
                <guid isPermaLink="false">abc-1</guid><description>&lt;p&gt;First &lt;em&gt;paragraph&lt;/em&gt;&lt;/p&gt;</description>
                <pubDate>Mon, 07 Dec 2026 09:15:00 +0200</pubDate><media:content url="/img/1.jpg" medium="image"/></item>
                <item><title>Same GUID again</title><link>https://www.example-news.com/2026/12/militias-2</link><guid isPermaLink="false">abc-1</guid></item>
                <item><title>No date</title><link>https://www.example-news.com/2026/12/no-date</link></item>
                </channel></rss>""");
        assertEquals(FeedFormat.RSS, feed.format());
        assertEquals("World & Region", feed.title());
        assertEquals("https://hub.example.net/", feed.hubUrl());
        assertEquals("https://www.example-news.com/feeds/world.xml", feed.selfUrl());
        assertEquals("ar", feed.language());
        assertEquals(2, feed.entries().size(), "the second item with the same GUID is kept once");
        FeedEntry first = feed.entries().get(0);
        assertEquals("Militias & the vote in ٢٠٢٦ 🗳", first.title());
        assertEquals("https://www.example-news.com/2026/12/militias", first.url());
        assertEquals("First paragraph", first.summary());
        assertEquals("https://www.example-news.com/img/1.jpg", first.imageUrl());
        assertEquals(Instant.parse("2026-12-07T07:15:00Z"), first.publishedAt());
        assertNull(feed.entries().get(1).publishedAt());
    }

    @Test
    void rss091AndRdf() throws Exception {
        FeedDocument old = read("""
                <rss version="0.91"><channel><title>Old</title><link>http://old.example.org/</link><description>d</description>
                <item><title>Ninety-one</title><link>http://old.example.org/a</link><description>text</description></item></channel></rss>""");
        assertEquals("Ninety-one", old.entries().get(0).title());
        FeedDocument rdf = read("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel rdf:about="http://rdf.example.org/"><title>RDF</title><link>http://rdf.example.org/</link><description>d</description></channel>
                <item rdf:about="http://rdf.example.org/b"><title>Ten</title><link>http://rdf.example.org/b</link>
                <dc:date>2026-12-06T10:00:00Z</dc:date><dc:creator>Νίκος Παπαδόπουλος</dc:creator></item></rdf:RDF>""");
        assertEquals(FeedFormat.RSS, rdf.format());
        assertEquals("Ten", rdf.entries().get(0).title());
        assertEquals("Νίκος Παπαδόπουλος", rdf.entries().get(0).author());
        assertEquals(Instant.parse("2026-12-06T10:00:00Z"), rdf.entries().get(0).publishedAt());
    }

    @Test
    void atomWithRelativeLinksAndXhtml() throws Exception {
        FeedDocument feed = read("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="he"><title type="html">&lt;i&gt;חדשות&lt;/i&gt;</title>
                <link href="https://il.example.com/"/><link rel="hub" href="https://pubsubhubbub.example.com/"/><id>urn:x</id><updated>2026-12-07T08:00:00Z</updated>
                <entry><title>כותרת ראשית</title><id>tag:il.example.com,2026:1</id><link rel="alternate" href="https://il.example.com/news/1"/>
                <updated>2026-12-07T08:00:00Z</updated><published>2026-12-07T07:30:00+02:00</published>
                <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>תקציר</p></div></summary><author><name>דנה</name></author></entry></feed>""");
        assertEquals(FeedFormat.ATOM, feed.format());
        assertEquals("חדשות", feed.title());
        assertEquals("https://pubsubhubbub.example.com/", feed.hubUrl());
        FeedEntry entry = feed.entries().get(0);
        assertEquals("tag:il.example.com,2026:1", entry.guid());
        assertEquals("כותרת ראשית", entry.title());
        assertEquals("תקציר", entry.summary());
        assertEquals("דנה", entry.author());
        assertEquals(Instant.parse("2026-12-07T05:30:00Z"), entry.publishedAt());
    }

    @Test
    void jsonFeed() throws Exception {
        FeedDocument feed = read("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "JSON News", "home_page_url": "https://json.example.com/",
                 "hubs": [{"type": "WebSub", "url": "https://hub.example.com/"}], "language": "el",
                 "items": [{"id": "1", "url": "/a/1", "title": "Τίτλος", "content_html": "<p>Κείμενο &amp; άλλα</p>",
                            "date_published": "2026-12-07T10:00:00+01:00", "authors": [{"name": "Ελένη"}], "image": "https://json.example.com/i.jpg"},
                           {"id": "1", "url": "/a/1-again", "title": "Duplicate"},
                           {"id": "2", "title": "No address"}]}""");
        assertEquals(FeedFormat.JSON_FEED, feed.format());
        assertEquals("https://hub.example.com/", feed.hubUrl());
        assertEquals(1, feed.entries().size());
        FeedEntry entry = feed.entries().get(0);
        assertEquals("https://www.example-news.com/a/1", entry.url());
        assertEquals("Κείμενο & άλλα", entry.summary());
        assertEquals("Ελένη", entry.author());
        assertEquals(Instant.parse("2026-12-07T09:00:00Z"), entry.publishedAt());
    }

    @Test
    void googleNewsSitemap() throws Exception {
        FeedDocument feed = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
                <url><loc>https://www.example-news.com/2026/12/07/story</loc>
                <news:news><news:publication><news:name>Example News</news:name><news:language>fr</news:language></news:publication>
                <news:publication_date>2026-12-07T06:00:00Z</news:publication_date><news:title>L'élection à Bagdad</news:title></news:news>
                <image:image><image:loc>https://www.example-news.com/p.jpg</image:loc></image:image></url>
                <url><loc>https://www.example-news.com/about</loc></url></urlset>""");
        assertEquals(FeedFormat.NEWS_SITEMAP, feed.format());
        assertEquals("Example News", feed.title());
        assertEquals(1, feed.entries().size());
        assertEquals("L'élection à Bagdad", feed.entries().get(0).title());
        assertEquals("fr", feed.entries().get(0).language());
        assertEquals("https://www.example-news.com/p.jpg", feed.entries().get(0).imageUrl());
        assertEquals(Instant.parse("2026-12-07T06:00:00Z"), feed.entries().get(0).publishedAt());
    }

    @Test
    void brokenFeedsAreRepaired() throws Exception {
        // Declared UTF-8, written in Windows-1252, with a bare ampersand and a control character.
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9 news</title>"
                + "<link>https://cafe.example.com/</link><item><title>AT&T \u201cquotes\u201d\u0007 caf\u00e9</title>"
                + "<link>https://cafe.example.com/1</link></item></channel></rss>";
        FeedDocument feed = FeedFormats.read(rss.getBytes(Charset.forName("windows-1252")), "text/xml", ADDRESS);
        assertEquals("AT&T \u201cquotes\u201d caf\u00e9", feed.entries().get(0).title());
    }

    @Test
    void aDeclaredEncodingOtherThanUtf8IsFollowed() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>أخبار</title>"
                + "<item><title>الفصائل العراقية</title><link>https://ar.example.com/1</link></item></channel></rss>";
        FeedDocument feed = FeedFormats.read(rss.getBytes(Charset.forName("windows-1256")), "application/rss+xml", ADDRESS);
        assertEquals("الفصائل العراقية", feed.entries().get(0).title());
    }

    @Test
    void whatIsNotAFeedIsSaidInWords() {
        FeedUnreadableException page = assertThrows(FeedUnreadableException.class,
                () -> read("<!DOCTYPE html><html><head><title>x</title></head></html>"));
        assertTrue(page.getMessage().contains("web page"), page.getMessage());
        assertThrows(FeedUnreadableException.class, () -> read("{\"items\": []}"));
        assertThrows(FeedUnreadableException.class, () -> read("<rss><channel><item>"));
        // An external entity is never fetched or expanded.
        assertThrows(FeedUnreadableException.class, () -> read("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title><item><title>t</title><link>https://a.example/</link></item></channel></rss>"));
    }

    private static FeedDocument read(String text) throws FeedUnreadableException {
        return FeedFormats.read(text.getBytes(StandardCharsets.UTF_8), null, ADDRESS);
    }

}
