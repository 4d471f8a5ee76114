package org.newsdesk.newsletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.platform.SiteKey;

/**
 * The signed links in newsletter mail: {@code /newsletter/confirm?t=...} (expiring) and the subscriber's own
 * {@code /newsletter/manage?t=...} and {@code /newsletter/unsubscribe?t=...} (lasting as long as the subscription).
 * A token is the subscriber's id, when it expires (0: never) and an HMAC of both and its purpose with the site key;
 * a token of one purpose does not serve another.
 * <pre>
 * String token = links.token(Purpose.CONFIRM, subscriber.getId(), now.plus(Duration.ofHours(48)));
 * links.subscriber(Purpose.CONFIRM, token, now)   // Optional.of(id), or empty when forged or expired
 * </pre>
 */
@ApplicationScoped
public class NewsletterLinks {

    /** What a link does. */
    public enum Purpose {
        CONFIRM, MANAGE
    }

    @Inject
    private SiteKey key;

    @Inject
    private PlatformConfig platform;

    public String token(Purpose purpose, long subscriberId, Instant expires) {
        String signed = subscriberId + "." + (expires == null ? 0 : expires.getEpochSecond());
        return signed + "." + key.sign("newsletter:" + purpose.name() + ":" + signed);
    }

    /** The subscriber a token names, if it is one of ours for this purpose and has not expired. */
    public Optional<Long> subscriber(Purpose purpose, String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")
                || !key.verify("newsletter:" + purpose.name() + ":" + parts[0] + "." + parts[1], parts[2])) {
            return Optional.empty();
        }
        long expires = Long.parseLong(parts[1]);
        if (expires != 0 && now.getEpochSecond() > expires) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(parts[0]));
    }

    public String confirmUrl(String token) {
        return platform.siteUrl() + "/newsletter/confirm?t=" + token;
    }

    public String manageUrl(String token) {
        return platform.siteUrl() + "/newsletter/manage?t=" + token;
    }

    /** The one-click address of {@code List-Unsubscribe} (RFC 8058: a POST ends the subscription, no question asked). */
    public String unsubscribeUrl(String token) {
        return platform.siteUrl() + "/newsletter/unsubscribe?t=" + token;
    }

    /** The site's host, for Message-IDs. */
    public String host() {
        return java.net.URI.create(platform.siteUrl()).getHost();
    }
}
