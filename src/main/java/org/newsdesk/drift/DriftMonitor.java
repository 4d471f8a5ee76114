package org.newsdesk.drift;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.ScheduleExpression;
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
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.account.Role;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.Timers;
import org.newsdesk.source.ArticleReader;
import org.newsdesk.source.HostTurns;
import org.newsdesk.source.PoliteReading;
import org.newsdesk.source.SourceArticle;
import org.newsdesk.source.SourceFetcher;
import org.newsdesk.source.SourcePage;
import org.newsdesk.source.SourceReader;
import org.newsdesk.source.SourceRefusedException;

/**
 * Re-reads, every hour, the sources that are due (each once a day by default) among those quoted by posts
 * published in the last {@code DRIFT_DAYS}, and records what changed ({@link DriftComparison}).
 *
 * <p>Once per cluster: a run takes the lease in {@code job_lease}; another instance's timer finds it held and
 * skips its turn. The database records every read, so the next run, on any instance, goes on from there.
 *
 * <p>Polite: one request at a time (a run reads sequentially); at least {@code DRIFT_HOST_INTERVAL_SECONDS}
 * between two requests to one host, or the robots.txt {@code Crawl-delay} when longer, across runs and
 * instances ({@code source_host}), a redirect to another host waiting for that host's turn too; conditional
 * GETs with the validators of the last read; robots.txt read (once a day per host) and obeyed for the agent
 * {@code newsdesk}; and at most {@code DRIFT_CHECKS_PER_RUN} reads or {@code DRIFT_RUN_MINUTES} per run.
 * Hosts take turns, so one slow outlet does not starve the rest.
 */
@Startup
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DriftMonitor {

    private static final Logger LOG = Logger.getLogger(DriftMonitor.class.getName());

    /** This bean's timer's info. */
    private record HourlyRun() implements Serializable {
    }

    /** What one run did. {@code skipped} says why it did nothing, when it did nothing. */
    public record RunReport(int enlisted, int read, int notModified, int changes, int failed, int robotsRefused, int hosts,
                            Duration took, Duration waited, Instant finishedAt, String skipped) implements Serializable {

        static RunReport skipped(String why) {
            return new RunReport(0, 0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Instant.now(), why);
        }
    }

    @Resource
    private TimerService timers;

    @EJB
    private DriftLedger ledger;

    @EJB
    private HostTurns turns;

    @Inject
    private SourceReader reader;

    @Inject
    private DriftConfig config;

    @Inject
    private DatabaseState database;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile RunReport last;

    @PostConstruct
    void start() {
        Timers.cancelForeign(timers, HourlyRun.class);
        if (!config.scheduled()) {
            LOG.info("Source drift: the hourly run is off (NEWSDESK_DRIFT_MONITOR=false)");
            return;
        }
        timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("7"), new TimerConfig(new HourlyRun(), false));
    }

    @Timeout
    void hourly(Timer timer) {
        if (!Timers.ours(timer, HourlyRun.class)) {
            timer.cancel();
            return;
        }
        if (database.isUsable()) {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Source-drift run failed", e);
            }
        }
    }

    /** Runs now, for an editor who asks on the desk (or a test), and says what the run did. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public RunReport runNow() {
        return run();
    }

    /** Starts a run in the background, for the desk's "Check now". */
    @Asynchronous
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void startNow() {
        run();
    }

    /** The last run on this instance, or null. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public RunReport last() {
        return last;
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public boolean isRunning() {
        return running.get();
    }

    private RunReport run() {
        if (!running.compareAndSet(false, true)) {
            return RunReport.skipped("A check is already running here.");
        }
        try {
            Instant started = now();
            Instant deadline = started.plus(config.runLimit());
            String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
            if (!turns.claim(DriftLedger.LEASE, holder, started, deadline.plusSeconds(60))) {
                return RunReport.skipped("Another instance is checking sources now.");
            }
            try {
                RunReport report = readDue(started, deadline);
                last = report;
                LOG.info(() -> "Source drift: " + report);
                return report;
            } finally {
                turns.release(DriftLedger.LEASE, holder);
            }
        } finally {
            running.set(false);
        }
    }

    private RunReport readDue(Instant started, Instant deadline) {
        int enlisted = ledger.enlist(started, config.window());
        Map<String, Deque<DriftLedger.Due>> byHost = new LinkedHashMap<>();
        for (DriftLedger.Due due : ledger.due(started, config.checksPerRun())) {
            byHost.computeIfAbsent(due.host(), h -> new ArrayDeque<>()).add(due);
        }
        PoliteReading polite = new PoliteReading(turns, reader, config.hostInterval());
        Checks checks = new Checks();
        polite.visit(byHost, DriftLedger.Due::url, deadline, checks);
        Instant finished = now();
        return new RunReport(enlisted, checks.read, checks.notModified, checks.changes, checks.failed, checks.robotsRefused, polite.hosts(),
                Duration.between(started, finished), polite.waited(), finished, null);
    }

    /** One run's reads, and what they found. */
    private final class Checks implements PoliteReading.Visitor<DriftLedger.Due> {

        private int read;
        private int notModified;
        private int changes;
        private int failed;
        private int robotsRefused;

        @Override
        public void read(DriftLedger.Due due, String host, PoliteReading.Hops hops) {
            Observation seen = observe(due, hops);
            read++;
            notModified += seen.status() == 304 ? 1 : 0;
            failed += seen.error() != null ? 1 : 0;
            changes += ledger.record(due.id(), seen, now(), config.recheck()).size();
        }

        @Override
        public void refused(DriftLedger.Due due, String host) {
            ledger.skip(due.id(), "robots.txt asks robots not to read this page.", now(), config.recheck());
            robotsRefused++;
        }
    }

    private Observation observe(DriftLedger.Due due, SourceFetcher.BeforeRequest hops) {
        try {
            SourcePage page = reader.fetch(URI.create(due.url()), SourceFetcher.Expect.PAGE, due.etag(), due.lastModified(), hops);
            String finalUrl = page.redirects().isEmpty() ? null : page.address().toString();
            if (!page.ok()) {
                return new Observation(page.status(), finalUrl, null, null, false, page.etag(), page.lastModified(), null);
            }
            SourceArticle article = ArticleReader.read(page);
            return new Observation(200, finalUrl, article.headline().value(), article.correction().value(), article.paywalled(),
                    page.etag(), page.lastModified(), null);
        } catch (SourceRefusedException e) {
            return Observation.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Source drift: could not read " + due.url(), e);
            return Observation.failed("could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
