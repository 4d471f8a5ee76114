package org.newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the database has been reached and migrated since this server started. Read on every request by
 * {@link ServiceGate}, so it is a plain volatile flag rather than a call into the migrations' singleton,
 * whose lock is held while it waits for the database.
 */
@ApplicationScoped
public class DatabaseState {

    private volatile boolean ready;

    public boolean isReady() {
        return ready;
    }

    void markReady() {
        ready = true;
    }
}
