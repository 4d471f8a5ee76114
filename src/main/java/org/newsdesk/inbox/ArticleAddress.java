package org.newsdesk.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;
import org.newsdesk.post.StorySimilarity;

/**
 * An article's address as the inbox keeps articles apart: the same article whatever way a feed wrote its
 * address ({@link StorySimilarity#articleKey}: no {@code www.}, no closing slash, no fragment), without the
 * tracking parameters outlets add to feed links ({@code utm_*}, {@code fbclid}, ...).
 *
 * <pre>
 * ArticleAddress.hash(ArticleAddress.key("https://www.example.com/a/?utm_source=rss"))   // as for example.com/a
 * </pre>
 */
public final class ArticleAddress {

    private ArticleAddress() {
    }

    public static String key(String url) {
        String key = withPort(url, StorySimilarity.articleKey(url));
        int query = key.indexOf('?');
        if (query < 0) {
            return key;
        }
        String kept = Arrays.stream(key.substring(query + 1).split("&"))
                .filter(pair -> !pair.isEmpty() && !tracking(pair.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("&"));
        return key.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    /** The key with the address's port after its host, when it names one: another port is another site. */
    private static String withPort(String url, String key) {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            if (uri.getPort() == -1 || uri.getHost() == null) {
                return key;
            }
            int slash = key.indexOf('/');
            int query = key.indexOf('?');
            int end = slash >= 0 ? slash : query >= 0 ? query : key.length();
            return key.substring(0, end) + ":" + uri.getPort() + key.substring(end);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    private static boolean tracking(String name) {
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("ocid")
                || name.equals("cmpid") || name.equals("at_medium") || name.equals("at_campaign") || name.equals("ref") || name.equals("rss");
    }

    /** SHA-256 of {@code text} in hex: what the unique keys of addresses and GUIDs hold (an address may exceed an index). */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
