package org.newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The platform's settings: the site's address and time zone, the database, proxies, caching, sessions and
 * stopping. Beans inject this; the few static places (a filter's constant, Hibernate's dialect choice) read
 * the same {@link Setting} constants.
 */
@ApplicationScoped
public class PlatformConfig implements ConfigArea {

    public static final Setting<String> SITE_URL = Setting.required("SITE_URL",
            "an http or https address such as https://news.example.org", PlatformConfig::siteAddress,
            "set it to the site's public address, e.g. https://news.example.org (links in the feed, the sitemap"
                    + " and mail are built on it).");
    public static final Setting<ZoneId> TIMEZONE = Setting.of("TIMEZONE", "UTC",
            "a time zone such as UTC or Asia/Baghdad", ZoneId::of, "the newsroom's time zone, for dates shown on the site");
    public static final Setting<String> DB_URL = Setting.text("DB_URL", NewsdeskDataSource.DEFAULT_URL,
            "JDBC URL of the MySQL or MariaDB database");
    public static final Setting<String> DB_USER = Setting.text("DB_USER", "root", "database user");
    public static final Setting<String> DB_PASSWORD = Setting.text("DB_PASSWORD", "", "database password");
    public static final Setting<String> DB_SERVER = Setting.of("DB_SERVER", "mariadb", "mysql or mariadb", server -> {
        if (!server.equals("mysql") && !server.equals("mariadb")) {
            throw new IllegalArgumentException(server);
        }
        return server;
    }, "the SQL dialect to start with when the database cannot be reached at start-up");
    public static final Setting<Path> MEDIA_DIR = Setting.of("MEDIA_DIR", "~/.newsdesk/media", "a directory",
            PlatformConfig::path, "where uploaded photos are stored");
    public static final Setting<Integer> SESSION_IDLE_MINUTES = Setting.integer("SESSION_IDLE_MINUTES", 30, 1, 10_080,
            "staff are signed out after this long without a request");
    public static final Setting<Integer> PAGE_CACHE_MB = Setting.integer("PAGE_CACHE_MB", 64, 0, 65_536,
            "memory for rendered public pages; 0 turns the page cache off");
    public static final Setting<Integer> PAGE_MAX_AGE_SECONDS = Setting.integer("PAGE_MAX_AGE_SECONDS", 10, 0, 86_400,
            "how long caches in front may keep a public page before asking again");
    public static final Setting<Boolean> HSTS = Setting.bool("HSTS", false,
            "true once the site is served over HTTPS only: every answer carries Strict-Transport-Security");
    public static final Setting<List<ClientAddress.Range>> TRUSTED_PROXIES = Setting.of("TRUSTED_PROXIES", null,
            "addresses or CIDR ranges separated by commas, such as 127.0.0.1, 10.0.0.0/8", ClientAddress::ranges,
            "the reverse proxies whose X-Forwarded-For is believed");
    public static final Setting<Integer> STOP_GRACE_SECONDS = Setting.integer("STOP_GRACE_SECONDS", 20, 0, 3_600,
            "on SIGTERM, how long requests in flight may take to finish");
    public static final Setting<String> CLUSTER_MEMBERS = Setting.text("CLUSTER_MEMBERS", null,
            "the instances that serve one site from one database (several instances share the page cache's news)");

    private String siteUrl;
    private ZoneId zone;

    @Override
    public List<Setting<?>> settings() {
        return List.of(SITE_URL, TIMEZONE, DB_URL, DB_USER, DB_PASSWORD, DB_SERVER, MEDIA_DIR, SESSION_IDLE_MINUTES,
                PAGE_CACHE_MB, PAGE_MAX_AGE_SECONDS, HSTS, TRUSTED_PROXIES, STOP_GRACE_SECONDS, CLUSTER_MEMBERS);
    }

    /** The site's public address without a trailing slash: what links in feeds, sitemaps and mail are built on. */
    public String siteUrl() {
        if (siteUrl == null) {
            siteUrl = SITE_URL.value();
        }
        return siteUrl;
    }

    /** The newsroom's time zone: the one reading of {@code NEWSDESK_TIMEZONE}. */
    public ZoneId zone() {
        if (zone == null) {
            zone = TIMEZONE.value();
        }
        return zone;
    }

    public Optional<String> clusterMembers() {
        return CLUSTER_MEMBERS.optional();
    }

    /**
     * Never taken from a request: a forged {@code Host} header must not end up in what other readers receive.
     * Without user, query or fragment, so the address can be the start of any link.
     */
    private static String siteAddress(String url) {
        if (!url.matches("https?://[^/?#\\s@]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException(url);
        }
        return url.replaceAll("/+$", "");
    }

    private static Path path(String text) {
        return text.equals("~") || text.startsWith("~/")
                ? Path.of(System.getProperty("user.home"), text.substring(1).replaceFirst("^/", ""))
                : Path.of(text);
    }
}
