package org.newsdesk.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.platform.Setting;

/** How Newsdesk reads other sites: the limits of one fetch, and the hosts and ports exempt from the address check. */
@ApplicationScoped
public class SourceConfig implements ConfigArea {

    public static final Setting<AllowedHosts> SOURCE_ALLOW_HOSTS = Setting.of("SOURCE_ALLOW_HOSTS", null,
            "host:port entries separated by commas (a host alone means its ports 80 and 443, host:* every port; IPv6 as [::1]:8080)",
            AllowedHosts::parse, "internal hosts and ports that may be fetched all the same (loopback, private): for tests only");
    public static final Setting<Integer> SOURCE_TIMEOUT_SECONDS = Setting.integer("SOURCE_TIMEOUT_SECONDS", 10, 1, 120,
            "the longest one source page may take to arrive, in seconds");
    public static final Setting<Integer> SOURCE_MAX_MB = Setting.integer("SOURCE_MAX_MB", 5, 1, 100,
            "the largest source page read, in megabytes");
    public static final Setting<Integer> SOURCE_MAX_REDIRECTS = Setting.integer("SOURCE_MAX_REDIRECTS", 5, 0, 20,
            "how many redirects a source fetch follows");

    @Override
    public List<Setting<?>> settings() {
        return List.of(SOURCE_ALLOW_HOSTS, SOURCE_TIMEOUT_SECONDS, SOURCE_MAX_MB, SOURCE_MAX_REDIRECTS);
    }

    public SourceFetcher.Limits limits() {
        return new SourceFetcher.Limits(Duration.ofSeconds(SOURCE_TIMEOUT_SECONDS.value()),
                SOURCE_MAX_MB.value() * 1024L * 1024L, SOURCE_MAX_REDIRECTS.value(), SOURCE_ALLOW_HOSTS.optional().orElse(AllowedHosts.NONE));
    }

    /** {@code Newsdesk/1 (+https://news.example.com/)}: the site that asks, so an outlet can reach it. */
    public String userAgent() {
        return "Newsdesk/1 (+" + PlatformConfig.SITE_URL.value() + ")";
    }
}
