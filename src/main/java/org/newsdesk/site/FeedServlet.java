package org.newsdesk.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.platform.PageCache;
import org.newsdesk.platform.PageCacheFilter;
import org.newsdesk.platform.PageTags;
import org.newsdesk.platform.PlatformConfig;

/**
 * The feeds, each in RSS 2.0 and Atom 1.0, with every post whole and its sources credited ({@link FeedWriter}):
 *
 * <table>
 * <tr><td>{@code /feed}, {@code /feed/atom}</td><td>the site's newest posts</td></tr>
 * <tr><td>{@code /feed/section/{slug}}, {@code /feed/section/{slug}/atom}</td><td>one section's</td></tr>
 * <tr><td>{@code /feed/tag/{slug}}, {@code /feed/tag/{slug}/atom}</td><td>one tag's</td></tr>
 * </table>
 *
 * The ETag is the bytes' own, so it changes with any change a reader would see; Last-Modified is the newest
 * edit, publish or unpublish of a post that is or was in the feed. A feed reader's conditional GET is answered
 * 304 by the page cache, or here when the page cache does not keep the feed.
 */
@WebServlet({"/feed", "/feed/*"})
public class FeedServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("(?:/(section|tag)/([\\p{L}\\p{M}\\p{N}-]{1,120}))?(/atom)?/?");

    @Inject
    private PlatformConfig platform;

    @Inject
    private SiteService site;

    @Inject
    private SiteSettings settings;

    @Inject
    private PublicPages publicPages;

    @Inject
    private PageTags pageTags;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SiteIdentity identity = settings.identity();
        Optional<Feed> found = site.feed(path.group(1), path.group(2), identity);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Feed feed = found.get();
        Feed.Format format = path.group(3) == null ? Feed.Format.RSS : Feed.Format.ATOM;
        publicPages.feed(path.group(1) == null ? PublicPages.FEED : PublicPages.listing(path.group(1) + ":" + path.group(2)),
                feed.posts());
        Instant lastModified = feed.updated();
        pageTags.lastModified(lastModified);
        byte[] body = FeedWriter.write(feed, format, identity, platform.siteUrl()).getBytes(StandardCharsets.UTF_8);
        if (!pageTags.isShared()) {
            // The page cache does not see this answer as the same for everyone, so validate here.
            String etag = PageCache.etag(body);
            response.setHeader("ETag", etag);
            response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
            if (PageCacheFilter.notModified(request, List.of(etag), lastModified)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setContentType(format.mediaType() + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
