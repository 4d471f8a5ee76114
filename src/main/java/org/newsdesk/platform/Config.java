package org.newsdesk.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings read from the environment, so one build runs anywhere. A system property
 * {@code newsdesk.media.dir} wins over the environment variable {@code NEWSDESK_MEDIA_DIR}.
 *
 * <pre>
 * Path media = Config.mediaDirectory();
 * int limit = Config.integer("COMMENT_MAX_LENGTH", 10_000);
 * </pre>
 */
public final class Config {

    private Config() {
    }

    /** The value of {@code NEWSDESK_<name>} (or {@code -Dnewsdesk.<name>}), if set and not blank. */
    public static Optional<String> value(String name) {
        String property = System.getProperty("newsdesk." + name.toLowerCase().replace('_', '.'));
        String value = property != null ? property : System.getenv("NEWSDESK_" + name);
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The site's public address, {@code NEWSDESK_SITE_URL}, without a trailing slash: what links in feeds,
     * sitemaps and mail are built on. Required, and never taken from a request: a forged {@code Host}
     * header must not end up in what other readers receive.
     *
     * @throws IllegalStateException when it is not set, or is not an http(s) address
     */
    public static String siteUrl() {
        String url = value("SITE_URL").orElseThrow(() -> new IllegalStateException(
                "NEWSDESK_SITE_URL is not set: set it to the site's public address, e.g. https://news.example.org"
                        + " (links in the feed, the sitemap and mail are built on it)."));
        if (!url.matches("https?://[^/?#\\s@]+(/[^?#\\s]*)?")) {
            throw new IllegalStateException("NEWSDESK_SITE_URL must be an http or https address such as"
                    + " https://news.example.org, not '" + url + "'.");
        }
        return url.replaceAll("/+$", "");
    }

    public static String string(String name, String fallback) {
        return value(name).orElse(fallback);
    }

    public static int integer(String name, int fallback) {
        return value(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("NEWSDESK_" + name + " must be a whole number, not '" + v + "'", e);
            }
        }).orElse(fallback);
    }

    /** Where photos live on disk: {@code NEWSDESK_MEDIA_DIR}, by default {@code ~/.newsdesk/media}. */
    public static Path mediaDirectory() {
        return value("MEDIA_DIR").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".newsdesk", "media"));
    }
}
