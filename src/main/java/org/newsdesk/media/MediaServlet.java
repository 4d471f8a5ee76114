package org.newsdesk.media;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.newsdesk.platform.SecurityHeadersFilter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omnifaces.servlet.FileServlet;

/**
 * Serves photos at {@code /media/{publicKey}/{variant}} ({@code thumbnail}, {@code medium},
 * {@code large} or {@code original}) with ETag, Last-Modified and Range. Who may see what is
 * {@link MediaService#file}'s decision; whatever a caller may not see is a 404, like a photo that does
 * not exist. What readers may see is cached publicly for a day; what only staff may see is cached by
 * their own browser alone, and checked again on every use. A variant that was never made (photos from
 * before variants existed) is answered with the original. OmniFaces' FileServlet does the HTTP part.
 */
@WebServlet("/media/*")
public class MediaServlet extends FileServlet {

    private static final Pattern PATH = Pattern.compile("/([0-9a-f]{32})(?:/([a-z]{1,16}))?");
    /**
     * A day, not a year: a photo's bytes never change, but a post can be unpublished, and shared caches
     * keep what they were given until it expires (the servlet itself stops serving it at once).
     */
    private static final long PUBLIC_SECONDS = TimeUnit.DAYS.toSeconds(1);
    private static final String STAFF_ONLY = MediaServlet.class.getName() + ".staffOnly";

    @Inject
    private MediaService media;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        super.doGet(request, new StaffOnlyCaching(request, response));
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        super.doHead(request, new StaffOnlyCaching(request, response));
    }

    @Override
    protected File getFile(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        Matcher matcher = PATH.matcher(pathInfo == null ? "" : pathInfo);
        if (!matcher.matches()) {
            // Old numeric addresses included: a 404, so they reveal nothing about which photos exist.
            return null;
        }
        String variant = matcher.group(2) == null ? "original" : matcher.group(2);
        Optional<MediaService.MediaFile> file = media.file(matcher.group(1), variant)
                .filter(found -> Files.isReadable(found.path()));
        file.ifPresent(found -> request.setAttribute(STAFF_ONLY, !found.forReaders()));
        return file.map(found -> found.path().toFile()).orElse(null);
    }

    @Override
    protected long getExpireTime(HttpServletRequest request, File file) {
        return PUBLIC_SECONDS;
    }

    @Override
    protected String getContentType(HttpServletRequest request, File file) {
        String name = file.getName();
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return name.endsWith(".png") ? "image/png" : "image/jpeg";
    }

    /**
     * FileServlet marks every answer public; a photo only staff may see must never sit in a shared cache
     * (a CDN would hand it to the next reader), so its answer is made private and revalidated each time.
     */
    private static final class StaffOnlyCaching extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        StaffOnlyCaching(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private boolean staffOnly() {
            return Boolean.TRUE.equals(request.getAttribute(STAFF_ONLY));
        }

        @Override
        public void setHeader(String name, String value) {
            if (staffOnly() && "Cache-Control".equalsIgnoreCase(name)) {
                super.setHeader(name, "private,no-cache");
            } else {
                super.setHeader(name, value);
            }
        }

        /** FileServlet resets the response before it answers, which drops the site's security headers. */
        @Override
        public void reset() {
            super.reset();
            SecurityHeadersFilter.apply(this);
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (staffOnly() && "Expires".equalsIgnoreCase(name)) {
                return;
            }
            super.setDateHeader(name, date);
        }
    }
}
