package org.newsdesk.drift;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.post.StorySimilarity;

/**
 * Whether a source changed between two reads, and how. The first read sets what later ones are compared
 * with; only a source already gone, or already redirected to another site, counts as changed at once,
 * since the post's editor quoted a page that was there. Failures (time-outs, server errors) change nothing.
 *
 * <pre>
 * List&lt;Change&gt; changes = DriftComparison.changes(previousState, observation);
 * </pre>
 */
public final class DriftComparison {

    /** One change: its kind, and the value before and after, as the desk shows them. */
    public record Change(DriftKind kind, String before, String after) {
    }

    /** What the monitor knew of a source before this read; {@code firstRead} when it had never read it. */
    public record Known(boolean firstRead, String articleUrl, Integer status, String finalUrl, String headline, String correction,
                 Boolean paywalled) {
    }

    private DriftComparison() {
    }

    static List<Change> changes(Known known, Observation seen) {
        List<Change> changes = new ArrayList<>();
        if (seen.error() != null || seen.status() == 304) {
            return changes;
        }
        boolean wasGone = known.status() != null && (known.status() == 404 || known.status() == 410);
        if (seen.gone()) {
            if (!wasGone) {
                changes.add(new Change(DriftKind.GONE, known.firstRead() ? "quoted" : "there (" + known.status() + ")",
                        seen.status() == 410 ? "410 Gone" : "404 Not Found"));
            }
            return changes;
        }
        if (seen.status() != 200) {
            return changes;
        }
        if (seen.finalUrl() != null && !sameAddress(seen.finalUrl(), known.articleUrl())) {
            boolean elsewhere = !host(seen.finalUrl()).equals(host(known.articleUrl()));
            boolean newPlace = known.firstRead() ? elsewhere : !sameAddress(seen.finalUrl(), known.finalUrl());
            if (newPlace) {
                changes.add(new Change(DriftKind.MOVED, known.finalUrl() == null ? known.articleUrl() : known.finalUrl(), seen.finalUrl()));
            }
        }
        if (known.firstRead()) {
            return changes;
        }
        if (known.headline() != null && seen.headline() != null && !normalized(known.headline()).equals(normalized(seen.headline()))) {
            changes.add(new Change(DriftKind.HEADLINE, known.headline(), seen.headline()));
        }
        if (seen.correction() != null && !Objects.equals(normalized(seen.correction()), known.correction() == null ? null : normalized(known.correction()))) {
            changes.add(new Change(DriftKind.CORRECTION, known.correction(), seen.correction()));
        }
        if (seen.paywalled() && Boolean.FALSE.equals(known.paywalled())) {
            changes.add(new Change(DriftKind.PAYWALL, "free to read", "for subscribers"));
        }
        return changes;
    }

    /**
     * The same page, though one address has {@code https}, {@code www.}, a trailing slash or a fragment the other
     * lacks: the same article as same-story detection counts it ({@link StorySimilarity#articleKey}).
     */
    static boolean sameAddress(String a, String b) {
        return a != null && b != null && StorySimilarity.articleKey(a).equals(StorySimilarity.articleKey(b));
    }

    /** The site an address is on, as the outlet registry names domains. */
    private static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? "" : Outlet.normalizeDomain(host);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
