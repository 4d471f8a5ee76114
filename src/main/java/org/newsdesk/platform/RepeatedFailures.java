package org.newsdesk.platform;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the first of a run of like failures and then at most one line per period, saying how many were
 * left out in between: a database outage fails every request, and the log should say so in a few lines;
 * a mail server that is down, or not configured, would otherwise log a line or a stack for every notice.
 */
public final class RepeatedFailures {

    private final long periodNanos;

    private long lastLogged;

    private boolean logged;

    private int leftOut;

    public RepeatedFailures(Duration period) {
        this.periodNanos = period.toNanos();
    }

    public void log(Logger log, String line) {
        log(log, Level.WARNING, line);
    }

    public void log(Logger log, Level level, String line) {
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
        log.log(level, text);
    }
}
