package org.newsdesk.platform;

import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Finds a database that hangs (a stopped process, a network that drops packets) within seconds, so that
 * readers get the 503 page at once instead of each waiting on the connection pool's time-outs, which took
 * over a minute a request. Every {@link #PERIOD} it opens a connection of its own, outside the pool (which
 * a hung database may have used up), with short time-outs, and asks {@code SELECT 1}. After
 * {@link #FAILURES} failures in a row {@link ServiceGate} answers 503 without touching the database; after
 * one success it serves again. One log line when the database stops answering and one when it is back.
 * A refused connection is found by the requests themselves just as fast; this catches the silent kind.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseWatch {

    static final Duration PERIOD = Duration.ofSeconds(5);
    static final int FAILURES = 2;
    private static final int TIMEOUT_MILLIS = 3000;

    private static final Logger LOG = Logger.getLogger(DatabaseWatch.class.getName());

    /** This bean's only timer's info; a timer with any other info was left by an earlier deployment. */
    private record Probe() implements Serializable {
    }

    @Resource
    private TimerService timers;

    @Inject
    private DatabaseState state;

    private int failuresInARow;
    private long silentSince;

    @PostConstruct
    void start() {
        Timers.cancelForeign(timers, Probe.class);
        timers.createIntervalTimer(PERIOD.toMillis(), PERIOD.toMillis(), new TimerConfig(new Probe(), false));
    }

    @Timeout
    void probe(Timer timer) {
        if (!Timers.ours(timer, Probe.class)) {
            timer.cancel();
            return;
        }
        if (!state.isReady()) {
            return; // DatabaseMigrations retries until the database is first reached.
        }
        long asked = System.nanoTime();
        String failure = ask();
        if (failure == null) {
            if (!state.isAnswering()) {
                long seconds = Duration.ofNanos(System.nanoTime() - silentSince).toSeconds();
                LOG.info(() -> "Database at " + NewsdeskDataSource.address() + " answers again after about " + seconds
                        + " s; serving");
            }
            failuresInARow = 0;
            state.markAnswering(true);
            return;
        }
        if (++failuresInARow == 1) {
            silentSince = asked;
        }
        if (failuresInARow == FAILURES && state.isAnswering()) {
            state.markAnswering(false);
            LOG.warning(() -> "Database at " + NewsdeskDataSource.address() + " does not answer (" + failure
                    + "); readers get the 503 page until it does");
        }
    }

    /** Null when the database answered {@code SELECT 1} in time, else the first line of why not. */
    private static String ask() {
        MysqlDataSource probe = new MysqlDataSource();
        probe.setURL(PlatformConfig.DB_URL.value());
        probe.setUser(PlatformConfig.DB_USER.value());
        probe.setPassword(PlatformConfig.DB_PASSWORD.optional().orElse(""));
        try {
            probe.setConnectTimeout(TIMEOUT_MILLIS);
            probe.setSocketTimeout(TIMEOUT_MILLIS);
            try (Connection connection = probe.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return null;
            }
        } catch (SQLException | RuntimeException e) {
            return Faults.firstLine(e);
        }
    }
}
