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
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.post.Post;

/** The sitemap at {@code /sitemap.xml}: the front page and every published post with its last change. */
@WebServlet("/sitemap.xml")
public class SitemapServlet extends HttpServlet {

    @Inject
    private PlatformConfig platform;

    @Inject
    private SiteService site;

    @Inject
    private PublicPages publicPages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = platform.siteUrl();
        publicPages.sitemap();
        response.setContentType("application/xml;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        out.println("<url><loc>" + FeedServlet.xml(base + "/") + "</loc><changefreq>hourly</changefreq></url>");
        for (Object[] row : site.publishedSlugsAndUpdates()) {
            out.println("<url><loc>" + FeedServlet.xml(base + Post.path((String) row[0])) + "</loc><lastmod>"
                    + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(((Instant) row[1]).atOffset(ZoneOffset.UTC)) + "</lastmod></url>");
        }
        out.println("</urlset>");
    }
}
