package org.newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/** How sign-in is throttled and accounts locked. */
@ApplicationScoped
public class AccountConfig implements ConfigArea {

    public static final Setting<Integer> LOGIN_ADDRESS_FREE_FAILURES = Setting.integer("LOGIN_ADDRESS_FREE_FAILURES", 5, 1, 1_000,
            "failed sign-ins from one client address before its attempts are slowed down");
    public static final Setting<Integer> LOGIN_ACCOUNT_FREE_FAILURES = Setting.integer("LOGIN_ACCOUNT_FREE_FAILURES", 10, 1, 1_000,
            "failed sign-ins for one username before its attempts are slowed down");
    public static final Setting<Integer> LOGIN_MAX_FAILURES = Setting.integer("LOGIN_MAX_FAILURES", 50, 1, 100_000,
            "failed sign-ins in a row that lock an account and mail its owner");
    public static final Setting<Integer> LOGIN_LOCK_MINUTES = Setting.integer("LOGIN_LOCK_MINUTES", 15, 1, 100_000,
            "how long a locked account stays locked");

    @Override
    public List<Setting<?>> settings() {
        return List.of(LOGIN_ADDRESS_FREE_FAILURES, LOGIN_ACCOUNT_FREE_FAILURES, LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES);
    }

    public int addressFreeFailures() {
        return LOGIN_ADDRESS_FREE_FAILURES.value();
    }

    public int accountFreeFailures() {
        return LOGIN_ACCOUNT_FREE_FAILURES.value();
    }

    public int maxFailures() {
        return LOGIN_MAX_FAILURES.value();
    }

    public Duration lockDuration() {
        return Duration.ofMinutes(LOGIN_LOCK_MINUTES.value());
    }
}
