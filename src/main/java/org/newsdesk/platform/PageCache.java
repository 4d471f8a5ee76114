package org.newsdesk.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fish.payara.micro.cdi.Inbound;
import fish.payara.micro.cdi.Outbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Public pages as rendered bytes, kept in memory until what they show changes. {@link PageCacheFilter}
 * stores and serves them; listeners of the content events (in the features) name the pages a change
 * touches by their tags ({@code post:12}, {@code listing:front}, ...), which the pages gave themselves
 * while rendering ({@link PageTags}).
 *
 * <pre>
 * long generation = cache.generation();        // before rendering
 * ... render, collecting tags ...
 * cache.put(key, page, generation);            // refused if anything was invalidated meanwhile
 * cache.invalidate(Set.of("post:12"));          // after a change commits
 * </pre>
 *
 * A page rendered while a change committed could show the old content; {@link #put} refuses it when any
 * invalidation happened since its rendering began, so no stale page outlives the change that made it stale.
 * Memory is bounded by {@code NEWSDESK_PAGE_CACHE_MB} (64 by default; 0 turns the cache off): the least
 * recently used pages go first.
 *
 * <p>With several instances ({@code NEWSDESK_CLUSTER_MEMBERS}), every invalidation made here is sent to the
 * others as a clustered CDI event ({@link Outbound}), which Payara carries over its Hazelcast grid; each of
 * them drops the same pages when it arrives ({@link Inbound}), typically within milliseconds. Pages the
 * other instances render meanwhile are refused by {@link #put}, as they are for a change made here.
 */
@ApplicationScoped
public class PageCache {

    private static final Logger LOG = Logger.getLogger(PageCache.class.getName());

    private final long maxBytes = PlatformConfig.PAGE_CACHE_MB.value() * 1024L * 1024L;
    /** Whether other instances share the database (the run command then starts Payara with Hazelcast). */
    private final boolean clustered = PlatformConfig.CLUSTER_MEMBERS.optional().isPresent();
    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, Page> pages = Caffeine.newBuilder()
            .maximumWeight(Math.max(1, maxBytes))
            .weigher((String key, Page page) -> page.weight())
            .build();

    /** One rendered page: its bytes, a gzipped copy made once, and what validates them. */
    public record Page(String contentType, byte[] plain, byte[] gzipped, String etag, Instant lastModified,
                       Instant expiresAt, Set<String> tags) {

        int weight() {
            return plain.length + gzipped.length + 512;
        }

        /** The strong validator of the gzipped copy: a different representation, so a different tag. */
        public String gzipEtag() {
            return etag.substring(0, etag.length() - 1) + "-gz\"";
        }

        boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }

        public static Page of(String contentType, byte[] plain, Instant renderedAt, Instant expiresAt, Set<String> tags) {
            return new Page(contentType, plain, PageCache.gzip(plain), PageCache.etag(plain), renderedAt, expiresAt, Set.copyOf(tags));
        }
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /**
     * Counts invalidations, this instance's and those that came from the others; read it before rendering
     * and hand it to {@link #put}. Other things read while rendering may be kept in memory until it moves
     * (as {@code CommentSettings} does), so that no page is rendered from what a change has made stale.
     */
    public long generation() {
        return generation.get();
    }

    public Optional<Page> get(String key, Instant now) {
        Page page = pages.getIfPresent(key);
        if (page != null && page.expired(now)) {
            pages.asMap().remove(key, page);
            return Optional.empty();
        }
        return Optional.ofNullable(page);
    }

    /** Keeps a page, unless something was invalidated after {@code generationAtStart} (it may show that). */
    public boolean put(String key, Page page, long generationAtStart) {
        if (!enabled() || generation.get() != generationAtStart) {
            return false;
        }
        pages.put(key, page);
        // An invalidation between the check and the put must not leave this page behind.
        if (generation.get() != generationAtStart) {
            pages.asMap().remove(key, page);
            return false;
        }
        return true;
    }

    /** Renders under way, by key: concurrent misses of one page wait for the first one's page (single flight). */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<Optional<Page>>> rendering =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The render of {@code key} another request has under way, to wait for; or empty, and then {@code mine} is
     * registered as it, for this request to {@link #landed} once rendered.
     */
    public Optional<java.util.concurrent.CompletableFuture<Optional<Page>>> renderingOrLead(String key,
            java.util.concurrent.CompletableFuture<Optional<Page>> mine) {
        return Optional.ofNullable(rendering.putIfAbsent(key, mine));
    }

    /** The leader's render is over: those waiting get its page if it could be shared (else they render their own). */
    public void landed(String key, java.util.concurrent.CompletableFuture<Optional<Page>> mine, Optional<Page> page) {
        rendering.remove(key, mine);
        mine.complete(page);
    }

    /** An invalidation made on one instance, as it travels to the others. */
    public record Invalidation(Set<String> tags) implements Serializable {
    }

    @Inject
    @Outbound
    private Event<Invalidation> otherInstances;

    /**
     * Drops every page carrying one of these tags, here and (when clustered) on every other instance;
     * returns how many went here.
     */
    public int invalidate(Collection<String> tags) {
        int removed = drop(tags);
        if (clustered) {
            otherInstances.fire(new Invalidation(Set.copyOf(tags)));
        }
        return removed;
    }

    /** Another instance's invalidation: the same pages go here. */
    void invalidatedElsewhere(@Observes @Inbound Invalidation invalidation) {
        drop(invalidation.tags());
    }

    private int drop(Collection<String> tags) {
        generation.incrementAndGet();
        int[] removed = {0};
        pages.asMap().entrySet().removeIf(entry -> {
            boolean hit = entry.getValue().tags().stream().anyMatch(tags::contains);
            if (hit) {
                removed[0]++;
            }
            return hit;
        });
        LOG.fine(() -> "Page cache: " + tags + " dropped " + removed[0] + " pages");
        return removed[0];
    }

    /** Drops every page: for a change whose reach nobody tracks, and for tests that measure rendering. */
    public void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    public long size() {
        return pages.estimatedSize();
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A strong validator for these bytes. */
    public static String etag(byte[] plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
