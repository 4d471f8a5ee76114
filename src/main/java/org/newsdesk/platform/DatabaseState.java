package org.newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the database has been reached and migrated since this server started ({@link DatabaseMigrations}),
 * and whether it still answers ({@link DatabaseWatch}). Read on every request by {@link ServiceGate}, so these
 * are plain volatile flags rather than calls into the singletons, which may be waiting for the database.
 */
@ApplicationScoped
public class DatabaseState {

    private volatile boolean ready;
    private volatile boolean answering = true;

    /** Reached and migrated since start-up. */
    public boolean isReady() {
        return ready;
    }

    /** Not found hanging by the last probes of {@link DatabaseWatch}. */
    public boolean isAnswering() {
        return answering;
    }

    /** Ready and answering: a request or a job may use the database without waiting on a hung one. */
    public boolean isUsable() {
        return ready && answering;
    }

    void markReady() {
        ready = true;
    }

    void markAnswering(boolean answers) {
        answering = answers;
    }
}
