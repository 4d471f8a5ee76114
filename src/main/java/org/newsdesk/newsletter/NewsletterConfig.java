package org.newsdesk.newsletter;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/** How newsletter mail is sent: how fast (a small SMTP relay is not to be flooded) and how often it is retried. */
@ApplicationScoped
public class NewsletterConfig implements ConfigArea {

    public static final Setting<Integer> NEWSLETTER_MAILS_PER_SECOND = Setting.integer("NEWSLETTER_MAILS_PER_SECOND", 20, 1, 10_000,
            "the most newsletter mails handed to the SMTP server a second, across the cluster's sending instance");
    public static final Setting<Integer> NEWSLETTER_ATTEMPTS = Setting.integer("NEWSLETTER_ATTEMPTS", 8, 1, 50,
            "how many times a newsletter mail is tried before it is marked failed (waits of 1 min, doubling, up to 6 h)");
    public static final Setting<Integer> NEWSLETTER_DIGEST_HOUR = Setting.integer("NEWSLETTER_DIGEST_HOUR", 7, 0, 23,
            "the hour of the day, in the newsroom's time zone, the daily digest goes out with the posts published since the last");
    public static final Setting<Integer> NEWSLETTER_CONFIRM_HOURS = Setting.integer("NEWSLETTER_CONFIRM_HOURS", 48, 1, 720,
            "how long a subscription's confirmation link holds, in hours");

    @Override
    public List<Setting<?>> settings() {
        return List.of(NEWSLETTER_MAILS_PER_SECOND, NEWSLETTER_ATTEMPTS, NEWSLETTER_DIGEST_HOUR, NEWSLETTER_CONFIRM_HOURS);
    }

    public int mailsPerSecond() {
        return NEWSLETTER_MAILS_PER_SECOND.value();
    }

    public int attempts() {
        return NEWSLETTER_ATTEMPTS.value();
    }

    public int digestHour() {
        return NEWSLETTER_DIGEST_HOUR.value();
    }

    public Duration confirmFor() {
        return Duration.ofHours(NEWSLETTER_CONFIRM_HOURS.value());
    }
}
