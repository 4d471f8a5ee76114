package org.newsdesk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else runs. Flyway owns the schema; Hibernate never
 * creates or alters a table. Bean-managed transactions, because Flyway commits each migration itself.
 *
 * <p>When the database cannot be reached at start-up the site starts all the same: readers get the
 * "back soon" page ({@link ServiceGate}), and the database is tried again after 1, 2, 4 … and then every
 * 30 seconds, one log line per attempt naming the database. Once it answers, the schema is brought up to
 * date, {@link DatabaseReady} is fired and the site serves normally, without a restart.
 */
@Startup
@Singleton
@DependsOn("StartupChecks")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    @Resource(lookup = NewsdeskDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private TimerService timers;

    @Inject
    private DatabaseState state;

    @Inject
    private Event<DatabaseReady> ready;

    private int failures;

    @PostConstruct
    void start() {
        attempt();
    }

    @Timeout
    void retry() {
        attempt();
    }

    private void attempt() {
        if (state.isReady()) {
            return;
        }
        try {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            // Flyway gives no target version when nothing was migrated: the schema is then where it was.
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            LOG.info(() -> "Database at " + NewsdeskDataSource.address() + ": schema at version "
                    + version + " (" + result.migrationsExecuted + " migrations applied now)");
        } catch (RuntimeException e) {
            failures++;
            Duration wait = waitAfter(failures);
            int attempt = failures;
            LOG.warning(() -> failureMessage(NewsdeskDataSource.address(), e, attempt, wait));
            timers.createSingleActionTimer(wait.toMillis(), new TimerConfig(null, false));
            return;
        }
        try {
            ready.fire(new DatabaseReady());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Start-up work after the database was reached failed", e);
        }
        // Only now do readers' requests pass (ServiceGate): the first start's content (the administrator, the demo
        // post) is in place. Before, pages rendered meanwhile were cached without it: a site started before its
        // database served an empty front page and a 404 for the demo post once the database came (DatabaseFaultsIT).
        state.markReady();
    }

    /**
     * What the log says of a failed attempt: that the database cannot be reached, or, when it was reached, that its
     * schema could not be migrated and why (a migration changed after it ran, say), which no wait will cure.
     */
    static String failureMessage(String address, RuntimeException e, int attempt, Duration wait) {
        String then = "; readers get the 503 page; next attempt in " + wait.toSeconds() + " s";
        if (Faults.databaseUnreachable(e)) {
            return "Database at " + address + " not reachable (attempt " + attempt + ": " + Faults.firstLine(e) + ")" + then;
        }
        return "Database at " + address + " reached, but its schema could not be migrated (attempt " + attempt + "): "
                + String.join(" ", String.valueOf(e.getMessage()).lines().map(String::strip).filter(l -> !l.isEmpty()).limit(6).toList())
                + then;
    }

    /** 1, 2, 4, 8, 16 and then 30 seconds. */
    static Duration waitAfter(int failures) {
        long seconds = 1L << Math.min(Math.max(failures - 1, 0), 5);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
    }
}
