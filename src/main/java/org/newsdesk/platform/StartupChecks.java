package org.newsdesk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Settings Newsdesk cannot run correctly without, checked when it starts rather than when a reader first
 * meets the consequence. A missing or wrong one stops the server with one log line saying what to set
 * and exit status 78 (configuration error, as in BSD's {@code sysexits.h}), before the database is
 * touched ({@link DatabaseMigrations} depends on this bean). Failing the deployment alone would leave
 * Payara Micro running and answering 404 to everyone, and bury the reason under the container's stack
 * traces; Payara Micro serves this one application, so the process ending is the clear answer, and what
 * Docker, systemd and the run command show.
 */
@Startup
@Singleton
public class StartupChecks {

    /** The process's exit status when a setting is missing or wrong. */
    static final int CONFIGURATION_ERROR = 78;

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @PostConstruct
    void check() {
        try {
            String site = Config.siteUrl();
            LOG.info(() -> "Newsdesk's public address: " + site);
        } catch (IllegalStateException e) {
            LOG.severe(() -> "Newsdesk cannot start: " + e.getMessage());
            // halt, not exit: an orderly shutdown from inside a deployment in progress waits on that deployment.
            ServerExit.halt(CONFIGURATION_ERROR);
        }
    }
}
