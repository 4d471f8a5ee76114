package org.newsdesk.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Another outlet's site, for the tests: a real HTTP server on 127.0.0.1 serving saved source pages of
 * several shapes ({@code src/test/resources/source-pages}), redirects, a 404, a huge page, a slow one and a
 * picture. A test may replace any page between requests; each request is logged with its conditional headers.
 *
 * <pre>
 * try (SourceSite site = SourceSite.start()) {
 *     site.url("/jsonld");   // http://127.0.0.1:41234/jsonld
 * }
 * </pre>
 */
public final class SourceSite implements AutoCloseable {

    /** One page: its status, type, body and validators. */
    public record Page(int status, String type, byte[] body, String etag, String location, long delayMillis) {

        public static Page html(String html) {
            return new Page(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null, null, 0);
        }

        public Page withEtag(String tag) {
            return new Page(status, type, body, tag, location, delayMillis);
        }
    }

    /** A request the site received: path, User-Agent, If-None-Match, whether a cookie came. */
    public record Hit(String path, String userAgent, String ifNoneMatch, boolean cookie, long atNanos) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    private SourceSite(HttpServer server) {
        this.server = server;
    }

    public static SourceSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SourceSite site = new SourceSite(server);
            server.createContext("/", site::serve);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
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

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Hit> hits() {
        return hits;
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
            exchange.sendResponseHeaders(page.status(), page.body().length == 0 ? -1 : page.body().length);
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
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
