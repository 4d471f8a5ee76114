package org.newsdesk.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.newsdesk.platform.Dates;
import org.newsdesk.platform.Texts;
import org.newsdesk.media.Photo;
import org.newsdesk.media.VariantSize;
import org.newsdesk.post.Excerpt;
import org.newsdesk.post.Post;
import org.newsdesk.post.RelatedLink;

/**
 * Writes a {@link Feed} as RSS 2.0 or Atom 1.0. Each item carries the post whole, as its page shows it: every
 * excerpt with its photo, caption and credit, the outlet and original date, the dek, the quoted paragraphs, the
 * READ FULL ARTICLE link, the SOURCE line and the related links; so a feed reader credits the sources as the
 * site does. Every address is whole, built on the configured site address.
 */
public final class FeedWriter {

    private FeedWriter() {
    }

    public static String write(Feed feed, Feed.Format format, SiteIdentity site, String siteUrl) {
        return format == Feed.Format.ATOM ? atom(feed, site, siteUrl) : rss(feed, site, siteUrl);
    }

    static String rss(Feed feed, SiteIdentity site, String siteUrl) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"")
                .append(" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        out.append("<channel>\n");
        element(out, "title", feed.title());
        element(out, "link", ascii(siteUrl + feed.pagePath()));
        out.append("<atom:link href=\"").append(xml(ascii(siteUrl + Feed.Format.RSS.path(feed.feedPath()))))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        element(out, "description", feed.description().isBlank() ? feed.title() : feed.description());
        element(out, "language", site.language());
        element(out, "lastBuildDate", rfc1123(feed.updated()));
        String logo = site.logoUrl(siteUrl);
        if (logo != null) {
            out.append("<image>");
            element(out, "url", logo);
            element(out, "title", feed.title());
            element(out, "link", ascii(siteUrl + feed.pagePath()));
            out.append("</image>\n");
        }
        for (Post post : feed.posts()) {
            String link = ascii(siteUrl + Post.path(post.getSlug()));
            out.append("<item>\n");
            element(out, "title", post.getHeadline());
            element(out, "link", link);
            out.append("<guid isPermaLink=\"true\">").append(xml(link)).append("</guid>\n");
            element(out, "pubDate", rfc1123(post.getPublishedAt()));
            if (post.getAuthor() != null) {
                element(out, "dc:creator", post.getAuthor().getDisplayName());
            }
            if (post.getSection() != null) {
                element(out, "category", post.getSection().getName());
            }
            post.getTags().forEach(tag -> element(out, "category", tag.getName()));
            element(out, "description", summary(post, words(site)));
            element(out, "content:encoded", content(post, siteUrl, words(site)));
            out.append("</item>\n");
        }
        out.append("</channel>\n</rss>\n");
        return out.toString();
    }

    static String atom(Feed feed, SiteIdentity site, String siteUrl) {
        StringBuilder out = new StringBuilder(16_384);
        String self = ascii(siteUrl + Feed.Format.ATOM.path(feed.feedPath()));
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(xml(site.language())).append("\">\n");
        element(out, "id", self);
        element(out, "title", feed.title());
        if (!feed.description().isBlank()) {
            element(out, "subtitle", feed.description());
        }
        element(out, "updated", iso(feed.updated()));
        out.append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(xml(self)).append("\"/>\n");
        out.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(ascii(siteUrl + feed.pagePath()))).append("\"/>\n");
        out.append("<author><name>").append(xml(site.name())).append("</name></author>\n");
        element(out, "generator", "Newsdesk");
        String logo = site.logoUrl(siteUrl);
        if (logo != null) {
            element(out, "logo", logo);
        }
        for (Post post : feed.posts()) {
            String link = ascii(siteUrl + Post.path(post.getSlug()));
            out.append("<entry>\n");
            element(out, "id", link);
            element(out, "title", post.getHeadline());
            out.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(link)).append("\"/>\n");
            element(out, "published", iso(post.getPublishedAt()));
            element(out, "updated", iso(post.getUpdatedAt() == null ? post.getPublishedAt() : post.getUpdatedAt()));
            if (post.getAuthor() != null) {
                out.append("<author><name>").append(xml(post.getAuthor().getDisplayName())).append("</name></author>\n");
            }
            if (post.getSection() != null) {
                out.append("<category term=\"").append(xml(post.getSection().getSlug())).append("\" label=\"")
                        .append(xml(post.getSection().getName())).append("\"/>\n");
            }
            post.getTags().forEach(tag -> out.append("<category term=\"").append(xml(tag.getSlug())).append("\" label=\"")
                    .append(xml(tag.getName())).append("\"/>\n"));
            out.append("<summary type=\"text\">").append(xml(summary(post, words(site)))).append("</summary>\n");
            out.append("<content type=\"html\">").append(xml(content(post, siteUrl, words(site)))).append("</content>\n");
            out.append("</entry>\n");
        }
        out.append("</feed>\n");
        return out.toString();
    }

    /** "TIMES OF ISRAEL, REUTERS: the first dek" */
    static String summary(Post post, Texts words) {
        String outlets = String.join(words.text("list.separator"), post.getExcerpts().stream().filter(e -> e.getOutlet() != null)
                .map(e -> e.getOutlet().getName()).distinct().toList());
        String dek = post.getExcerpts().stream().map(Excerpt::getDek).filter(d -> d != null && !d.isBlank()).findFirst().orElse("");
        return outlets.isEmpty() ? dek : dek.isEmpty() ? outlets : words.format("feed.summary", outlets, dek);
    }

    /** The post's excerpts as HTML, each credited as on the post page. The bodies are stored sanitized. */
    /** The site's words, in its language, for what a feed says around the posts. */
    static Texts words(SiteIdentity site) {
        return Texts.of(Texts.Family.SITE, Locale.forLanguageTag(site.language()));
    }

    static String content(Post post, String siteUrl, Texts words) {
        StringBuilder html = new StringBuilder(4_096);
        for (Excerpt excerpt : post.getExcerpts()) {
            html.append("<section>");
            Photo photo = excerpt.getPhoto();
            if (photo != null) {
                html.append("<figure><img src=\"").append(xml(siteUrl + "/media/" + photo.getPublicKey() + "/"
                        + VariantSize.LARGE.variantName())).append("\" alt=\"").append(xml(nullToEmpty(excerpt.getAltText()))).append("\"");
                int[] size = photo.sizeAt(VariantSize.LARGE);
                if (size[0] > 0) {
                    html.append(" width=\"").append(size[0]).append("\" height=\"").append(size[1]).append("\"");
                }
                html.append("/><figcaption>").append(xml(nullToEmpty(excerpt.getCaption())));
                if (excerpt.getStyledCredit() != null) {
                    html.append(" <small>").append(xml(excerpt.getStyledCredit())).append("</small>");
                }
                html.append("</figcaption></figure>");
            }
            html.append("<p><strong>").append(xml(excerpt.getOutlet() == null ? "" : excerpt.getOutlet().getName())).append("</strong>");
            if (excerpt.getOriginalPublishedOn() != null) {
                html.append(" | ").append(xml(words.format("post.published", Dates.dayIn(excerpt.getOriginalPublishedOn(), words.locale()))));
            }
            html.append("</p>");
            if (excerpt.getDek() != null && !excerpt.getDek().isBlank()) {
                html.append("<p><em>").append(xml(excerpt.getDek())).append("</em></p>");
            }
            html.append(nullToEmpty(excerpt.getBody()));
            if (excerpt.getArticleUrl() != null) {
                html.append("<p><a href=\"").append(xml(excerpt.getArticleUrl())).append("\">").append(xml(words.text("post.readFull"))).append("</a></p>");
            }
            if (excerpt.getSourceHost() != null) {
                html.append("<p>").append(xml(words.format("post.source", excerpt.getSourceHost()))).append("</p>");
            }
            for (RelatedLink related : excerpt.getRelatedLinks()) {
                html.append("<p>").append(xml(words.text("post.related"))).append(" <a href=\"").append(xml(related.getUrl())).append("\">").append(xml(related.getTitle()))
                        .append("</a></p>");
            }
            html.append("</section>");
        }
        return html.toString();
    }

    static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void element(StringBuilder out, String name, String text) {
        out.append('<').append(name).append('>').append(xml(nullToEmpty(text))).append("</").append(name).append(">\n");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /**
     * An address with every character outside ASCII percent-encoded as UTF-8, as feeds and sitemaps require
     * ({@code /section/الشرق} becomes {@code /section/%D8%A7...}); ASCII is left as it is.
     */
    public static String ascii(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        url.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        });
        return out.toString();
    }

    /** Text made safe for XML content and attributes; characters XML 1.0 cannot carry at all are dropped. */
    public static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
