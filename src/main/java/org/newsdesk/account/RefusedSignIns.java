package org.newsdesk.account;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.newsdesk.audit.AuditLog;

/**
 * The audit log's account of sign-in attempts refused because they came before their wait was over: one entry
 * for the first from an address for a username, then, a minute later, one saying how many more came in that
 * minute. A brute force sends dozens a second, and each was a row of its own (24 a second, measured), burying
 * what else the log says. Counted per instance, in memory: several instances each write their own entry a minute.
 */
@Singleton
@Lock(LockType.WRITE)
public class RefusedSignIns {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final class Window {
        final Instant started;
        final String username;
        final Long userId;
        final String address;
        int more;
        long longestWaitSeconds;

        Window(Instant started, String username, Long userId, String address) {
            this.started = started;
            this.username = username;
            this.userId = userId;
            this.address = address;
        }
    }

    private final Map<String, Window> windows = new HashMap<>();

    @Inject
    private AuditLog audit;

    /** An attempt refused at {@code now}, told to wait {@code seconds}: written now if it is the first of its minute. */
    public void refused(String username, Long userId, String address, long seconds, Instant now) {
        String key = username + "\n" + address;
        Window window = windows.get(key);
        if (window != null && !window.started.plus(WINDOW).isAfter(now)) {
            close(window);
            window = null;
        }
        if (window == null) {
            windows.put(key, new Window(now, username, userId, address));
            audit.recordAs(username, "signin.throttled", "user", userId, "from " + address + ", told to wait " + seconds + " s");
            return;
        }
        window.more++;
        window.longestWaitSeconds = Math.max(window.longestWaitSeconds, seconds);
    }

    /** Every minute: the count of each minute that has ended. */
    @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
    void closeEndedMinutes() {
        Instant now = Instant.now();
        for (Iterator<Window> open = windows.values().iterator(); open.hasNext(); ) {
            Window window = open.next();
            if (!window.started.plus(WINDOW).isAfter(now)) {
                close(window);
                open.remove();
            }
        }
    }

    private void close(Window window) {
        if (window.more > 0) {
            audit.recordAs(window.username, "signin.throttled", "user", window.userId, "from " + window.address + ", "
                    + window.more + (window.more == 1 ? " more attempt" : " more attempts")
                    + " in the minute after, each refused and told to wait (at most " + window.longestWaitSeconds + " s)");
        }
        windows.remove(window.username + "\n" + window.address);
    }
}
