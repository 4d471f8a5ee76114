package org.newsdesk.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Another outlet's site, for the tests: a real HTTP server on 127.0.0.1 serving saved source pages of
 * several shapes ({@code src/test/resources/source-pages}), redirects, a 404, a huge page, a slow one and a
 * picture. A test may replace any page between requests; each request is logged with its conditional headers.
 * The same pages are on a second port, which counts the bytes it sends ({@link #bulkUrl}).
 *
 * <pre>
 * try (SourceSite site = SourceSite.start()) {
 *     site.url("/jsonld");   // http://127.0.0.1:41234/jsonld
 * }
 * </pre>
 */
public final class SourceSite implements AutoCloseable {

    /** One page: its status, type, body and validators; {@code chunked} sends it without a Content-Length. */
    public record Page(int status, String type, byte[] body, String etag, String location, long delayMillis, boolean chunked) {

        public Page(int status, String type, byte[] body, String etag, String location, long delayMillis) {
            this(status, type, body, etag, location, delayMillis, false);
        }

        public static Page html(String html) {
            return new Page(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null, null, 0);
        }

        public Page withEtag(String tag) {
            return new Page(status, type, body, tag, location, delayMillis, chunked);
        }

        /** The same page sent in chunks, its length not announced (by {@link #bulkUrl}). */
        public Page withoutLength() {
            return new Page(status, type, body, etag, location, delayMillis, true);
        }
    }

    /** A request the site received: path, User-Agent, If-None-Match, whether a cookie came. */
    public record Hit(String path, String userAgent, String ifNoneMatch, boolean cookie, long atNanos) {
    }

    /** What the bulk port's sockets may hold unsent: small, so that what it counts as sent is what the client took. */
    private static final int BULK_SEND_BUFFER = 16 * 1024;

    private final HttpServer server;
    private final ServerSocket bulk;
    private final ExecutorService bulkWorkers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "source-site-bulk");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> headers = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Long>> sent = new ConcurrentHashMap<>();

    private SourceSite(HttpServer server, ServerSocket bulk) {
        this.server = server;
        this.bulk = bulk;
    }

    public static SourceSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SourceSite site = new SourceSite(server, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            server.createContext("/", site::serve);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            site.bulkWorkers.execute(site::acceptBulk);
            site.standardPages();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void standardPages() {
        put("/jsonld", Page.html(saved("jsonld-only.html")));
        put("/og", Page.html(saved("opengraph-only.html")));
        put("/time", Page.html(saved("time-only.html")));
        put("/moved", new Page(301, "text/html", new byte[0], null, "/og", 0));
        put("/loop", new Page(302, "text/html", new byte[0], null, "/loop", 0));
        put("/to-private", new Page(302, "text/html", new byte[0], null, "http://10.1.2.3/article", 0));
        put("/gone", new Page(404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8), null, null, 0));
        put("/huge", new Page(200, "text/html", new byte[3 * 1024 * 1024], null, null, 0));
        put("/slow", new Page(200, "text/html", "<p>late</p>".getBytes(StandardCharsets.UTF_8), null, null, 4_000));
        put("/report.pdf", new Page(200, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), null, null, 0));
    }

    /** A saved page with IMAGE_URL pointing at this site's picture. */
    public String saved(String name) {
        try (InputStream in = SourceSite.class.getResourceAsStream("/source-pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("IMAGE_URL", url("/photo.jpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void put(String path, Page page) {
        pages.put(path, page);
    }

    /** Serves {@code text} at {@code path} as {@code type} (UTF-8), with {@code etag} (may be null). */
    public void put(String path, String type, String text, String etag) {
        pages.put(path, new Page(200, type, text.getBytes(StandardCharsets.UTF_8), etag, null, 0));
    }

    /** Sends the header with every answer for {@code path} ({@code Retry-After} with a 429, say). */
    public void header(String path, String name, String value) {
        headers.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(name, value);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Hit> hits() {
        return hits;
    }

    /**
     * The same pages on the site's bulk port, a plain HTTP/1.1 server that sends a body in pieces and counts
     * what the connection took before the client went away ({@link #sent}). The JDK's server cannot be used for
     * that: the kernel lets it write megabytes ahead of a client that has stopped reading.
     */
    public String bulkUrl(String path) {
        return "http://127.0.0.1:" + bulk.getLocalPort() + path;
    }

    public int bulkPort() {
        return bulk.getLocalPort();
    }

    /**
     * How many bytes of its body the bulk port's last request of {@code path} was sent, give or take the
     * socket's small buffer, before the client went away or the body ended: complete once it stops writing.
     */
    public CompletableFuture<Long> sent(String path) {
        return sent.computeIfAbsent(path, p -> new CompletableFuture<>());
    }

    private void acceptBulk() {
        while (!bulk.isClosed()) {
            try {
                Socket connection = bulk.accept();
                bulkWorkers.execute(() -> serveBulk(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One request, then the connection closes: the status line, Content-Type and the body, its length announced or chunked. */
    private void serveBulk(Socket connection) {
        try (connection) {
            connection.setSendBufferSize(BULK_SEND_BUFFER);
            BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String path = request.readLine().split(" ")[1];
            for (String header = request.readLine(); header != null && !header.isEmpty(); header = request.readLine()) {
                // headers are not read
            }
            hits.add(new Hit(path, null, null, false, System.nanoTime()));
            sent.compute(path, (p, last) -> last == null || last.isDone() ? new CompletableFuture<>() : last);
            Page page = pages.get(path);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 " + page.status() + " Source\r\nContent-Type: " + page.type() + "\r\nConnection: close\r\n"
                    + (page.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + page.body().length) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            long written = 0;
            try {
                for (int at = 0; at < page.body().length; at += 8192) {
                    int length = Math.min(8192, page.body().length - at);
                    if (page.chunked()) {
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write(page.body(), at, length);
                    if (page.chunked()) {
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    written += length;
                }
                if (page.chunked()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            } catch (IOException clientLeft) {
                // The client closed the connection: what it was sent so far is the count.
            } finally {
                sent(path).complete(written);
            }
        } catch (IOException | RuntimeException e) {
            // a broken request: the connection closes
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            hits.add(new Hit(path, exchange.getRequestHeaders().getFirst("User-Agent"),
                    exchange.getRequestHeaders().getFirst("If-None-Match"), exchange.getRequestHeaders().containsKey("Cookie"),
                    System.nanoTime()));
            Page page = pages.get(path);
            if (page == null) {
                page = new Page(404, "text/plain", "no such page".getBytes(StandardCharsets.UTF_8), null, null, 0);
            }
            if (page.delayMillis() > 0) {
                try {
                    Thread.sleep(page.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (page.etag() != null && page.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().set("ETag", page.etag());
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", page.type());
            exchange.getResponseHeaders().set("Set-Cookie", "session=tracked; Path=/");
            if (page.etag() != null) {
                exchange.getResponseHeaders().set("ETag", page.etag());
            }
            if (page.location() != null) {
                exchange.getResponseHeaders().set("Location", page.location());
            }
            headers.getOrDefault(path, Map.of()).forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(page.status(), page.body().length == 0 ? -1 : page.chunked() ? 0 : page.body().length);
            if (page.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
        try {
            bulk.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bulkWorkers.shutdownNow();
    }
}
