package org.newsdesk.drift;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/** The source-drift monitor's settings: which sources it watches, how often, and how politely. */
@ApplicationScoped
@Named("driftSettings")
public class DriftConfig implements ConfigArea {

    public static final Setting<Integer> DRIFT_DAYS = Setting.integer("DRIFT_DAYS", 14, 1, 365,
            "how many days after a post's publication its sources are re-read for changes");
    public static final Setting<Integer> DRIFT_RECHECK_HOURS = Setting.integer("DRIFT_RECHECK_HOURS", 24, 1, 720,
            "how often each watched source is read again, in hours");
    public static final Setting<Integer> DRIFT_HOST_INTERVAL_SECONDS = Setting.integer("DRIFT_HOST_INTERVAL_SECONDS", 10, 0, 3_600,
            "the least time between two requests to one outlet's host (robots.txt may ask for more)");
    public static final Setting<Integer> DRIFT_CHECKS_PER_RUN = Setting.integer("DRIFT_CHECKS_PER_RUN", 200, 1, 100_000,
            "the most sources one hourly run reads");
    public static final Setting<Integer> DRIFT_RUN_MINUTES = Setting.integer("DRIFT_RUN_MINUTES", 15, 1, 55,
            "the longest one hourly run goes on; what is left waits for the next");

    public static final Setting<Boolean> DRIFT_MONITOR = Setting.bool("DRIFT_MONITOR", true,
            "whether the monitor runs every hour; off, editors can still run it from the Source changes page");

    @Override
    public List<Setting<?>> settings() {
        return List.of(DRIFT_MONITOR, DRIFT_DAYS, DRIFT_RECHECK_HOURS, DRIFT_HOST_INTERVAL_SECONDS, DRIFT_CHECKS_PER_RUN, DRIFT_RUN_MINUTES);
    }

    public boolean scheduled() {
        return DRIFT_MONITOR.value();
    }

    public Duration window() {
        return Duration.ofDays(DRIFT_DAYS.value());
    }

    public Duration recheck() {
        return Duration.ofHours(DRIFT_RECHECK_HOURS.value());
    }

    public Duration hostInterval() {
        return Duration.ofSeconds(DRIFT_HOST_INTERVAL_SECONDS.value());
    }

    public int checksPerRun() {
        return DRIFT_CHECKS_PER_RUN.value();
    }

    public Duration runLimit() {
        return Duration.ofMinutes(DRIFT_RUN_MINUTES.value());
    }

    public boolean isScheduled() {
        return scheduled();
    }

    public int getDays() {
        return DRIFT_DAYS.value();
    }

    public int getRecheckHours() {
        return DRIFT_RECHECK_HOURS.value();
    }

    public int getHostIntervalSeconds() {
        return DRIFT_HOST_INTERVAL_SECONDS.value();
    }
}
