package org.newsdesk.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Serves public pages from {@link PageCache}: a page that said, while rendering, that it is the same for
 * every reader ({@link PageTags#sameForEveryReader()}) is kept, then answered from memory, gzipped when
 * the browser accepts it, with a strong ETag, Last-Modified and a 304 for a conditional GET.
 *
 * Only a plain reader's plain GET is served or kept: no session (staff), no cookie that personalises the
 * page ({@link #PERSONAL_COOKIES}), and no query parameter other than {@code page}. Everything else passes
 * through, marked {@code private, no-store} unless the page itself says otherwise; so are the desk and
 * every answer to a POST.
 */
public class PageCacheFilter extends HttpFilter {

    /** The cookie naming a reader's held comments, which their pages show them (comment.web.HeldComments). */
    public static final String HELD_COMMENTS_COOKIE = "newsdesk_held";

    /** Cookies whose holder gets a page of their own (docker/nginx.conf bypasses its cache for the same). */
    public static final Set<String> PERSONAL_COOKIES = Set.of(HELD_COMMENTS_COOKIE);

    private static final Set<String> SHARED_PARAMETERS = Set.of("page");

    @Inject
    private PageCache cache;

    @Inject
    private PageTags tags;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ServiceGate.isFacesResource(request) || path.startsWith("/media/")) {
            chain.doFilter(request, response); // their own caching rules
            return;
        }
        boolean plain = plainReader(request);
        String key = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Instant now = Instant.now(Clock.systemUTC());
        Optional<PageCache.Page> kept = plain && cache.enabled() ? cache.get(key, now) : Optional.empty();
        if (kept.isPresent()) {
            // The hit path touches nothing else: no request-scoped bean, no rendering.
            SecurityHeadersFilter.apply(response);
            serve(kept.get(), request, response);
            return;
        }
        response.setHeader("Cache-Control", PageTags.PRIVATE_CACHE_CONTROL);
        if (!plain || !cache.enabled()) {
            tags.attach(plain, response);
            chain.doFilter(request, response);
            return;
        }
        // Single flight: while one request renders a page that is not kept, the others asking for it wait for its
        // bytes instead of each rendering it again (a page that changed, asked for by everyone at once).
        CompletableFuture<Optional<PageCache.Page>> mine = new CompletableFuture<>();
        Optional<CompletableFuture<Optional<PageCache.Page>>> underWay = cache.renderingOrLead(key, mine);
        if (underWay.isPresent()) {
            Optional<PageCache.Page> rendered = awaitRender(underWay.get());
            if (rendered.isPresent()) {
                SecurityHeadersFilter.apply(response);
                serve(rendered.get(), request, response);
                return;
            }
            render(key, now, request, response, chain); // the first one's answer was not for sharing: its own
            return;
        }
        Optional<PageCache.Page> page = Optional.empty();
        try {
            page = render(key, now, request, response, chain);
        } finally {
            cache.landed(key, mine, page);
        }
    }

    /** How long a request waits for another's render of the same page before rendering it itself. */
    private static final long RENDER_WAIT_SECONDS = 10;

    private static Optional<PageCache.Page> awaitRender(CompletableFuture<Optional<PageCache.Page>> render) {
        try {
            return render.get(RENDER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Renders the page, keeps it when it may be shared, and answers with it; the page kept, if it was. */
    private Optional<PageCache.Page> render(String key, Instant now, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        long generation = cache.generation();
        Capture capture = new Capture(response);
        tags.attach(true, capture);
        chain.doFilter(request, capture);
        byte[] body = capture.bytes();
        if (tags.isShared() && capture.getStatus() == HttpServletResponse.SC_OK && body.length > 0 && !capture.setsCookie
                && request.getSession(false) == null && capture.getContentType() != null) {
            Instant changed = tags.lastModified() != null && tags.lastModified().isBefore(now) ? tags.lastModified() : now;
            PageCache.Page page = PageCache.Page.of(capture.getContentType(), body, changed, tags.holdsUntil(), tags.tags());
            boolean kept = cache.put(key, page, generation);
            serve(page, request, response);
            // Only a page as current as the cache would keep goes to those waiting.
            return kept ? Optional.of(page) : Optional.empty();
        } else if (!response.isCommitted() && body.length > 0 && !"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
        return Optional.empty();
    }

    /** A GET or HEAD without a session, a personal cookie, or a query parameter but {@code page}. */
    static boolean plainReader(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || request.getRequestedSessionId() != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (PERSONAL_COOKIES.contains(cookie.getName())) {
                return false;
            }
        }
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            if (!SHARED_PARAMETERS.contains(names.nextElement())) {
                return false;
            }
        }
        return true;
    }

    private static void serve(PageCache.Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean gzip = acceptsGzip(request);
        String etag = gzip ? page.gzipEtag() : page.etag();
        response.setHeader("Cache-Control", PageTags.PUBLIC_CACHE_CONTROL);
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", page.lastModified().toEpochMilli());
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        byte[] body = gzip ? page.gzipped() : page.plain();
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** If-None-Match decides when present (either representation's tag, or *); otherwise If-Modified-Since. */
    private static boolean notModified(HttpServletRequest request, PageCache.Page page) {
        return notModified(request, List.of(page.etag(), page.gzipEtag()), page.lastModified());
    }

    /**
     * Whether a conditional GET may be answered 304: for a page served around the cache (the cache off, or a
     * staff member's request), with the same rules. If-None-Match decides when present; otherwise If-Modified-Since.
     */
    public static boolean notModified(HttpServletRequest request, List<String> etags, Instant lastModified) {
        String match = request.getHeader("If-None-Match");
        if (match != null) {
            for (String candidate : match.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || etags.contains(tag)) {
                    return true;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && lastModified.getEpochSecond() <= since / 1000;
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.toLowerCase().split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equals("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /**
     * Keeps what the page writes, so it can be stored before it is sent. Not OmniFaces'
     * HttpServletResponseOutputWrapper: its flushBuffer() commits the real response (Faces flushes at the
     * end of a render), after which the cache's headers could no longer be set.
     */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean setsCookie;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called on this response.");
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        buffer.write(bytes, offset, length);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("The page cache captures pages synchronously.");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called on this response.");
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            flushBuffer();
            buffer.reset();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            flushBuffer();
            buffer.reset();
            super.reset();
        }

        @Override
        public void setContentLength(int length) {
            // the cache sets it when it sends the page
        }

        @Override
        public void setContentLengthLong(long length) {
            // the cache sets it when it sends the page
        }

        @Override
        public void setBufferSize(int size) {
            // everything is buffered here
        }

        byte[] bytes() {
            flushBuffer();
            return buffer.toByteArray();
        }

        @Override
        public void addCookie(Cookie cookie) {
            setsCookie = true;
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            setsCookie |= "Set-Cookie".equalsIgnoreCase(name);
            super.addHeader(name, value);
        }

        @Override
        public void setHeader(String name, String value) {
            setsCookie |= "Set-Cookie".equalsIgnoreCase(name);
            super.setHeader(name, value);
        }
    }
}
