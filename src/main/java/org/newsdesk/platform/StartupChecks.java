package org.newsdesk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Settings Newsdesk cannot run correctly without, checked when it starts rather than when a reader first
 * meets the consequence: the deployment fails with one line saying what to set.
 */
@Startup
@Singleton
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @PostConstruct
    void check() {
        try {
            LOG.info(() -> "Newsdesk's public address: " + Config.siteUrl());
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
    }
}
