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

/**
 * What {@code /health/ready} and {@code /health/live} answer (MicroProfile Health, served by Payara):
 * Newsdesk is ready when its database answers, every migration has run, and the media directory takes
 * files; it is live while it can answer at all. Orchestrators and the run command wait on readiness.
 * The answers name no address or path: the endpoint is public.
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
