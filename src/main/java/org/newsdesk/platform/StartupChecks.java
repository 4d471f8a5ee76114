package org.newsdesk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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

    @Inject
    private Instance<ConfigArea> areas;

    @PostConstruct
    void check() {
        List<String> problems = problems(areas.stream().toList());
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.severe(() -> "Newsdesk cannot start: " + problem));
            // halt, not exit: an orderly shutdown from inside a deployment in progress waits on that deployment.
            ServerExit.halt(CONFIGURATION_ERROR);
            return;
        }
        LOG.info(() -> "Newsdesk's public address: " + PlatformConfig.SITE_URL.value());
    }

    /** What is wrong with the settings, one line per setting that is missing or cannot be used. */
    static List<String> problems(List<ConfigArea> areas) {
        List<String> problems = new ArrayList<>();
        for (ConfigArea area : areas) {
            for (Setting<?> setting : area.settings()) {
                try {
                    setting.check();
                } catch (Setting.InvalidSetting invalid) {
                    problems.add(invalid.getMessage());
                }
            }
        }
        return problems;
    }
}
