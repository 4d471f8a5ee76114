package org.newsdesk.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.Closer;
import org.apache.hc.core5.util.Timeout;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.TextLimit;

/**
 * Fetches pages of other sites for the desk, as safely as a server can: http and https only; each host
 * resolved once and refused if it is internal, unless the allow-list names it with the port asked
 * ({@link AddressGuard}); redirects followed by hand, to a limit, each hop checked again; a deadline for the
 * whole fetch and a size limit on what is read, a transfer abandoned as soon as it passes either; no cookies,
 * no proxy, no retries; a User-Agent that names the site. Every refusal is a {@link SourceRefusedException}
 * whose message an editor can act on.
 *
 * <pre>
 * try (SourceFetcher fetcher = new SourceFetcher(limits, "Newsdesk/1 (+https://news.example.com/)")) {
 *     SourcePage page = fetcher.fetch(SourceFetcher.address(typed), Expect.PAGE, null, null);
 * }
 * </pre>
 */
public final class SourceFetcher implements AutoCloseable {

    /** How long, how large and how far one fetch may go, and which internal hosts and ports tests may reach. */
    public record Limits(Duration timeout, long maxBytes, int maxRedirects, AllowedHosts allowed) {
    }

    /**
     * Told each address a fetch is about to ask, in order: the first, then each redirect's. It may wait (to
     * pace a host, say) or refuse, which ends the fetch with its refusal.
     */
    @FunctionalInterface
    public interface BeforeRequest {

        BeforeRequest NONE = address -> {
        };

        void asking(URI address) throws SourceRefusedException;
    }

    /** What the caller will read, and so which content types are accepted (said as {@code source.sent.PAGE} ...). */
    public enum Expect {
        PAGE, IMAGE, TEXT,
        /** A feed, or the web page whose feeds are to be discovered. */
        FEED;

        boolean accepts(String mimeType) {
            return switch (this) {
                case PAGE -> mimeType.equals("text/html") || mimeType.equals("application/xhtml+xml");
                case IMAGE -> mimeType.startsWith("image/");
                case TEXT -> mimeType.startsWith("text/");
                case FEED -> mimeType.startsWith("text/") || mimeType.endsWith("xml") || mimeType.endsWith("json")
                        || mimeType.equals("application/octet-stream");
            };
        }
    }

