package org.newsdesk.drift;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.account.Role;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.Timers;
import org.newsdesk.source.ArticleReader;
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
    static final String ROBOT_NAME = "newsdesk";
    private static final Duration ROBOTS_KEPT = Duration.ofDays(1);

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

    @Inject
    private SourceReader reader;

    @Inject
    private DriftConfig config;

    @Inject
    private DatabaseState database;

    private final AtomicBoolean running = new AtomicBoolean();
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
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
            if (!ledger.claim(holder, started, deadline.plusSeconds(60))) {
                return RunReport.skipped("Another instance is checking sources now.");
            }
            try {
                RunReport report = readDue(started, deadline);
                last = report;
                LOG.info(() -> "Source drift: " + report);
                return report;
            } finally {
                ledger.release(holder);
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
        Map<String, Instant> ready = new HashMap<>();
        Map<String, BaseRobotRules> robots = new HashMap<>();
        byHost.keySet().forEach(host -> ready.put(host, ledger.hostReadyAt(host)));
        int read = 0;
        int notModified = 0;
        int changes = 0;
        int failed = 0;
        int robotsRefused = 0;
        long waitedNanos = 0;
        while (!byHost.isEmpty()) {
            String host = byHost.keySet().stream().min((a, b) -> ready.get(a).compareTo(ready.get(b))).orElseThrow();
            Instant now = now();
            if (now.isAfter(deadline)) {
                break;
            }
            Instant at = ready.get(host);
            if (at.isAfter(now)) {
                Duration wait = Duration.between(now, at);
                if (at.isAfter(deadline)) {
                    break;
                }
                sleep(wait);
                waitedNanos += wait.toNanos();
                continue;
            }
            Deque<DriftLedger.Due> queue = byHost.get(host);
            DriftLedger.Due due = queue.peek();
            if (!robots.containsKey(host)) {
                boolean asked = loadRobots(host, due.url(), robots);
                if (asked) {
                    ready.put(host, pause(host, robots.get(host)));
                    continue;
                }
            }
            queue.poll();
            if (queue.isEmpty()) {
                byHost.remove(host);
            }
            BaseRobotRules rules = robots.get(host);
            if (!rules.isAllowed(due.url())) {
                ledger.skip(due.id(), "robots.txt asks robots not to read this page.", now(), config.recheck());
                robotsRefused++;
                continue;
            }
            HopPacing hops = new HopPacing(host, ready, robots);
            Observation seen = observe(due, hops);
            ready.put(host, pause(host, rules));
            hops.done();
            waitedNanos += hops.waitedNanos;
            read++;
            notModified += seen.status() == 304 ? 1 : 0;
            failed += seen.error() != null ? 1 : 0;
            changes += ledger.record(due.id(), seen, now(), config.recheck()).size();
        }
        Instant finished = now();
        return new RunReport(enlisted, read, notModified, changes, failed, robotsRefused, ready.size(),
                Duration.between(started, finished), Duration.ofNanos(waitedNanos), finished, null);
    }

    /** When the host may be asked again, noted for every instance: the interval, or the robots.txt crawl delay. */
    private Instant pause(String host, BaseRobotRules rules) {
        Duration interval = config.hostInterval();
        if (rules != null && rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && rules.getCrawlDelay() > interval.toMillis()) {
            interval = Duration.ofMillis(Math.min(rules.getCrawlDelay(), Duration.ofMinutes(5).toMillis()));
        }
        Instant next = now().plus(interval);
        ledger.hostUsed(host, next);
        return next;
    }

    /** The host's robots.txt rules, read again once a day; whether that took a request to the host. */
    private boolean loadRobots(String host, String anyUrl, Map<String, BaseRobotRules> robots) {
        URI page = URI.create(anyUrl);
        String robotsUrl = page.getScheme() + "://" + page.getRawAuthority() + "/robots.txt";
        DriftLedger.Robots kept = ledger.robots(host);
        boolean asked = false;
        if (kept == null || kept.readAt().plus(ROBOTS_KEPT).isBefore(now())) {
            int status;
            byte[] body = null;
            try {
                SourcePage answer = reader.fetch(URI.create(robotsUrl), SourceFetcher.Expect.TEXT, null, null);
                status = answer.status();
                body = answer.body();
            } catch (SourceRefusedException e) {
                status = 0;
            }
            ledger.saveRobots(host, status, body, now());
            kept = new DriftLedger.Robots(status, body, now());
            asked = true;
        }
        BaseRobotRules rules;
        if (kept.status() == 200 && kept.body() != null) {
            rules = robotsParser.parseContent(robotsUrl, kept.body(), "text/plain", List.of(ROBOT_NAME));
        } else if (kept.status() >= 400 && kept.status() < 500) {
            rules = robotsParser.failedFetch(404); // no robots.txt: everything allowed
        } else {
            // The site failed to answer for its rules: read nothing of it this time, as robots.txt's standard asks.
            rules = robotsParser.failedFetch(kept.status() == 0 ? 503 : kept.status());
        }
        robots.put(host, rules);
        return asked;
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

    /**
     * Paces the other hosts a re-read's redirects lead to as the run paces the first: each waits its turn (the
     * interval, or its robots.txt crawl delay, as {@code source_host} says for every instance), has its robots.txt
     * read and obeyed, and is noted as used once the read is done. A redirect within the first host is not waited
     * for, as a browser would not wait.
     */
    private final class HopPacing implements SourceFetcher.BeforeRequest {

        private final String first;
        private final Map<String, Instant> ready;
        private final Map<String, BaseRobotRules> robots;
        private final Set<String> visited = new LinkedHashSet<>();
        private long waitedNanos;

        HopPacing(String first, Map<String, Instant> ready, Map<String, BaseRobotRules> robots) {
            this.first = first;
            this.ready = ready;
            this.robots = robots;
        }

        @Override
        public void asking(URI address) throws SourceRefusedException {
            String host = DriftLedger.host(address.toString());
            if (host == null || host.equals(first)) {
                return;
            }
            awaitTurn(host);
            if (!robots.containsKey(host) && loadRobots(host, address.toString(), robots)) {
                ready.replace(host, pause(host, robots.get(host)));
                awaitTurn(host);
            }
            if (!robots.get(host).isAllowed(address.toString())) {
                throw new SourceRefusedException("It redirected to " + host + ", whose robots.txt does not let robots read that page.");
            }
            visited.add(host);
        }

        private void awaitTurn(String host) {
            Instant at = ledger.hostReadyAt(host);
            if (ready.containsKey(host) && ready.get(host).isAfter(at)) {
                at = ready.get(host);
            }
            Instant now = now();
            if (at.isAfter(now)) {
                Duration wait = Duration.between(now, at);
                sleep(wait);
                waitedNanos += wait.toNanos();
            }
        }

        /** Notes each other host the redirects reached as used, now that the read is over. */
        void done() {
            visited.forEach(host -> ready.replace(host, pause(host, robots.get(host))));
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
