package org.newsdesk.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * What {@code /health/ready}, {@code /health/live}, {@code /health/started} and {@code /health} (all of them)
 * answer (MicroProfile Health, served by Payara, in JSON with each check UP or DOWN, 503 when one is down):
 * Newsdesk is ready when its database answers, every migration has run, the media directory takes files and it
 * is not stopping; it is live while it can answer at all (a database outage is not a reason to restart it, and
 * {@link ServiceGate} lets health requests through whatever the database does); it has started once it is
 * deployed. Orchestrators and the run command wait on readiness. The answers name no address or path: the
 * endpoint is public.
 */
@ApplicationScoped
public class HealthChecks {

    @Resource(lookup = NewsdeskDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private DatabaseState databaseState;

    @Produces
    @Liveness
    HealthCheck running() {
        return () -> HealthCheckResponse.up("newsdesk");
    }

    /** Answered by Newsdesk itself, so up once it is deployed (its start-up waits for nothing else: see ServiceGate). */
    @Produces
    @Startup
    HealthCheck deployed() {
        return () -> HealthCheckResponse.up("deployed");
    }

    /** Down once the server is stopping, so that a proxy or an orchestrator sends no more readers here. */
    @Produces
    @Readiness
    HealthCheck acceptingRequests() {
        return () -> HealthCheckResponse.named("accepting-requests").status(!GracefulStop.stopping()).build();
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            if (!databaseState.isAnswering()) {
                // Found hanging by DatabaseWatch: asking the pool now would hang this probe too.
                return HealthCheckResponse.down("database");
            }
            try (Connection connection = dataSource.getConnection()) {
                return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
            } catch (SQLException e) {
                return HealthCheckResponse.down("database");
            }
        };
    }

    /**
     * Every migration has run: {@link DatabaseMigrations} marks the database ready once Flyway has migrated it,
     * so a probe costs nothing here (asking Flyway built its whole migration list on every probe).
     */
    @Produces
    @Readiness
    HealthCheck migrations() {
        return () -> HealthCheckResponse.named("migrations").status(databaseState.isReady()).build();
    }

    @Produces
    @Readiness
    HealthCheck mediaDirectory() {
        return () -> {
            Path media = PlatformConfig.MEDIA_DIR.value();
            try {
                Files.createDirectories(media);
                Files.delete(Files.createTempFile(media, ".health-", ".tmp"));
                return HealthCheckResponse.up("media-directory");
            } catch (IOException | RuntimeException e) {
                return HealthCheckResponse.down("media-directory");
            }
        };
    }
}