    private final Limits limits;
    private final AddressGuard guard;
    private final CloseableHttpClient client;
    /** Looks up the hosts of addresses checked but not fetched ({@link #unreadable}), so that a slow one can be left. */
    private final ExecutorService lookups = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "source-address-lookup");
        thread.setDaemon(true);
        return thread;
    });

    public SourceFetcher(Limits limits, String userAgent) {
        this.limits = limits;
        this.guard = new AddressGuard(limits.allowed());
        Timeout timeout = Timeout.of(limits.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guard)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .setDefaultSocketConfig(SocketConfig.custom().setRcvBufSize(receiveWindow(limits.maxBytes())).build())
                        .setMaxConnTotal(20).setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).setRedirectsEnabled(false).build())
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableAuthCaching()
                .setUserAgent(userAgent)
                .build();
    }

    /**
     * The sockets' receive buffer: a sixteenth of the size limit, from 64 KB to 1 MB. The kernel takes in about
     * twice this beyond what Newsdesk has read, so a transfer given up at the limit has brought at most that much
     * more; left to itself, it grows the buffer to megabytes on a fast link whenever the reading thread lags.
     * The price is speed on a distant site: some 3 MB/s at 100 ms for the default 5 MB limit.
     */
    static int receiveWindow(long maxBytes) {
        return (int) Math.max(64 * 1024, Math.min(1024 * 1024, maxBytes / 16));
    }

    /**
     * The address an editor typed as a URI: whitespace trimmed, {@code https://} assumed when no scheme is
     * given, a non-ASCII host or path encoded. Refuses anything but http(s), and addresses with a password.
     */
    public static URI address(String typed) throws SourceRefusedException {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new SourceRefusedException(Phrase.of("source.address.none"));
        }
        if (!text.contains("://") && !text.regionMatches(true, 0, "javascript:", 0, 11) && !text.regionMatches(true, 0, "data:", 0, 5)
                && !text.regionMatches(true, 0, "file:", 0, 5)) {
            text = "https://" + text;
        }
        URI uri;
        try {
            // A non-ASCII host parses as a URI without a host: it is encoded (punycode) like any other non-ASCII part.
            uri = text.chars().allMatch(c -> c < 128) ? new URI(text) : encoded(text, typed.strip());
        } catch (URISyntaxException e) {
            uri = encoded(text, typed.strip());
        }
        return checked(uri);
    }

    /** {@code text} with its non-ASCII parts encoded; a refusal quotes {@code typed}, what the editor wrote. */
    private static URI encoded(String text, String typed) throws SourceRefusedException {
        try {
            URL url = new URL(text);
            String host = url.getHost() == null || url.getHost().isEmpty() ? null : IDN.toASCII(url.getHost());
            return new URI(new URI(url.getProtocol(), url.getUserInfo(), host, url.getPort(), url.getPath(), url.getQuery(),
                    url.getRef()).toASCIIString());
        } catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
            throw new SourceRefusedException(Phrase.of("source.address.invalid", shortened(typed)));
        }
    }

    private static URI checked(URI uri) throws SourceRefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceRefusedException(scheme.isEmpty() ? Phrase.of("source.address.schemeNone") : Phrase.of("source.address.scheme", scheme + ":"));
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        // 127.1 or 0x7f.0.0.1 is no host name to java.net.URI, but a browser's 127.0.0.1: refused as such, not as nameless.
        String host = uri.getHost() != null ? uri.getHost() : authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
        try {
            AddressGuard.checkForm(host);
        } catch (AddressGuard.Refusal e) {
            throw new SourceRefusedException(e.phrase(), e);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new SourceRefusedException(Phrase.of("source.address.noHost", shortened(uri.toString())));
        }
        if (uri.getRawUserInfo() != null) {
            throw new SourceRefusedException(Phrase.of("source.address.credentials"));
        }
        return uri.getRawFragment() == null ? uri : URI.create(uri.toString().substring(0, uri.toString().indexOf('#')));
    }

    /**
     * Fetches {@code address}, following redirects; a 304 comes back when the page has not changed since
     * {@code etag} or {@code lastModified} (either may be null). Any final status is returned as it is;
     * what cannot be fetched (or must not be) is refused.
     */
    public SourcePage fetch(URI address, Expect expect, String etag, String lastModified) throws SourceRefusedException {
        return fetch(address, expect, etag, lastModified, BeforeRequest.NONE);
    }

    /**
     * {@link #fetch(URI, Expect, String, String)}, telling {@code before} each address just before it is asked:
     * the first, then each redirect's. The time {@code before} takes does not count against the deadline.
     */
    public SourcePage fetch(URI address, Expect expect, String etag, String lastModified, BeforeRequest before)
            throws SourceRefusedException {
        long started = System.nanoTime();
        long waited = 0;
        URI current = checked(address);
        List<URI> redirects = new ArrayList<>();
        boolean permanent = true;
        while (true) {
            long asking = System.nanoTime();
            before.asking(current);
            waited += System.nanoTime() - asking;
            long deadline = started + waited + limits.timeout().toNanos();
            HttpGet get = request(current, expect, etag, lastModified);
            try {
                ClassicHttpResponse response = client.executeOpen(null, get, null);
                boolean readWhole = false;
                try {
                    int status = response.getCode();
                    Header location = response.getFirstHeader("Location");
                    HttpEntity entity = response.getEntity();
                    if (status >= 300 && status < 400 && status != 304 && location != null) {
                        permanent &= status == 301 || status == 308;
                        current = redirected(current, location.getValue(), address, redirects.size());
                        redirects.add(current);
                        readWhole = empty(entity);
                        continue;
                    }
                    String mime = null;
                    Charset charset = null;
                    byte[] body = null;
                    if (status == 200) {
                        ContentType type = entity == null || entity.getContentType() == null ? null : parse(entity.getContentType());
                        mime = type == null ? null : type.getMimeType().toLowerCase(Locale.ROOT);
                        if (mime != null && !expect.accepts(mime)) {
                            throw new SourceRefusedException(Phrase.of("source.sent." + expect.name(), host(current), mime));
                        }
                        charset = type == null ? null : type.getCharset();
                        body = read(entity, current, deadline);
                    }
                    readWhole = status == 200 || empty(entity);
                    Header tag = response.getFirstHeader("ETag");
                    Header modified = response.getFirstHeader("Last-Modified");
                    Header retryAfter = response.getFirstHeader("Retry-After");
                    return new SourcePage(address, List.copyOf(redirects), status, mime, charset, body,
                            tag == null ? null : tag.getValue(), modified == null ? null : modified.getValue(),
                            Duration.ofNanos(System.nanoTime() - started), !redirects.isEmpty() && permanent,
                            retryAfter == null ? null : retryAfter.getValue());
                } finally {
                    if (readWhole) {
                        response.close();
                    } else {
                        // Closing would read the rest of the body, to keep the connection: the connection is dropped instead.
                        get.cancel();
                        Closer.closeQuietly(response);
                    }
                }
            } catch (AddressGuard.Refusal e) {
                throw new SourceRefusedException(redirects.isEmpty() ? e.phrase() : e.redirected(), e);
            } catch (UnknownHostException e) {
                throw new SourceRefusedException(redirects.isEmpty() ? Phrase.of("source.noSite", host(current))
                        : Phrase.of("source.redirect.noSite", host(current)), e);
            } catch (InterruptedIOException e) {
                throw new SourceRefusedException(Phrase.of("source.timeout", host(current), limits.timeout().toSeconds()), e);
            } catch (ConnectException | NoRouteToHostException e) {
                throw new SourceRefusedException(Phrase.of("source.unreachable", host(current)), e);
            } catch (SSLException e) {
                throw new SourceRefusedException(Phrase.of("source.untrusted", host(current)), e);
            } catch (IOException e) {
                throw new SourceRefusedException(Phrase.of("source.unreadable", host(current), e.getClass().getSimpleName()), e);
            }
        }
    }

    /**
     * Posts a form to {@code address} (a WebSub hub, say) through the same guard as every read: no redirect
     * followed, the answer's body not read; returns the status. The address comes from a feed, so it is checked
     * as an address an editor typed would be.
     */
    public int postForm(URI address, java.util.Map<String, String> fields) throws SourceRefusedException {
        URI checked = checked(address);
        org.apache.hc.client5.http.classic.methods.HttpPost post = new org.apache.hc.client5.http.classic.methods.HttpPost(checked);
        java.util.List<org.apache.hc.core5.http.NameValuePair> pairs = new java.util.ArrayList<>();
        fields.forEach((name, value) -> pairs.add(new org.apache.hc.core5.http.message.BasicNameValuePair(name, value)));
        post.setEntity(new org.apache.hc.client5.http.entity.UrlEncodedFormEntity(pairs, java.nio.charset.StandardCharsets.UTF_8));
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            return response.getCode();
        } catch (AddressGuard.Refusal e) {
            throw new SourceRefusedException(e.phrase(), e);
        } catch (UnknownHostException e) {
            throw new SourceRefusedException(Phrase.of("source.noSiteAt", host(checked)), e);
        } catch (IOException e) {
            throw new SourceRefusedException(Phrase.of("source.unreachableBecause", host(checked), e.getClass().getSimpleName()), e);
        }
    }

    private static HttpGet request(URI address, Expect expect, String etag, String lastModified) {
        HttpGet get = new HttpGet(address);
        get.setHeader("Accept", switch (expect) {
            case PAGE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
            case IMAGE -> "image/avif,image/webp,image/jpeg,image/png,image/*;q=0.8";
            case TEXT -> "text/plain,*/*;q=0.1";
            case FEED -> "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,"
                    + "application/json;q=0.8,text/html;q=0.5,*/*;q=0.1";
        });
        get.setHeader("Accept-Language", "*");
        if (etag != null) {
            get.setHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            get.setHeader("If-Modified-Since", lastModified);
        }
        return get;
    }

    /** Where a redirect from {@code current} leads, checked as the first address was. */
    private URI redirected(URI current, String location, URI first, int redirectsSoFar) throws SourceRefusedException {
        if (redirectsSoFar >= limits.maxRedirects()) {
            throw new SourceRefusedException(Phrase.of("source.redirects", host(first), limits.maxRedirects()));
        }
        try {
            return checked(current.resolve(new URI(location.strip().replace(" ", "%20"))));
        } catch (URISyntaxException e) {
            throw new SourceRefusedException(Phrase.of("source.redirect.invalid", host(current)));
        } catch (SourceRefusedException e) {
            if (e.getCause() instanceof AddressGuard.Refusal refusal) {
                throw new SourceRefusedException(refusal.redirected(), refusal);
            }
            throw new SourceRefusedException(Phrase.of("source.redirect.refused", host(current), e.phrase()));
        }
    }

    private static boolean empty(HttpEntity entity) {
        return entity == null || entity.getContentLength() == 0;
    }

    /**
     * The body, read until it passes the size limit or the deadline, so that no more than the limit and one
     * buffer is ever read. The stream is not closed here: at its end it gives the connection back, and before
     * its end the caller abandons the connection.
     */
    private byte[] read(HttpEntity entity, URI address, long deadline) throws IOException, SourceRefusedException {
        if (entity == null) {
            return new byte[0];
        }
        Phrase tooLarge = Phrase.of("source.tooLarge", host(address), limits.maxBytes() / (1024 * 1024));
        if (entity.getContentLength() > limits.maxBytes()) {
            throw new SourceRefusedException(tooLarge);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        InputStream in = entity.getContent();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > limits.maxBytes()) {
                throw new SourceRefusedException(tooLarge);
            }
            if (System.nanoTime() > deadline) {
                throw new SourceRefusedException(Phrase.of("source.slow", host(address), limits.timeout().toSeconds()));
            }
        }
        return out.toByteArray();
    }

    /**
     * Why Newsdesk would not read {@code address}, as the end of a sentence about it ("is a link-local address,
     * which Newsdesk does not use"), or empty when it would: the checks of every request of a fetch, the host
     * looked up within {@code bound}. Nothing is requested.
     */
    public Optional<Phrase> unreadable(String address, Duration bound) {
        String scheme = address.contains(":") ? address.substring(0, address.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(Phrase.of("source.clause.scheme"));
        }
        URI uri;
        try {
            uri = address(address);
        } catch (SourceRefusedException e) {
            return Optional.of(e.getCause() instanceof AddressGuard.Refusal refusal ? refusal.clause() : Phrase.of("source.clause.notAddress"));
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        Future<InetAddress[]> lookup = lookups.submit(() -> guard.check(uri.getHost(), port));
        try {
            lookup.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause() instanceof AddressGuard.Refusal refusal ? refusal.clause()
                    : Phrase.of("source.clause.notFound"));
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return Optional.of(Phrase.of("source.clause.slowLookup", Math.max(1, bound.toSeconds())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Phrase.of("source.clause.unchecked"));
        }
    }

    private static ContentType parse(String header) {
        try {
            return ContentType.parse(header);
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            return ContentType.parse(header.replaceAll("(?i);\\s*charset=[^;]*", ""));
        }
    }

    static String host(URI uri) {
        return uri.getHost() == null ? uri.toString() : uri.getHost();
    }

    private static String shortened(String text) {
        return text.length() > 80 ? TextLimit.shorten(text, 78) : text;
    }

    @Override
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
        lookups.shutdownNow();
    }
}
