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
import org.newsdesk.platform.TextLimit;
import org.newsdesk.source.SourceArticle.Found;
import org.newsdesk.source.SourceArticle.Image;

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
        List<JsonObject> structured = structured(page);
        JsonObject article = structured.stream().filter(ArticleReader::isArticle).findFirst().orElse(JsonValue.EMPTY_JSON_OBJECT);
        Element body = articleBody(page);

        Found<String> headline = first(
                found(text(article, "headline"), "JSON-LD headline"),
                found(meta(page, "og:title"), "og:title"),
                found(meta(page, "twitter:title"), "twitter:title"),
                found(postTitle(page), Provenance.POST_TITLE),
                found(page.selectFirst("h1") == null ? null : clean(page.selectFirst("h1").text()), "<h1>"),
                found(clean(page.title()), "<title>"));
        Found<String> dek = first(
                found(text(article, "description"), "JSON-LD description"),
                found(meta(page, "og:description"), "og:description"),
                found(meta(page, "description"), "meta description"),
                found(meta(page, "twitter:description"), "twitter:description"));
        Found<String> publishedText = firstDate(
                found(text(article, "datePublished"), "JSON-LD datePublished"),
                found(meta(page, "article:published_time"), "article:published_time"),
                found(attr(page.selectFirst("[itemprop=datePublished]"), "content", "datetime"), "itemprop datePublished"),
                found(timeElement(body, page), "<time datetime>"),
                found(attr(page.selectFirst("abbr.published[title], [class~=(?i)^(published|dtstart|date-published|entry-date)$][title]"),
                        "title"), Provenance.PUBLISHED_TIMESTAMP),
                found(meta(page, "date"), "meta date"),
                found(meta(page, "pubdate"), "meta pubdate"),
                found(meta(page, "parsely-pub-date"), "parsely-pub-date"));
        Found<LocalDate> published = publishedText.present()
                ? new Found<>(PublicationDate.day(publishedText.value()), publishedText.where()) : Found.none();
        OffsetDateTime moment = publishedText.present() ? PublicationDate.moment(publishedText.value()) : null;
        Found<OffsetDateTime> publishedAt = moment == null ? Found.none() : new Found<>(moment, publishedText.where());
        Found<String> canonical = first(
                found(absolute(page.selectFirst("link[rel=canonical]"), "href"), "link rel=canonical"),
                found(web(absoluteMeta(page, "og:url")), "og:url"),
                found(web(text(article, "url")), "JSON-LD url"),
                found(address, Provenance.ADDRESS_READ));
        Found<String> siteName = first(
                found(meta(page, "og:site_name"), "og:site_name"),
                found(text(object(article, "publisher"), "name"), "JSON-LD publisher"),
                found(publisherName(structured), "JSON-LD Organization"),
                found(meta(page, "application-name"), "application-name"),
                found(titleSuffix(page, headline.value()), Provenance.TITLE_SUFFIX));

        List<ArticleText.Block> blocks = ArticleText.blocks(page);
        List<String> text = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        String headlineKey = key(headline.value());
        String titleKey = key(page.title());
        String dekKey = key(dek.value());
        for (ArticleText.Block block : blocks) {
            String blockKey = key(block.text());
            boolean partOfTitle = blockKey.length() >= 8 && words(block.text()) <= 20
                    && (headlineKey.contains(blockKey) || titleKey.contains(blockKey));
            if (text.isEmpty() && (blockKey.equals(headlineKey) || partOfTitle)) {
                continue; // the headline (or the title's words) printed above the article is not its text
            }
            text.add(block.text());
            // The dek printed again as the first paragraph (an AMP page's), perhaps cut short with an ellipsis.
            boolean repeatsDek = paragraphs.isEmpty() && dekKey.length() >= 20 && blockKey.length() >= 20
                    && (blockKey.equals(dekKey) || dekKey.startsWith(blockKey) || blockKey.startsWith(dekKey));
            if (!block.heading() && !repeatsDek && !NOTICE.matcher(block.text()).find()) {
                paragraphs.add(block.text());
            }
        }
        String structuredBody = rawText(article, "articleBody");
        if (words(String.join(" ", text)) < 30 && structuredBody != null && words(structuredBody) > words(String.join(" ", text))) {
            text.clear();
            paragraphs.clear();
            for (String p : structuredBody.split("\\n\\s*\\n|\\r?\\n")) {
                String line = p.replaceAll("\\s+", " ").strip();
                if (!line.isEmpty()) {
                    text.add(line);
                    paragraphs.add(line);
                }
            }
        }
        int words = text.stream().mapToInt(ArticleReader::words).sum();
        return new SourceArticle(address, headline, dek, published, publishedAt, canonical, siteName,
                authors(article, structured, page, body), image(article, structured, page, body), List.copyOf(paragraphs), List.copyOf(text),
                words, correction(page, body), paywalled(article, page));
    }

    /** Text compared without case, spaces or punctuation: a block that repeats the headline or the dek. */
    private static String key(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Words as the excerpt counts them: runs of non-space. */
    public static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** Every object of the page's JSON-LD, {@code @graph} and {@code mainEntity} included; broken scripts are skipped. */
    private static List<JsonObject> structured(Document page) {
        List<JsonObject> objects = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try (JsonReader reader = Json.createReader(new StringReader(script.data()))) {
                collect(reader.readValue(), objects, 0);
            } catch (JsonException | IllegalStateException e) {
                // A page's broken structured data is skipped; the meta tags and markup still count.
            }
        }
        return objects;
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
        return types(object).stream().anyMatch(t -> t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report"));
    }

    private static List<String> types(JsonObject object) {
        JsonValue type = object.get("@type");
        List<String> types = new ArrayList<>();
        if (type instanceof JsonString s) {
            types.add(s.getString());
        } else if (type instanceof JsonArray array) {
            array.forEach(t -> types.add(t instanceof JsonString s ? s.getString() : ""));
        }
        return types;
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

    /** A JSON-LD text with its line breaks (an {@code articleBody}'s paragraphs), entities and tags read as text. */
    private static String rawText(JsonObject object, String key) {
        if (!(object.get(key) instanceof JsonString s) || s.getString().isBlank()) {
            return null;
        }
        String value = s.getString();
        return value.contains("<") || value.contains("&") ? Jsoup.parse(value.replace("\n", "<br>")).wholeText() : value;
    }

    private static JsonObject object(JsonObject object, String key) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(key);
        if (value instanceof JsonArray array && !array.isEmpty()) {
            value = array.get(0);
        }
        return value instanceof JsonObject o ? o : null;
    }

    /** Structured text may carry entities or tags ({@code &amp;}, {@code <b>}): the text a reader would see. */
    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.contains("<") || text.contains("&") ? Jsoup.parse(text).text() : text;
        String stripped = plain.replaceAll("\\s+", " ").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String meta(Document page, String name) {
        Element meta = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
        return meta == null ? null : clean(meta.attr("content"));
    }

    /** A meta tag's address made whole: protocol-relative ({@code //cdn…}) or relative to the page or its {@code <base href>}. */
    private static String absoluteMeta(Document page, String name) {
        Element meta = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return meta == null || meta.attr("content").isBlank() ? null : web(meta.absUrl("content"));
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
        return element == null || element.attr(attribute).isBlank() ? null : web(element.absUrl(attribute));
    }

    private static String web(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    /** An address in structured data, made whole against the page's base (protocol-relative and relative ones). */
    private static String resolve(Document page, String url) {
        if (url == null || url.isBlank() || url.regionMatches(true, 0, "data:", 0, 5)) {
            return null;
        }
        try {
            return web(java.net.URI.create(page.location().isEmpty() ? "https://invalid/" : base(page)).resolve(url.strip().replace(" ", "%20")).toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String base(Document page) {
        Element base = page.selectFirst("base[href]");
        String href = base == null ? "" : base.absUrl("href");
        return href.isEmpty() ? page.location() : href;
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

    /** The first candidate that is a date, as written. */
    @SafeVarargs
    private static Found<String> firstDate(Found<String>... candidates) {
        for (Found<String> candidate : candidates) {
            if (candidate.present() && PublicationDate.day(candidate.value()) != null) {
                return candidate;
            }
        }
        return Found.none();
    }

    /** The calendar date of an ISO 8601 date or time as the source wrote it (its own offset, not ours). */
    static LocalDate date(String text) {
        return PublicationDate.day(text);
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

    /** The publisher's name when the page describes it apart from the article ({@code @graph} with an Organization). */
    private static String publisherName(List<JsonObject> structured) {
        return structured.stream().filter(o -> types(o).stream().anyMatch(t -> t.equals("Organization") || t.equals("NewsMediaOrganization")))
                .map(o -> text(o, "name")).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** A blog post's title, which blogs set apart from the blog's name in the {@code <h1>}. */
    private static String postTitle(Document page) {
        Element title = page.selectFirst("[itemprop=headline], .entry-title, .post-title");
        return title == null ? null : clean(title.text());
    }

    /**
     * "Headline - Reuters", "Headline | The Times of Israel", "Harbor Town Notes: Headline": the part of the title
     * that is not the headline.
     */
    private static String titleSuffix(Document page, String headline) {
        String title = clean(page.title());
        if (title == null) {
            return null;
        }
        if (headline != null && title.endsWith(headline) && title.length() > headline.length()) {
            String prefix = title.substring(0, title.length() - headline.length()).replaceFirst("\\s*[|–—:·-]\\s*$", "").strip();
            if (!prefix.isEmpty() && prefix.length() <= 60 && words(prefix) <= 6 && !prefix.equals(title.substring(0, title.length() - headline.length()).strip())) {
                return prefix;
            }
        }
        Matcher m = TITLE_SUFFIX.matcher(title);
        if (!m.find()) {
            return null;
        }
        String suffix = m.group(1).strip();
        boolean isHeadline = headline != null && key(suffix).equals(key(headline));
        return isHeadline || suffix.length() > 60 || words(suffix) > 6 ? null : suffix;
    }

    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s[|–—-]\\s([^|–—]{2,60})$");

    /** Authors as the page names them: JSON-LD, then meta author, then {@code rel=author} and byline markup. */
    private static Found<List<String>> authors(JsonObject article, List<JsonObject> structured, Document page, Element body) {
        List<String> names = new ArrayList<>();
        JsonValue author = article.get("author");
        if (author instanceof JsonArray array) {
            array.forEach(a -> addAuthor(names, authorName(a, structured)));
        } else if (author != null) {
            addAuthor(names, authorName(author, structured));
        }
        if (!names.isEmpty()) {
            return new Found<>(List.copyOf(names), "JSON-LD author");
        }
        for (Element meta : page.select("meta[name=author], meta[property=article:author], meta[name=byl], meta[name=sailthru.author]")) {
            String content = clean(meta.attr("content"));
            if (content != null && !content.startsWith("http")) {
                splitAuthors(content).forEach(n -> addAuthor(names, n));
            }
        }
        if (!names.isEmpty()) {
            return new Found<>(List.copyOf(names), "meta author");
        }
        for (Element link : page.select("a[rel~=author], [itemprop=author] [itemprop=name], [itemprop=author]:not(:has([itemprop=name])), "
                + "[class~=(?i)author|vcard] .fn")) {
            if (!inComments(link)) {
                addAuthor(names, clean(link.text()));
            }
        }
        if (!names.isEmpty()) {
            return new Found<>(List.copyOf(names), "rel=author");
        }
        String bylines = "[class~=(?i)byline|author|auteur|autor|writer|reporter|signature], [data-component~=(?i)byline], [data-testid~=(?i)byline]";
        Element byline = body.selectFirst(bylines);
        if (byline == null) {
            byline = page.selectFirst(bylines);
        }
        if (byline != null) {
            Matcher m = BYLINE.matcher(byline.text());
            if (m.find()) {
                splitAuthors(m.group(1)).forEach(n -> addAuthor(names, n));
            } else {
                // A byline box that names its reporter without "By": its first line, when it reads as a name.
                for (Element line : byline.select("*:matchesOwn(\\S)")) {
                    String name = clean(line.ownText());
                    if (!line.tagName().equals("time") && name != null && NAME.matcher(name).matches()) {
                        addAuthor(names, name);
                        break;
                    }
                }
            }
        }
        return names.isEmpty() ? Found.none() : new Found<>(List.copyOf(names), Provenance.BYLINE);
    }

    /** Whether an element is part of the readers' comments, whose authors are not the article's. */
    private static boolean inComments(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if ((e.className() + " " + e.id()).matches("(?i).*\\bcomment.*")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern NAME = Pattern.compile("^[\\p{Lu}\\p{Lo}][\\p{L}\\p{M}.'’-]*(\\s[\\p{Lu}\\p{Lo}][\\p{L}\\p{M}.'’-]*){1,3}$");
    private static final Pattern BYLINE = Pattern.compile("(?i)^\\s*(?:posted by|written by|by|von|par|por|di|door|بقلم|كتبت|كتب|إعداد|מאת|כתב|από|του|της)\\s*:?\\s+([^|·•\\d]{2,120}?)\\s*(?:$|[|·•]|,?\\s*(?:updated|published|\\d))");

    private static String authorName(JsonValue value, List<JsonObject> structured) {
        if (value instanceof JsonString s) {
            return clean(s.getString());
        }
        if (value instanceof JsonObject o) {
            JsonObject person = referenced(o, structured);
            boolean organisation = types(person).stream().anyMatch(t -> t.endsWith("Organization"));
            return organisation ? null : text(person, "name");
        }
        return null;
    }

    private static List<String> splitAuthors(String text) {
        List<String> names = new ArrayList<>();
        for (String name : text.split("\\s*(?:,|;|\\band\\b|&|\\bو\\b|\\bו)\\s*")) {
            names.add(name);
        }
        return names;
    }

    private static void addAuthor(List<String> names, String name) {
        String cleaned = clean(name);
        if (cleaned == null || cleaned.startsWith("http") || cleaned.length() > 80 || names.size() >= 8) {
            return;
        }
        String author = cleaned.replaceFirst("(?i)^(by|von|par|por)\\s+", "");
        if (!author.isEmpty() && names.stream().noneMatch(n -> n.equalsIgnoreCase(author))) {
            names.add(author);
        }
    }

    /** A JSON-LD node given only by its {@code @id}, looked up in the page's graph (itself when not found). */
    private static JsonObject referenced(JsonObject node, List<JsonObject> structured) {
        if (node.size() == 1 && node.get("@id") instanceof JsonString id) {
            return structured.stream().filter(s -> s != node && s.size() > 1 && s.get("@id") instanceof JsonString other
                    && other.getString().equals(id.getString())).findFirst().orElse(node);
        }
        return node;
    }

    /**
     * The lead image: JSON-LD {@code image} (an address, an {@code ImageObject}, a reference by {@code @id}, an array),
     * then {@code og:image}, then the first {@code <figure>}'s picture; relative and protocol-relative addresses made
     * whole, lazy images read from {@code data-src} or the largest of {@code srcset}, {@code data:} never.
     */
    private static Image image(JsonObject article, List<JsonObject> structured, Document page, Element body) {
        String url = null;
        String caption = null;
        String credit = null;
        String creditWhere = null;
        String where = null;
        JsonValue image = article.get("image");
        if (image instanceof JsonArray array && !array.isEmpty()) {
            image = array.get(0);
        }
        if (image instanceof JsonObject o) {
            image = referenced(o, structured);
        }
        if (image instanceof JsonString s) {
            url = resolve(page, s.getString());
            where = "JSON-LD image";
        } else if (image instanceof JsonObject o) {
            url = resolve(page, text(o, "url") != null ? text(o, "url") : text(o, "contentUrl"));
            caption = text(o, "caption");
            if (text(o, "creditText") != null) {
                credit = text(o, "creditText");
                creditWhere = "JSON-LD image creditText";
            } else if (object(o, "copyrightHolder") != null || text(o, "copyrightHolder") != null) {
                credit = object(o, "copyrightHolder") != null ? text(object(o, "copyrightHolder"), "name") : text(o, "copyrightHolder");
                creditWhere = "JSON-LD image copyrightHolder";
            } else if (object(o, "author") != null || text(o, "author") != null) {
                credit = object(o, "author") != null ? text(object(o, "author"), "name") : text(o, "author");
                creditWhere = "JSON-LD image author";
            }
            where = "JSON-LD image";
        }
        if (url == null) {
            url = web(absoluteMeta(page, "og:image"));
            where = url == null ? null : "og:image";
        }
        if (url == null) {
            url = web(absoluteMeta(page, "twitter:image"));
            where = url == null ? null : "twitter:image";
        }
        Element figure = leadFigure(body);
        if (figure == null) {
            figure = leadFigure(page.body() == null ? page : page.body());
        }
        if (url == null && figure != null) {
            url = imageAddress(figure.selectFirst("img, amp-img"));
            where = url == null ? null : Provenance.FIRST_FIGURE;
        }
        if (url == null) {
            return null;
        }
        String alt = meta(page, "og:image:alt");
        if (figure != null) {
            Element creditElement = figure.selectFirst("[class~=(?i)credit|copyright|byline|source], [itemprop=copyrightHolder], small");
            if (credit == null && creditElement != null && clean(creditElement.text()) != null) {
                // "(AP Photo/Hadi Mizban)", "Image source, Getty Images": the credit without its brackets or label
                CaptionCredit.Split marked = CaptionCredit.split(clean(creditElement.text()));
                credit = marked.credit() != null ? marked.credit() : marked.caption();
                creditWhere = Provenance.FIGURE_CREDIT;
            }
            Element figcaption = figure.selectFirst("figcaption, [class~=(?i)caption]");
            if (credit == null) {
                // Text in the figure outside its caption is its credit ("Image source, Getty Images").
                Element rest = figure.clone();
                rest.select("figcaption, [class~=(?i)caption], img, amp-img, picture, noscript, script").remove();
                String restText = clean(rest.text());
                if (restText != null && restText.length() <= 120) {
                    CaptionCredit.Split marked = CaptionCredit.split(restText);
                    credit = marked.credit() != null ? marked.credit() : marked.caption();
                    creditWhere = credit == null ? null : Provenance.FIGURE_CAPTION;
                }
            }
            if (caption == null && figcaption != null) {
                Element text = figcaption.clone();
                text.select("[class~=(?i)credit|copyright|byline|source], [itemprop=copyrightHolder], small").remove();
                caption = clean(text.text());
            }
            Element img = figure.selectFirst("img, amp-img");
            if (alt == null && img != null) {
                alt = clean(img.attr("alt"));
            }
        }
        if (caption != null) {
            // Credits written into the caption ("… REUTERS/Haider Mawlood", "(AFP/File)") and screen-reader labels
            // ("Image caption,") come out of it; the credit is used when the page gave none apart.
            CaptionCredit.Split split = CaptionCredit.split(caption);
            caption = split.caption();
            if (credit == null && split.credit() != null) {
                credit = split.credit();
                creditWhere = split.where();
            }
        }
        return new Image(url, caption, credit, creditWhere, alt, where);
    }

    /** The page's first picture with a caption: a {@code <figure>}, or a box holding an image and a caption. */
    private static Element leadFigure(Element within) {
        Element figure = within.selectFirst("figure:has(img), figure:has(amp-img)");
        if (figure != null) {
            return figure;
        }
        Element caption = within.selectFirst("[class~=(?i)^(wp-)?caption(-text)?$|image-caption|media-caption|photo-caption]");
        if (caption != null && caption.parent() != null && caption.parent().selectFirst("img, amp-img") != null) {
            return caption.parent();
        }
        return null;
    }

    /** An {@code <img>}'s picture: {@code src} unless it is a placeholder, else {@code data-src} or the largest in a srcset. */
    private static String imageAddress(Element img) {
        if (img == null) {
            return null;
        }
        for (String attribute : List.of("data-src", "data-lazy-src", "data-original", "src")) {
            String value = img.attr(attribute).strip();
            if (!value.isEmpty() && !value.regionMatches(true, 0, "data:", 0, 5) && !value.matches("(?i).*(placeholder|blank|spacer|pixel|lazy)[^/]*\\.(gif|png|svg)$")) {
                String url = web(img.absUrl(attribute));
                if (url != null) {
                    return url;
                }
            }
        }
        for (String attribute : List.of("srcset", "data-srcset", "data-lazy-srcset")) {
            String largest = largestInSrcset(img, attribute);
            if (largest != null) {
                return largest;
            }
        }
        return null;
    }

    private static String largestInSrcset(Element img, String attribute) {
        String best = null;
        double bestSize = -1;
        for (String candidate : img.attr(attribute).split(",\\s+")) {
            String[] parts = candidate.strip().split("\\s+");
            if (parts.length == 0 || parts[0].isEmpty() || parts[0].regionMatches(true, 0, "data:", 0, 5)) {
                continue;
            }
            double size = 1;
            if (parts.length > 1) {
                try {
                    size = Double.parseDouble(parts[1].replaceAll("[^0-9.]", ""));
                } catch (NumberFormatException e) {
                    size = 1;
                }
            }
            if (size > bestSize) {
                String url = resolve(img.ownerDocument(), parts[0]);
                if (url != null) {
                    best = url;
                    bestSize = size;
                }
            }
        }
        return best;
    }

    private static Found<String> correction(Document page, Element body) {
        Element marked = page.selectFirst("[class~=(?i)(correction|update-notice|editors-note)], [id~=(?i)correction]");
        if (marked != null && !marked.text().isBlank()) {
            return new Found<>(shortened(marked.text()), Provenance.CORRECTION_NOTICE);
        }
        for (Element element : body.select("p, em, strong, div > i")) {
            String text = element.text().strip();
            if (NOTICE.matcher(text).find()) {
                return new Found<>(shortened(text), Provenance.paragraph(text.split("[:.—–-]")[0]));
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
