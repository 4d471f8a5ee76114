package org.newsdesk.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the run command's embedded database running: when its process ends while Newsdesk is not stopping
 * (killed, crashed, out of memory), it is started again on the same files, at once, then after 1, 2, 4 and 8
 * seconds if that fails; one log line a try. The server needs no word of it: its connections fail while the
 * database is away (readers get the 503 page) and the pool opens new ones once it answers. More than
 * {@value #TRIES} deaths within {@link #WINDOW}, or {@value #TRIES} failed starts in a row, mean something a
 * restart will not mend (a full disk, broken files): the launcher then exits with status 1, so that a supervisor
 * (systemd, a container's restart policy) starts everything afresh and a person is told.
 *
 * <pre>
 * new DatabaseKeeper(() -> restartAndReturnTheNewProcess(), home).watch(databaseProcess);
 * </pre>
 */
final class DatabaseKeeper {

    static final int TRIES = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Starts the database again; returns its new process. */
    interface Restart {
        ProcessHandle run() throws Exception;
    }

    private final Restart restart;
    private final Path home;
    private final java.util.ArrayDeque<Instant> deaths = new java.util.ArrayDeque<>();

    DatabaseKeeper(Restart restart, Path home) {
        this.restart = restart;
        this.home = home;
    }

    private volatile ProcessHandle watched;

    /**
     * Watches the database process from a thread of its own, five times a second: not through
     * {@link ProcessHandle#onExit()}, whose completion runs on the JDK's shared threads and, in a busy test run, was
     * not heard of for the second death of a database started again.
     */
    void watch(ProcessHandle database) {
        watched = database;
        Thread keeper = new Thread(() -> {
            while (true) {
                ProcessHandle current = watched;
                if (!current.isAlive()) {
                    died(current);
                    if (watched == current) {
                        return; // stopping, or given up
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "embedded-database-keeper");
        keeper.setDaemon(true);
        keeper.start();
    }

    private void died(ProcessHandle gone) {
        if (stopping()) {
            return;
        }
        Instant now = Instant.now();
        deaths.addLast(now);
        while (!deaths.isEmpty() && deaths.peekFirst().isBefore(now.minus(WINDOW))) {
            deaths.removeFirst();
        }
        if (deaths.size() > TRIES) {
            giveUp("it stopped " + deaths.size() + " times within " + WINDOW.toMinutes() + " minutes");
            return;
        }
        long started = System.nanoTime();
        String failure = "";
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            if (attempt > 1) {
                sleep(TimeUnit.SECONDS.toMillis(1L << (attempt - 2)));
            }
            if (stopping()) {
                return;
            }
            System.out.printf("The embedded database (process %d) stopped unexpectedly; starting it again (try %d of %d)%n",
                    gone.pid(), attempt, TRIES);
            try {
                ProcessHandle again = restart.run();
                System.out.printf("The embedded database is running again (process %d, %.1f s after it stopped)%n",
                        again.pid(), (System.nanoTime() - started) / 1e9);
                watched = again;
                return;
            } catch (Exception e) {
                failure = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
                System.out.println("The embedded database did not start (" + failure + ")");
            }
        }
        giveUp(TRIES + " starts failed in a row, the last with: " + failure);
    }

    private void giveUp(String why) {
        System.err.println("Newsdesk stops: its embedded database (in " + home.toAbsolutePath().resolve("db")
                + ") cannot be kept running, as " + why + ". See its log lines above; a supervisor may start Newsdesk again.");
        System.setProperty(Newsdesk.DATABASE_STOPPING, "true");
        Runtime.getRuntime().exit(1);
    }

    /** Newsdesk is stopping: its own stop, or this JVM's shutdown, ended the database. */
    private static boolean stopping() {
        if (Boolean.getBoolean(Newsdesk.DATABASE_STOPPING)) {
            return true;
        }
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true; // the JVM is shutting down
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
