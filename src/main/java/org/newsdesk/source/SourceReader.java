package org.newsdesk.source;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.TextLimit;
import org.newsdesk.source.SourceArticle.Found;

/** The application's one {@link SourceFetcher} (its connection pool), set up from {@link SourceConfig}. */
@ApplicationScoped
public class SourceReader {

    private static final Logger LOG = Logger.getLogger(SourceReader.class.getName());
    /** How long the host of a page's canonical address may take to look up before the address read is kept instead. */
    static final Duration CANONICAL_LOOKUP = Duration.ofSeconds(2);

    @Inject
    private SourceConfig config;

    private SourceFetcher fetcher;

    @PostConstruct
    void start() {
        SourceFetcher.Limits limits = config.limits();
        if (limits.allowed().opensEveryPort()) {
            LOG.warning(SourceConfig.SOURCE_ALLOW_HOSTS.variable() + " opens every port of a host (host:*): for tests only");
        }
        fetcher = new SourceFetcher(limits, config.userAgent());
    }

    @PreDestroy
    void stop() {
        fetcher.close();
    }

    public SourcePage fetch(URI address, SourceFetcher.Expect expect, String etag, String lastModified) throws SourceRefusedException {
        return fetcher.fetch(address, expect, etag, lastModified);
    }

    /** {@link #fetch(URI, SourceFetcher.Expect, String, String)}, telling {@code before} each address before it is asked. */
    public SourcePage fetch(URI address, SourceFetcher.Expect expect, String etag, String lastModified, SourceFetcher.BeforeRequest before)
            throws SourceRefusedException {
        return fetcher.fetch(address, expect, etag, lastModified, before);
    }

    /**
     * Why Newsdesk would not read {@code address} ("is a private-network address; ..."), looked up within a
     * second; empty when it would.
     */
    public Optional<Phrase> unreadable(String address) {
        return fetcher.unreadable(address, Duration.ofSeconds(1));
    }

    /** Posts a form (a WebSub subscription) through the fetcher's guard; the answer's status. */
    public int postForm(URI address, java.util.Map<String, String> fields) throws SourceRefusedException {
        return fetcher.postForm(address, fields);
    }

    /** Fetches and reads an article page, refusing anything but a page that is there (200). */
    public SourceArticle article(URI address) throws SourceRefusedException {
        return article(fetcher, address);
    }

    static SourceArticle article(SourceFetcher fetcher, URI address) throws SourceRefusedException {
        SourcePage page = fetcher.fetch(address, SourceFetcher.Expect.PAGE, null, null);
        if (!page.ok()) {
            throw new SourceRefusedException(refusal(page));
        }
        return withUsableCanonical(fetcher, ArticleReader.read(page));
    }

    /**
     * The article, its canonical address ({@code rel=canonical}, {@code og:url}, JSON-LD {@code url}) kept only
     * when Newsdesk would read it as it read the page: otherwise the address read stands in, and says why, for
     * the editor. A page must not put an internal address (a metadata service, say) on an excerpt.
     */
    static SourceArticle withUsableCanonical(SourceFetcher fetcher, SourceArticle article) {
        Found<String> canonical = article.canonicalUrl();
        if (!canonical.present() || canonical.value().equals(article.address())) {
            return article;
        }
        Optional<Phrase> why = fetcher.unreadable(canonical.value(), CANONICAL_LOOKUP);
        return why.map(clause -> article.withCanonicalUrl(new Found<>(article.address(), "the address read; the page's canonical address "
                + TextLimit.shorten(canonical.value(), 100) + " " + clause.english()))).orElse(article);
    }

    static Phrase refusal(SourcePage page) {
        String host = SourceFetcher.host(page.address());
        String status = String.valueOf(page.status());
        return switch (page.status()) {
            case 404, 410 -> Phrase.of("source.status.gone", host, status);
            case 401, 403 -> Phrase.of("source.status.refused", host, status);
            case 429 -> Phrase.of("source.status.wait", host);
            default -> page.status() >= 500 ? Phrase.of("source.status.failed", host, status) : Phrase.of("source.status.other", host, status);
        };
    }
}
