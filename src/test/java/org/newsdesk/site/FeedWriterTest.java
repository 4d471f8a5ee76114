package org.newsdesk.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import org.newsdesk.media.Photo;
import org.newsdesk.media.StoredImage;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.post.Excerpt;
import org.newsdesk.post.ExcerptMarkup;
import org.newsdesk.post.Post;
import org.newsdesk.post.RelatedLink;
import org.newsdesk.post.Section;
import org.newsdesk.post.Tag;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The feeds parsed as a feed reader parses them: each item whole, each source credited, every address whole. */
class FeedWriterTest {

    private static final String SITE = "https://news.example.org";
    private static final Instant PUBLISHED = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant EDITED = Instant.parse("2026-11-30T09:30:00Z");
    private static final String ARABIC = "الميليشيات العراقية تحت الضغط 🇮🇶";
    private static final SiteIdentity IDENTITY = new SiteIdentity("Daily Roundup", "The world's newsrooms & theirs", "ar", "/logo.png");

    @Test
    void atomCarriesEachPostWholeWithEverySourceCredited() throws Exception {
        Feed feed = new Feed("Daily Roundup: World", "Wider world", "/section/world", "/feed/section/world", List.of(post()), EDITED);
        Element root = parse(FeedWriter.write(feed, Feed.Format.ATOM, IDENTITY, SITE));
        assertEquals("http://www.w3.org/2005/Atom", root.getNamespaceURI());
        assertEquals("ar", root.getAttribute("xml:lang"));
        assertEquals("Daily Roundup: World", text(root, "title"));
        assertEquals("2026-11-30T09:30:00Z", text(root, "updated"), "the last change, not the last publish");
        assertEquals(SITE + "/feed/section/world/atom", link(root, "self"));
        assertEquals(SITE + "/section/world", link(root, "alternate"));
        assertEquals(SITE + "/logo.png", text(root, "logo"));

        NodeList entries = root.getElementsByTagNameNS("*", "entry");
        assertEquals(1, entries.getLength());
        Element entry = (Element) entries.item(0);
        assertEquals(ARABIC, text(entry, "title"), "Arabic and emoji whole");
        assertEquals(SITE + "/post/militias", link(entry, "alternate"));
        assertEquals("2026-11-29T08:00:00Z", text(entry, "published"));
        assertEquals("Wendy Writer", text((Element) entry.getElementsByTagNameNS("*", "author").item(0), "name"));
        assertContent(text(entry, "content"));
    }

