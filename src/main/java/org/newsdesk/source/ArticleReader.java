package org.newsdesk.source;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsdesk.source.SourceArticle.Found;
import org.newsdesk.source.SourceArticle.Image;
import org.newsdesk.platform.TextLimit;

/**
 * Reads what a news page says about its article, with jsoup: the structured data first (JSON-LD
 * {@code NewsArticle}), then Open Graph and {@code article:} meta tags, then the page's own markup
 * ({@code <h1>}, {@code <time>}, {@code <p>} in the {@code <article>}).
 *
 * <pre>
 * SourceArticle article = ArticleReader.read(page);   // a SourcePage from SourceFetcher
 * article.publishedOn().value();   // 2024-02-04
 * article.publishedOn().where();   // "JSON-LD datePublished"
 * </pre>
 */
public final class ArticleReader {

    private static final Pattern NOTICE = Pattern.compile(
            "^(correction|corrected|clarification|update|updated|editor['’]s note)\\b.{0,20}?[:.—–-]", Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final String BOILERPLATE = "figure, figcaption, aside, nav, footer, header, form, script, style, noscript, "
            + "[class~=(?i)(related|newsletter|share|promo|advert|byline|caption|credit)]";

    private ArticleReader() {
    }

    /** Reads a fetched page (its bytes, in the charset it declared or the one its markup declares). */
    public static SourceArticle read(SourcePage page) {
        try {
            Document document = Jsoup.parse(new ByteArrayInputStream(page.body()),
                    page.charset() == null ? null : page.charset().name(), page.address().toString());
            return read(document, page.address().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceArticle read(Document page, String address) {
        JsonObject article = structuredArticle(page).orElse(JsonValue.EMPTY_JSON_OBJECT);
        Element body = articleBody(page);

        Found<String> headline = first(
                found(text(article, "headline"), "JSON-LD headline"),
                found(meta(page, "og:title"), "og:title"),
                found(meta(page, "twitter:title"), "twitter:title"),
                found(page.selectFirst("h1") == null ? null : page.selectFirst("h1").text(), "<h1>"),
                found(page.title(), "<title>"));
        Found<String> dek = first(
                found(text(article, "description"), "JSON-LD description"),
                found(meta(page, "og:description"), "og:description"),
                found(meta(page, "description"), "meta description"),
                found(meta(page, "twitter:description"), "twitter:description"));
        Found<LocalDate> published = firstDate(
                found(text(article, "datePublished"), "JSON-LD datePublished"),
                found(meta(page, "article:published_time"), "article:published_time"),
                found(timeElement(body, page), "<time datetime>"),
                found(attr(page.selectFirst("[itemprop=datePublished]"), "content", "datetime"), "itemprop datePublished"));
        Found<String> canonical = first(
                found(absolute(page.selectFirst("link[rel=canonical]"), "href"), "link rel=canonical"),
                found(web(meta(page, "og:url")), "og:url"),
                found(web(text(article, "url")), "JSON-LD url"),
                found(address, "the address read"));
        Found<String> siteName = first(
                found(meta(page, "og:site_name"), "og:site_name"),
                found(text(object(article, "publisher"), "name"), "JSON-LD publisher"),
                found(meta(page, "application-name"), "application-name"));

        List<String> paragraphs = paragraphs(body);
        if (paragraphs.isEmpty() && text(article, "articleBody") != null) {
            for (String p : text(article, "articleBody").split("\\n\\s*\\n|\\r?\\n")) {
                if (!p.isBlank()) {
                    paragraphs.add(p.strip());
                }
            }
        }
        int words = paragraphs.stream().mapToInt(ArticleReader::words).sum();
        return new SourceArticle(address, headline, dek, published, Found.none(), canonical, siteName, Found.none(),
                image(article, page, body),
                List.copyOf(paragraphs), words, correction(page, body), paywalled(article, page));
    }

    /** Words as the excerpt counts them: runs of non-space. */
    public static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private static Optional<JsonObject> structuredArticle(Document page) {
        List<JsonObject> candidates = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try (JsonReader reader = Json.createReader(new StringReader(script.data()))) {
                collect(reader.readValue(), candidates, 0);
            } catch (JsonException | IllegalStateException e) {
                // A page's broken structured data is skipped; the meta tags and markup still count.
            }
        }
        return candidates.stream().filter(ArticleReader::isArticle).findFirst();
    }

    private static void collect(JsonValue value, List<JsonObject> into, int depth) {
        if (depth > 4) {
            return;
        }
        if (value instanceof JsonArray array) {
            array.forEach(item -> collect(item, into, depth + 1));
        } else if (value instanceof JsonObject object) {
            into.add(object);
            if (object.containsKey("@graph")) {
                collect(object.get("@graph"), into, depth + 1);
            }
            if (object.get("mainEntity") instanceof JsonObject entity) {
                collect(entity, into, depth + 1);
            }
        }
    }

    private static boolean isArticle(JsonObject object) {
        JsonValue type = object.get("@type");
        List<String> types = new ArrayList<>();
        if (type instanceof JsonString s) {
            types.add(s.getString());
        } else if (type instanceof JsonArray array) {
            array.forEach(t -> types.add(t instanceof JsonString s ? s.getString() : ""));
        }
        return types.stream().anyMatch(t -> t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report"));
    }

    private static String text(JsonObject object, String key) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(key);
        if (value instanceof JsonString s) {
            return clean(s.getString());
        }
        if (value instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonString s) {
            return clean(s.getString());
        }
        if (value instanceof JsonObject o && o.get("@id") instanceof JsonString s) {
            return clean(s.getString());
        }
        return null;
    }

    private static JsonObject object(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonArray array && !array.isEmpty()) {
            value = array.get(0);
        }
        return value instanceof JsonObject o ? o : null;
    }

    /** Structured text may carry entities or tags ({@code &amp;}, {@code <b>}): the text a reader would see. */
    private static String clean(String text) {
        String plain = text.contains("<") || text.contains("&") ? Jsoup.parse(text).text() : text;
        String stripped = plain.replaceAll("\\s+", " ").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String meta(Document page, String name) {
        Element meta = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return meta == null ? null : clean(meta.attr("content"));
    }

    private static String attr(Element element, String... names) {
        if (element == null) {
            return null;
        }
        for (String name : names) {
            if (element.hasAttr(name) && !element.attr(name).isBlank()) {
                return element.attr(name).strip();
            }
        }
        return null;
    }

    private static String absolute(Element element, String attribute) {
        return element == null ? null : web(element.absUrl(attribute));
    }

    private static String web(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    private static String timeElement(Element body, Document page) {
        Element time = body.selectFirst("time[datetime]");
        if (time == null) {
            time = page.selectFirst("time[datetime]");
        }
        return attr(time, "datetime");
    }

    private static <T> Found<T> found(T value, String where) {
        return value == null ? Found.none() : new Found<>(value, where);
    }

    @SafeVarargs
    private static <T> Found<T> first(Found<T>... candidates) {
        for (Found<T> candidate : candidates) {
            if (candidate.present()) {
                return candidate;
            }
        }
        return Found.none();
    }

    @SafeVarargs
    private static Found<LocalDate> firstDate(Found<String>... candidates) {
        for (Found<String> candidate : candidates) {
            LocalDate date = candidate.present() ? date(candidate.value()) : null;
            if (date != null) {
                return new Found<>(date, candidate.where());
            }
        }
        return Found.none();
    }

    /** The calendar date of an ISO 8601 date or time as the source wrote it (its own offset, not ours). */
    static LocalDate date(String text) {
        String t = OFFSET_WITHOUT_COLON.matcher(text.strip()).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(t).toLocalDate();
        } catch (DateTimeParseException e) {
            // not a time with an offset
        }
        try {
            return LocalDateTime.parse(t).toLocalDate();
        } catch (DateTimeParseException e) {
            // not a local time
        }
        Matcher day = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})").matcher(t);
        if (day.find()) {
            try {
                return LocalDate.parse(day.group(1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Element articleBody(Document page) {
        for (String selector : List.of("[itemprop=articleBody]", "article", "main", "[role=main]")) {
            Element element = page.selectFirst(selector);
            if (element != null && !element.select("p").isEmpty()) {
                return element;
            }
        }
        return page.body();
    }

    private static List<String> paragraphs(Element body) {
        Element copy = body.clone();
        copy.select(BOILERPLATE).remove();
        List<String> paragraphs = new ArrayList<>();
        for (Element p : copy.select("p")) {
            String text = p.text().strip();
            if (words(text) >= 6 && !NOTICE.matcher(text).find()) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }

    private static Image image(JsonObject article, Document page, Element body) {
        String url = null;
        String caption = null;
        String credit = null;
        String where = null;
        JsonValue image = article.get("image");
        if (image instanceof JsonArray array && !array.isEmpty()) {
            image = array.get(0);
        }
        if (image instanceof JsonString s) {
            url = web(s.getString());
            where = "JSON-LD image";
        } else if (image instanceof JsonObject o) {
            url = web(text(o, "url") != null ? text(o, "url") : text(o, "contentUrl"));
            caption = text(o, "caption");
            credit = text(o, "creditText") != null ? text(o, "creditText")
                    : text(object(o, "copyrightHolder") == null ? o : object(o, "copyrightHolder"), "name");
            if (credit == null && object(o, "author") != null) {
                credit = text(object(o, "author"), "name");
            }
            where = "JSON-LD image";
        }
        if (url == null) {
            url = web(meta(page, "og:image"));
            where = "og:image";
        }
        Element figure = body.selectFirst("figure:has(img)");
        if (figure == null) {
            figure = page.selectFirst("figure:has(img)");
        }
        if (url == null && figure != null) {
            url = web(figure.selectFirst("img").absUrl("src"));
            where = "the first <figure>";
        }
        if (url == null) {
            return null;
        }
        String alt = meta(page, "og:image:alt");
        if (figure != null) {
            Element creditElement = figure.selectFirst("[class~=(?i)credit], [itemprop=copyrightHolder], small");
            if (credit == null && creditElement != null) {
                credit = clean(creditElement.text());
            }
            Element figcaption = figure.selectFirst("figcaption");
            if (caption == null && figcaption != null) {
                Element text = figcaption.clone();
                text.select("[class~=(?i)credit], [itemprop=copyrightHolder], small").remove();
                caption = clean(text.text());
            }
            Element img = figure.selectFirst("img");
            if (alt == null && img != null) {
                alt = clean(img.attr("alt"));
            }
        }
        return new Image(url, caption, credit, credit == null ? null : where, alt, where);
    }

    private static Found<String> correction(Document page, Element body) {
        Element marked = page.selectFirst("[class~=(?i)(correction|update-notice|editors-note)], [id~=(?i)correction]");
        if (marked != null && !marked.text().isBlank()) {
            return new Found<>(shortened(marked.text()), "a correction notice");
        }
        for (Element element : body.select("p, em, strong, div > i")) {
            String text = element.text().strip();
            if (NOTICE.matcher(text).find()) {
                return new Found<>(shortened(text), "a paragraph starting \"" + text.split("[:.—–-]")[0] + "\"");
            }
        }
        return Found.none();
    }

    private static String shortened(String text) {
        return TextLimit.shorten(text.replaceAll("\\s+", " ").strip(), 400);
    }

    private static boolean paywalled(JsonObject article, Document page) {
        JsonValue free = article.get("isAccessibleForFree");
        boolean locked = free == JsonValue.FALSE || (free instanceof JsonString s && s.getString().equalsIgnoreCase("false"));
        String tier = meta(page, "article:content_tier");
        return locked || (tier != null && !tier.toLowerCase(Locale.ROOT).equals("free"));
    }
}
