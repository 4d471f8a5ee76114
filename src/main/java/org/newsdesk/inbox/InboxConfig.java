package org.newsdesk.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/** The source inbox's settings: how often feeds are read, how politely, how much per run, and how long articles stay. */
@ApplicationScoped
@Named("inboxSettings")
public class InboxConfig implements ConfigArea {

    public static final Setting<Boolean> INBOX_READER = Setting.bool("INBOX_READER", true,
            "whether the feed reader runs every two minutes; off, editors can still read the feeds from the Feeds page");
    public static final Setting<Integer> INBOX_FEED_MINUTES = Setting.integer("INBOX_FEED_MINUTES", 15, 1, 1_440,
            "how often each feed is read, in minutes (feeds with a WebSub hub are pushed to as well)");
    public static final Setting<Integer> INBOX_HOST_INTERVAL_SECONDS = Setting.integer("INBOX_HOST_INTERVAL_SECONDS", 5, 0, 3_600,
            "the least time between two feed requests to one host (robots.txt may ask for more; the drift monitor's requests count too)");
    public static final Setting<Integer> INBOX_FEEDS_PER_RUN = Setting.integer("INBOX_FEEDS_PER_RUN", 300, 1, 100_000,
            "the most feeds one run reads; the rest wait for the next run");
    public static final Setting<Integer> INBOX_RUN_SECONDS = Setting.integer("INBOX_RUN_SECONDS", 100, 5, 3_000,
            "the longest one run of the feed reader goes on");
    public static final Setting<Integer> INBOX_KEEP_DAYS = Setting.integer("INBOX_KEEP_DAYS", 30, 1, 3_650,
            "how many days articles stay in the inbox; quoted, starred and nominated ones stay");
    public static final Setting<Integer> INBOX_STORY_HOURS = Setting.integer("INBOX_STORY_HOURS", 48, 1, 720,
            "how far back a new article is compared with others to join their story, in hours");

    @Override
    public List<Setting<?>> settings() {
        return List.of(INBOX_READER, INBOX_FEED_MINUTES, INBOX_HOST_INTERVAL_SECONDS, INBOX_FEEDS_PER_RUN, INBOX_RUN_SECONDS,
                INBOX_KEEP_DAYS, INBOX_STORY_HOURS);
    }

    public boolean scheduled() {
        return INBOX_READER.value();
    }

    public Duration feedInterval() {
        return Duration.ofMinutes(INBOX_FEED_MINUTES.value());
    }

    public Duration hostInterval() {
        return Duration.ofSeconds(INBOX_HOST_INTERVAL_SECONDS.value());
    }

    public int feedsPerRun() {
        return INBOX_FEEDS_PER_RUN.value();
    }

    public Duration runLimit() {
        return Duration.ofSeconds(INBOX_RUN_SECONDS.value());
    }

    public Duration keep() {
        return Duration.ofDays(INBOX_KEEP_DAYS.value());
    }

    public Duration storyWindow() {
        return Duration.ofHours(INBOX_STORY_HOURS.value());
    }

    public boolean isScheduled() {
        return scheduled();
    }

    public int getFeedMinutes() {
        return INBOX_FEED_MINUTES.value();
    }
}
