package org.newsdesk.site;

import static org.newsdesk.site.FeedWriter.ascii;
import static org.newsdesk.site.FeedWriter.xml;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.post.Post;

/**
 * What search engines are told to crawl:
 *
 * <table>
 * <tr><td>{@code /sitemap.xml}</td><td>the sitemap index, naming the three below with their last change</td></tr>
 * <tr><td>{@code /sitemap-posts.xml}</td><td>every published post, with the time of its last edit</td></tr>
 * <tr><td>{@code /sitemap-pages.xml}</td><td>the front page and every section and tag with a published post</td></tr>
 * <tr><td>{@code /sitemap-news.xml}</td><td>the Google News sitemap: posts published in the last two days</td></tr>
 * <tr><td>{@code /robots.txt}</td><td>keeps crawlers off the desk and search results, and names the index</td></tr>
 * </table>
 */
@WebServlet({"/sitemap.xml", "/sitemap-posts.xml", "/sitemap-pages.xml", "/sitemap-news.xml", "/robots.txt"})
public class SitemapServlet extends HttpServlet {

    /** The most a sitemap file may list (sitemaps.org). */
    static final int SITEMAP_MAX = 50_000;
    /** Google News reads posts of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_MAX = 1_000;

    private static final String URLSET = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";

    @Inject
    private PlatformConfig platform;

    @Inject
    private SiteService site;

    @Inject
    private SiteSettings settings;

    @Inject
    private PublicPages publicPages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String base = platform.siteUrl();
        Instant now = Instant.now(Clock.systemUTC());
        publicPages.sitemap();
        StringBuilder out = new StringBuilder(8_192);
        String type = "application/xml";
        switch (path) {
            case "/robots.txt" -> {
                type = "text/plain";
                out.append("User-agent: *\n")
                        .append("Disallow: /admin/\n")
                        .append("Disallow: /login\n")
                        .append("Disallow: /search\n")
                        .append("\n")
                        .append("Sitemap: ").append(base).append("/sitemap.xml\n")
                        .append("Sitemap: ").append(base).append("/sitemap-news.xml\n");
            }
            case "/sitemap-posts.xml" -> {
                out.append(xmlDeclaration()).append(URLSET).append(">\n");
                for (SiteService.SitemapEntry post : site.sitemapEntries(SITEMAP_MAX)) {
                    url(out, base + Post.path(post.slug()), post.updatedAt());
                }
                out.append("</urlset>\n");
            }
            case "/sitemap-pages.xml" -> {
                out.append(xmlDeclaration()).append(URLSET).append(">\n");
                url(out, base + "/", site.lastPublishedChange().orElse(null));
                for (SiteService.ListingChange listing : site.listingsWithPosts()) {
                    url(out, base + listing.path(), listing.updatedAt());
                }
                out.append("</urlset>\n");
            }
            case "/sitemap-news.xml" -> {
                SiteIdentity identity = settings.identity();
                List<SiteService.SitemapEntry> recent = site.publishedSince(now.minus(NEWS_WINDOW), NEWS_MAX);
                out.append(xmlDeclaration()).append(URLSET)
                        .append(" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
                for (SiteService.SitemapEntry post : recent) {
                    out.append("<url><loc>").append(xml(ascii(base + Post.path(post.slug())))).append("</loc><news:news><news:publication>")
                            .append("<news:name>").append(xml(identity.name())).append("</news:name>")
                            .append("<news:language>").append(xml(newsLanguage(identity.language()))).append("</news:language>")
                            .append("</news:publication><news:publication_date>").append(iso(post.publishedAt()))
                            .append("</news:publication_date><news:title>").append(xml(post.headline()))
                            .append("</news:title></news:news></url>\n");
                }
                out.append("</urlset>\n");
                // The oldest post leaves the window at a set time, with no change to announce it.
                recent.stream().map(SiteService.SitemapEntry::publishedAt).min(Instant::compareTo)
                        .ifPresent(oldest -> publicPages.holdsUntil(oldest.plus(NEWS_WINDOW)));
            }
            default -> {
                Instant last = site.lastPublishedChange().orElse(null);
                out.append(xmlDeclaration()).append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                for (String part : List.of("/sitemap-posts.xml", "/sitemap-pages.xml", "/sitemap-news.xml")) {
                    out.append("<sitemap><loc>").append(xml(base + part)).append("</loc>");
                    if (last != null) {
                        out.append("<lastmod>").append(iso(last)).append("</lastmod>");
                    }
                    out.append("</sitemap>\n");
                }
                out.append("</sitemapindex>\n");
            }
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType(type + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Google News takes ISO 639 codes, with {@code zh-cn} and {@code zh-tw} the only regional ones; the site's
     * {@code pt-BR} is {@code pt} there.
     */
    static String newsLanguage(String languageTag) {
        String lower = languageTag.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("zh-")) {
            return lower.contains("tw") || lower.contains("hant") ? "zh-tw" : "zh-cn";
        }
        return lower.split("-")[0];
    }

    private static void url(StringBuilder out, String loc, Instant lastmod) {
        out.append("<url><loc>").append(xml(ascii(loc))).append("</loc>");
        if (lastmod != null) {
            out.append("<lastmod>").append(iso(lastmod)).append("</lastmod>");
        }
        out.append("</url>\n");
    }

    private static String xmlDeclaration() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