    @Test
    void rssCarriesTheSameWithItsOwnElements() throws Exception {
        Feed feed = new Feed("Daily Roundup", "The world's newsrooms & theirs", "/", "/feed", List.of(post()), EDITED);
        Element root = parse(FeedWriter.write(feed, Feed.Format.RSS, IDENTITY, SITE));
        Element channel = (Element) root.getElementsByTagName("channel").item(0);
        assertEquals("The world's newsrooms & theirs", text(channel, "description"));
        assertEquals("ar", text(channel, "language"));
        assertEquals("Mon, 30 Nov 2026 09:30:00 GMT", text(channel, "lastBuildDate"));
        Element item = (Element) channel.getElementsByTagName("item").item(0);
        assertEquals(SITE + "/post/militias", text(item, "guid"));
        assertEquals("Sun, 29 Nov 2026 08:00:00 GMT", text(item, "pubDate"));
        assertEquals("Wendy Writer", item.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator").item(0).getTextContent());
        List<String> categories = new ArrayList<>();
        NodeList nodes = item.getElementsByTagName("category");
        for (int i = 0; i < nodes.getLength(); i++) {
            categories.add(nodes.item(i).getTextContent());
        }
        assertEquals(List.of("World", "Iraq"), categories);
        assertContent(item.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded").item(0).getTextContent());
    }

    @Test
    void addressesOutsideAsciiArePercentEncodedAsFeedsRequire() throws Exception {
        Post post = post();
        post.setSlug("جسر");
        Feed feed = new Feed("Daily Roundup: الشرق", "", "/section/الشرق", "/feed/section/الشرق", List.of(post), EDITED);
        Element atom = parse(FeedWriter.write(feed, Feed.Format.ATOM, IDENTITY, SITE));
        assertEquals(SITE + "/feed/section/%D8%A7%D9%84%D8%B4%D8%B1%D9%82/atom", link(atom, "self"));
        Element entry = (Element) atom.getElementsByTagNameNS("*", "entry").item(0);
        assertEquals(SITE + "/post/%D8%AC%D8%B3%D8%B1", link(entry, "alternate"));
        assertEquals("Daily Roundup: الشرق", text(atom, "title"), "text stays as typed");
    }

    @Test
    void anEmptyFeedIsStillAFeed() throws Exception {
        Element root = parse(FeedWriter.write(new Feed("Daily Roundup", "", "/", "/feed", List.of(), Instant.EPOCH),
                Feed.Format.ATOM, IDENTITY, SITE));
        assertEquals(0, root.getElementsByTagNameNS("*", "entry").getLength());
    }

    /** Three excerpts, each credited; the one without a photo has no figure; nothing escaped twice or lost. */
    private static void assertContent(String html) {
        org.jsoup.nodes.Document content = org.jsoup.Jsoup.parseBodyFragment(html);
        assertEquals(3, content.select("section").size(), "one section per excerpt");
        assertEquals(2, content.select("figure").size(), "the excerpt without a photo has none");
        org.jsoup.nodes.Element photo = content.selectFirst("img");
        assertEquals(SITE + "/media/" + "%s/large".formatted(photo.attr("src").split("/")[4]), photo.attr("src"));
        assertEquals("Fighters at a funeral in Baghdad", photo.attr("alt"));
        assertEquals("1600", photo.attr("width"));
        assertEquals("1200", photo.attr("height"));
        assertTrue(content.selectFirst("figcaption").text().contains("Members of a militia at a funeral AP Photo/Hadi Mizban"), content.selectFirst("figcaption").text());
        assertEquals(List.of("REUTERS", "TIMES OF ISRAEL", "الجزيرة"), content.select("section > p > strong").eachText());
        // The site is Arabic: what the feed says around the excerpts is too.
        assertTrue(content.text().contains("نُشر في 28 نوفمبر 2026"), content.text());
        assertEquals(List.of("https://www.reuters.com/world/militias", "https://www.reuters.com/world/related",
                        "https://www.timesofisrael.com/militias", "https://www.aljazeera.net/news/militias"),
                content.select("a").eachAttr("href"));
        assertEquals(3, content.select("a:contains(اقرأ المقال كاملًا)").size());
        assertTrue(content.text().contains("المصدر: www.timesofisrael.com"));
        assertTrue(content.text().contains("ذو صلة: Baghdad's year"));
        assertTrue(content.text().contains("قال مسؤولون <عراقيون>"), "body text whole, its markup kept: " + content.text());
        assertFalse(html.contains("&amp;lt;"), "nothing escaped twice");
    }

    private static Post post() {
        User author = new User("wendy", "Wendy Writer", "w@example.org", Set.of(Role.WRITER), PUBLISHED);
        Post post = new Post(ARABIC, author, PUBLISHED);
        post.setSlug("militias");
        post.setSection(new Section("World"));
        post.getTags().add(new Tag("Iraq"));
        Excerpt first = excerpt(post, "REUTERS", "https://www.reuters.com/world/militias", "First dek");
        first.setPhoto(photo(2400, 1800));
        first.getPhoto().setAltText("Fighters at a funeral in Baghdad");
        first.setCaption("Members of a militia at a funeral");
        first.setCreditLine("AP Photo/Hadi Mizban");
        first.getRelatedLinks().add(new RelatedLink("Baghdad's year", "https://www.reuters.com/world/related"));
        excerpt(post, "TIMES OF ISRAEL", "https://www.timesofisrael.com/militias", null);
        Excerpt third = excerpt(post, "الجزيرة", "https://www.aljazeera.net/news/militias", "دِك");
        third.setBody(ExcerptMarkup.fromPlainText("قال مسؤولون <عراقيون>"));
        third.setPhoto(photo(800, 600));
        third.getPhoto().setAltText("صورة");
        third.setCreditLine("رويترز");
        post.publish(PUBLISHED);
        return post;
    }

    private static Excerpt excerpt(Post post, String outlet, String url, String dek) {
        Excerpt excerpt = post.addExcerpt();
        excerpt.setOutlet(new Outlet(outlet, java.net.URI.create(url).getHost()));
        excerpt.setArticleUrl(url);
        excerpt.setOriginalPublishedOn(LocalDate.of(2026, 11, 28));
        excerpt.setDek(dek);
        excerpt.setBody(ExcerptMarkup.fromPlainText("A paragraph."));
        return excerpt;
    }

    private static Photo photo(int width, int height) {
        return new Photo(new StoredImage("ab/x.jpg", "image/jpeg", width, height, 100, "ab"), "x.jpg", null, PUBLISHED);
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getLocalName().equals(name)) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }

    private static String link(Element parent, String rel) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getLocalName().equals("link") && rel.equals(element.getAttribute("rel"))) {
                return element.getAttribute("href");
            }
        }
        throw new AssertionError("no link rel=" + rel);
    }
}
