package org.newsdesk.inbox;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.TextLimit;

/**
 * Reads a feed of any format Newsdesk follows into a {@link FeedDocument}: RSS 0.9x, 1.0 and 2.0 and Atom with
 * ROME, JSON Feed 1.0 and 1.1 with Jakarta JSON Processing, Google News sitemaps with jsoup's XML parser.
 * <p>
 * Real outlets' feeds are often broken, and each break here has a repair: a declared encoding the bytes do not
 * follow (read again as Windows-1252), control characters and bare ampersands XML forbids (taken out, escaped),
 * HTML and entities in titles (made text), relative links (resolved against the feed's address), missing dates
 * (left empty: the reader uses the time it found the article), the same GUID twice (kept once).
 *
 * <pre>
 * FeedDocument feed = FeedFormats.read(page.body(), page.contentType(), page.address());
 * </pre>
 */
public final class FeedFormats {

    static final int SUMMARY_LENGTH = 1000;
    private static final Pattern INVALID_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!#\\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]{1,31};)");
    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");
    private static final Pattern ESCAPED_ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[A-Za-z]{2,8});");

    private FeedFormats() {
    }

    /** The feed in {@code body}, served with {@code contentType} (may be null) from {@code address}. */
    public static FeedDocument read(byte[] body, String contentType, URI address) throws FeedUnreadableException {
        if (body == null || body.length == 0) {
            throw new FeedUnreadableException(Phrase.of("feeds.unreadable.empty"));
        }
        String start = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1).stripLeading();
        if (start.startsWith("\u00EF\u00BB\u00BF")) {
            start = start.substring(3).stripLeading();
        }
        if (start.startsWith("{")) {
            return jsonFeed(body, address);
        }
        if (start.startsWith("<!DOCTYPE html") || start.startsWith("<!doctype html") || start.startsWith("<html")) {
            throw new FeedUnreadableException(Phrase.of("feeds.unreadable.webPage"));
        }
        if (start.contains("<urlset")) {
            return newsSitemap(body, address);
        }
        return syndication(body, contentType, address);
    }

    // RSS and Atom, through ROME.

    private static FeedDocument syndication(byte[] body, String contentType, URI address) throws FeedUnreadableException {
        // Decoded here rather than by ROME's XmlReader, which reads a feed whose bytes break its declared encoding
        // with replacement characters in place of the letters: see text().
        String text = XML_DECLARATION.matcher(text(body, contentType)).replaceFirst("");
        SyndFeed feed;
        try {
            feed = input().build(new StringReader(text));
        } catch (FeedException | RuntimeException first) {
            // The repairs: without what XML forbids (control characters, bare ampersands).
            String repaired = BARE_AMPERSAND.matcher(INVALID_XML.matcher(text).replaceAll("")).replaceAll("&amp;");
            try {
                feed = input().build(new StringReader(repaired));
            } catch (FeedException | RuntimeException second) {
                throw new FeedUnreadableException(Phrase.of("feeds.unreadable.format", reason(first)));
            }
        }
        FeedFormat format = feed.getFeedType() != null && feed.getFeedType().startsWith("atom") ? FeedFormat.ATOM : FeedFormat.RSS;
        URI base = resolve(address, feed.getLink()) != null ? URI.create(resolve(address, feed.getLink())) : address;
        String hub = null;
        String self = null;
        for (SyndLink link : links(feed)) {
            if ("hub".equals(link.getRel()) && hub == null) {
                hub = resolve(address, link.getHref());
            } else if ("self".equals(link.getRel()) && self == null) {
                self = resolve(address, link.getHref());
            }
        }
        List<FeedEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SyndEntry entry : feed.getEntries()) {
            String url = resolve(address, entry.getLink());
            if (url == null && entry.getUri() != null && entry.getUri().matches("(?i)https?://.*")) {
                url = resolve(address, entry.getUri());
            }
            String title = text(entry.getTitle());
            String summary = summary(entry);
            if (url == null || (title.isEmpty() && summary == null)) {
                continue;
            }
            String guid = blankToNull(entry.getUri());
            if (!seen.add(guid != null ? guid : url)) {
                continue;
            }
            entries.add(new FeedEntry(guid, url, title.isEmpty() ? TextLimit.shorten(summary, 200) : title, summary,
                    author(entry), image(entry, base), null, instant(entry.getPublishedDate()), instant(entry.getUpdatedDate())));
        }
        return new FeedDocument(format, blankToNull(text(feed.getTitle())), resolve(address, feed.getLink()), hub, self,
                language(feed.getLanguage()), entries);
    }

    private static SyndFeedInput input() {
        SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        return input;
    }

    private static List<SyndLink> links(SyndFeed feed) {
        List<SyndLink> links = new ArrayList<>(feed.getLinks() == null ? List.of() : feed.getLinks());
        // RSS carries its hub and self links as atom:link, which ROME leaves among the foreign markup.
        Object foreign = feed.getForeignMarkup();
        if (foreign instanceof List<?> elements) {
            for (Object element : elements) {
                if (element instanceof Element e && "link".equals(e.getName()) && e.getAttributeValue("href") != null) {
                    com.rometools.rome.feed.synd.SyndLinkImpl link = new com.rometools.rome.feed.synd.SyndLinkImpl();
                    link.setRel(e.getAttributeValue("rel"));
                    link.setHref(e.getAttributeValue("href"));
                    links.add(link);
                }
            }
        }
        return links;
    }

    private static String summary(SyndEntry entry) {
        String html = null;
        if (entry.getDescription() != null && entry.getDescription().getValue() != null && !entry.getDescription().getValue().isBlank()) {
            html = entry.getDescription().getValue();
        } else if (entry.getContents() != null) {
            html = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
        }
        String text = text(html);
        return text.isEmpty() ? null : TextLimit.shorten(text, SUMMARY_LENGTH);
    }

    private static String author(SyndEntry entry) {
        String author = blankToNull(text(entry.getAuthor()));
        if (author == null && entry.getAuthors() != null) {
            author = entry.getAuthors().stream().map(SyndPerson::getName).filter(n -> n != null && !n.isBlank())
                    .map(FeedFormats::text).findFirst().orElse(null);
        }
        return author == null ? null : TextLimit.shorten(author, 300);
    }

    private static String image(SyndEntry entry, URI base) {
        if (entry.getEnclosures() != null) {
            for (SyndEnclosure enclosure : entry.getEnclosures()) {
                if (enclosure.getType() != null && enclosure.getType().startsWith("image/")) {
                    return resolve(base, enclosure.getUrl());
                }
            }
        }
        if (entry.getForeignMarkup() != null) {
            for (Element element : entry.getForeignMarkup()) {
                String name = element.getName();
                if (("content".equals(name) || "thumbnail".equals(name)) && element.getAttributeValue("url") != null
                        && (element.getAttributeValue("medium") == null || "image".equals(element.getAttributeValue("medium")))) {
                    return resolve(base, element.getAttributeValue("url"));
                }
                if ("group".equals(name)) {
                    for (Element child : element.getChildren()) {
                        if ("content".equals(child.getName()) && child.getAttributeValue("url") != null) {
                            return resolve(base, child.getAttributeValue("url"));
                        }
                    }
                }
            }
        }
        String html = entry.getDescription() != null ? entry.getDescription().getValue() : null;
        if (html != null && html.contains("<img")) {
            String src = Jsoup.parseBodyFragment(html).select("img[src]").attr("src");
            return src.isBlank() ? null : resolve(base, src);
        }
        return null;
    }

    // JSON Feed.

    private static FeedDocument jsonFeed(byte[] body, URI address) throws FeedUnreadableException {
        JsonObject feed;
        try (JsonReader reader = Json.createReader(new StringReader(decode(body)))) {
            feed = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new FeedUnreadableException(Phrase.of("feeds.unreadable.json", reason(e)));
        }
        String version = string(feed, "version");
        if (version == null || !version.startsWith("https://jsonfeed.org/version/")) {
            throw new FeedUnreadableException(Phrase.of("feeds.unreadable.notJsonFeed"));
        }
        String hub = null;
        if (feed.get("hubs") instanceof JsonArray hubs) {
            for (JsonValue value : hubs) {
                if (value instanceof JsonObject h && "websub".equalsIgnoreCase(string(h, "type"))) {
                    hub = resolve(address, string(h, "url"));
                }
            }
        }
        String language = string(feed, "language");
        List<FeedEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (feed.get("items") instanceof JsonArray items) {
            for (JsonValue value : items) {
                if (!(value instanceof JsonObject item)) {
                    continue;
                }
                String url = resolve(address, string(item, "url") != null ? string(item, "url") : string(item, "external_url"));
                String guid = string(item, "id");
                String title = text(string(item, "title"));
                String summaryText = string(item, "summary") != null ? string(item, "summary")
                        : string(item, "content_text") != null ? string(item, "content_text") : string(item, "content_html");
                String summary = blankToNull(text(summaryText));
                if (url == null || (title.isEmpty() && summary == null) || !seen.add(guid != null ? guid : url)) {
                    continue;
                }
                String author = null;
                if (item.get("authors") instanceof JsonArray authors && !authors.isEmpty() && authors.get(0) instanceof JsonObject a) {
                    author = string(a, "name");
                } else if (item.get("author") instanceof JsonObject a) {
                    author = string(a, "name");
                }
                String image = string(item, "image") != null ? string(item, "image") : string(item, "banner_image");
                entries.add(new FeedEntry(guid, url, title.isEmpty() ? TextLimit.shorten(summary, 200) : title,
                        summary == null ? null : TextLimit.shorten(summary, SUMMARY_LENGTH), author == null ? null : TextLimit.shorten(text(author), 300),
                        resolve(address, image), language(string(item, "language")), w3cDate(string(item, "date_published")),
                        w3cDate(string(item, "date_modified"))));
            }
        }
        return new FeedDocument(FeedFormat.JSON_FEED, blankToNull(text(string(feed, "title"))), resolve(address, string(feed, "home_page_url")),
                hub, resolve(address, string(feed, "feed_url")), language(language), entries);
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    // Google News sitemaps.

    private static FeedDocument newsSitemap(byte[] body, URI address) throws FeedUnreadableException {
        Document xml = Jsoup.parse(decode(body), address.toString(), Parser.xmlParser());
        if (xml.selectFirst("urlset") == null) {
            throw new FeedUnreadableException(Phrase.of("feeds.unreadable.notSitemap"));
        }
        List<FeedEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String publication = null;
        String feedLanguage = null;
        for (org.jsoup.nodes.Element url : xml.select("urlset > url")) {
            String loc = resolve(address, url.select("> loc").text());
            org.jsoup.nodes.Element news = url.selectFirst("news|news");
            if (loc == null || news == null || !seen.add(loc)) {
                continue;
            }
            String title = text(news.select("news|title").text());
            if (title.isEmpty()) {
                continue;
            }
            String language = language(news.select("news|publication news|language").text());
            publication = publication != null ? publication : blankToNull(news.select("news|publication news|name").text());
            feedLanguage = feedLanguage != null ? feedLanguage : language;
            String image = blankToNull(url.select("image|image image|loc").text());
            String keywords = blankToNull(news.select("news|keywords").text());
            entries.add(new FeedEntry(null, loc, title, keywords, null, resolve(address, image), language,
                    w3cDate(news.select("news|publication_date").text()), w3cDate(url.select("> lastmod").text())));
        }
        return new FeedDocument(FeedFormat.NEWS_SITEMAP, publication, null, null, null, feedLanguage, entries);
    }

    // Shared repairs.

    /** HTML or entity-laden text as a reader sees it, spaces collapsed; entities escaped twice are undone too. */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = html.indexOf('<') >= 0 || html.indexOf('&') >= 0 ? Jsoup.parse(html).text() : html;
        if (ESCAPED_ENTITY.matcher(text).find()) {
            text = Parser.unescapeEntities(text, false);
        }
        return text.replaceAll("\\s+", " ").strip();
    }

    /** {@code link} made absolute against {@code base}, or null when there is none or it is not a web address. */
    static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String cleaned = link.strip().replace(" ", "%20");
        try {
            URI resolved = base == null ? URI.create(cleaned) : base.resolve(cleaned);
            String scheme = resolved.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || resolved.getHost() == null) {
                return null;
            }
            String url = resolved.toString();
            return url.length() > 2000 ? null : url;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._-]+)");

    /**
     * The text of an XML feed: UTF-8 when its bytes are valid UTF-8 (whatever it declares: ASCII is both, and a
     * feed declaring Latin-1 in valid UTF-8 is a mislabelled UTF-8 feed far more often than not); else the
     * encoding its XML declaration or its Content-Type names, when that is not UTF-8; else Windows-1252, what
     * a feed written by a Western desktop tool and served as UTF-8 is.
     */
    static String text(byte[] body, String contentType) {
        String utf8 = utf8(body);
        if (utf8 != null) {
            return utf8;
        }
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher declared = DECLARED_ENCODING.matcher(head);
        java.util.regex.Matcher served = CONTENT_TYPE_CHARSET.matcher(contentType == null ? "" : contentType);
        for (String name : new String[] {declared.find() ? declared.group(1) : null, served.find() ? served.group(1) : null}) {
            try {
                if (name != null && Charset.isSupported(name) && !Charset.forName(name).equals(StandardCharsets.UTF_8)) {
                    return new String(body, Charset.forName(name));
                }
            } catch (IllegalArgumentException e) {
                // a malformed name: the next one, or Windows-1252
            }
        }
        return new String(body, Charset.forName("windows-1252"));
    }

    /** The text of {@code body}: UTF-8 when it is valid UTF-8 (with or without a byte-order mark), else Windows-1252. */
    static String decode(byte[] body) {
        String utf8 = utf8(body);
        return utf8 != null ? utf8 : new String(body, Charset.forName("windows-1252"));
    }

    /** {@code body} as UTF-8 without its byte-order mark, or null when it is not valid UTF-8. */
    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static Instant w3cDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    private static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String cleaned = tag.strip().replace('_', '-');
        return cleaned.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") ? TextLimit.shorten(cleaned, 35) : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return TextLimit.shorten(message.replaceAll("\\s+", " "), 160);
    }
}
