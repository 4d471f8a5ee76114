package org.newsdesk.platform;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Logs the first of a run of like failures and then at most one line per period, saying how many were
 * left out in between: a database outage fails every request, and the log should say so in a few lines.
 */
final class RepeatedFailures {

    private final long periodNanos;

    private long lastLogged;

    private boolean logged;

    private int leftOut;

    RepeatedFailures(Duration period) {
        this.periodNanos = period.toNanos();
    }

    void log(Logger log, String line) {
        String text;
        synchronized (this) {
            long now = System.nanoTime();
            if (logged && now - lastLogged < periodNanos) {
                leftOut++;
                return;
            }
            text = leftOut == 0 ? line
                    : line + " (and " + leftOut + " more like it since the last line, left out)";
            logged = true;
            lastLogged = now;
            leftOut = 0;
        }
        log.warning(text);
    }
}
