package org.newsdesk.platform;

import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;

/**
 * How Newsdesk's timer beans start: each creates its timers in code, non-persistent, with an info record of
 * its own, and cancels any other timer the container hands it. Those were left by an earlier deployment (a
 * redeploy over a running one handed the new bean the old one's timers, whose info is of the old
 * deployment's classes or none, and its timeout method then threw; see {@code PublicationScheduler}).
 *
 * <pre>
 * Timers.cancelForeign(timers, Sweep.class);
 * timers.createCalendarTimer(schedule, new TimerConfig(new Sweep(), false));
 * </pre>
 */
public final class Timers {

    private Timers() {
    }

    /** Cancels every timer of the bean whose info is none of {@code infoTypes}; returns how many. */
    public static int cancelForeign(TimerService timers, Class<?>... infoTypes) {
        int cancelled = 0;
        for (Timer timer : timers.getTimers()) {
            if (!ours(timer, infoTypes)) {
                timer.cancel();
                cancelled++;
            }
        }
        return cancelled;
    }

    /** Whether the timer's info is one of {@code infoTypes}, as this deployment's classes. */
    public static boolean ours(Timer timer, Class<?>... infoTypes) {
        Object info = timer.getInfo();
        for (Class<?> type : infoTypes) {
            if (type.isInstance(info)) {
                return true;
            }
        }
        return false;
    }
}
