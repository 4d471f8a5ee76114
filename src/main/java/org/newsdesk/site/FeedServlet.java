package org.newsdesk.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.newsdesk.platform.PlatformConfig;

/**
 * The RSS 2.0 feed of the newest published posts at {@code /feed}, for readers' feed readers and the
 * aggregators that pick up our posts. Answers 304 when nothing was published since the reader's copy.
 */
@WebServlet("/feed")
public class FeedServlet extends HttpServlet {

    @Inject
    private PlatformConfig platform;

    private static final int ITEMS = 20;

    @Inject
    private SiteService site;

    @Inject
    private PublicPages publicPages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<PostSummary> posts = site.latest(ITEMS);
        publicPages.listing(PublicPages.FEED, posts);
        Instant newest = posts.stream().map(PostSummary::publishedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        long lastModified = newest.toEpochMilli() / 1000 * 1000;
        if (request.getDateHeader("If-Modified-Since") >= lastModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String base = platform.siteUrl();
        response.setContentType("application/rss+xml;charset=UTF-8");
        response.setDateHeader("Last-Modified", lastModified);
        PrintWriter out = response.getWriter();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>");
        out.println("<title>Newsdesk</title>");
        out.println("<link>" + xml(base + "/") + "</link>");
        out.println("<atom:link href=\"" + xml(base + "/feed") + "\" rel=\"self\" type=\"application/rss+xml\"/>");
        out.println("<description>What the world's newsrooms are reporting, in their words</description>");
        out.println("<language>en</language>");
        out.println("<lastBuildDate>" + rfc1123(newest) + "</lastBuildDate>");
        for (PostSummary post : posts) {
            String link = base + post.getUrl();
            out.println("<item>");
            out.println("<title>" + xml(post.headline()) + "</title>");
            out.println("<link>" + xml(link) + "</link>");
            out.println("<guid isPermaLink=\"true\">" + xml(link) + "</guid>");
            out.println("<pubDate>" + rfc1123(post.publishedAt()) + "</pubDate>");
            if (post.section() != null) {
                out.println("<category>" + xml(post.section()) + "</category>");
            }
            out.println("<description>" + xml(post.getOutletList() + ": " + post.teaser()) + "</description>");
            out.println("</item>");
        }
        out.println("</channel></rss>");
    }

    static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Text made safe for XML content and attributes. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped.
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
