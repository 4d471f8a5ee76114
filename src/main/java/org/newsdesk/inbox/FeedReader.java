package org.newsdesk.inbox;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.account.Role;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.Timers;
import org.newsdesk.source.HostTurns;
import org.newsdesk.source.PoliteReading;
import org.newsdesk.source.SourceFetcher;
import org.newsdesk.source.SourcePage;
import org.newsdesk.source.SourceReader;
import org.newsdesk.source.SourceRefusedException;

/**
 * Reads the feeds that are due, every two minutes, and files their articles into the inbox.
 *
 * <p>Once per cluster: a run takes the lease {@value FeedLedger#LEASE}; another instance's timer finds it held
 * and skips its turn. Polite as the drift monitor is, and counted with it ({@link PoliteReading}): one request at
 * a time, each host's interval or robots.txt crawl delay across readers and instances, robots.txt obeyed,
 * conditional GETs, a 429 or 503 waited out as its {@code Retry-After} says, failing feeds backed off. Bounded:
 * at most {@code INBOX_FEEDS_PER_RUN} feeds or {@code INBOX_RUN_SECONDS} per run; every address through the
 * fetcher's guard. Hosts take turns, so one slow outlet does not starve the rest.
 */
@Startup
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FeedReader {

    private static final Logger LOG = Logger.getLogger(FeedReader.class.getName());
    /**
     * New articles are put into stories in batches of about this many: each batch reads the story window once,
     * rather than once per feed (500 feeds would read it 500 times a run).
     */
    private static final int CLUSTER_BATCH = 2_500;
    /** Articles older than the keeping time forgotten per run, at most: a long backlog goes over several runs. */
    private static final int PRUNED_PER_RUN = 5_000;

    private record Every2Minutes() implements Serializable {
    }

    /** What one run did; {@code skipped} says why it did nothing, when it did nothing. */
    public record RunReport(int feeds, int notModified, int failed, int robotsRefused, int items, int newItems, int stories,
                            int watchHits, int pruned, int hosts, Duration took, Duration waited, Instant finishedAt, String skipped)
            implements Serializable {

        static RunReport skipped(String why) {
            return new RunReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Instant.now(), why);
        }
    }

    /** One feed's read: how many articles it listed and how many were new; {@code error} in words when it failed. */
    public record FeedRead(int items, int newItems, int status, Phrase error) implements Serializable {
    }

    @Resource
    private TimerService timers;

    @EJB
    private FeedLedger ledger;

    @EJB
    private HostTurns turns;

    @EJB
    private WebSub webSub;

    @Inject
    private SourceReader reader;

    @Inject
    private InboxConfig config;

    @Inject
    private DatabaseState database;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile RunReport last;

    @PostConstruct
    void start() {
        Timers.cancelForeign(timers, Every2Minutes.class);
        if (!config.scheduled()) {
            LOG.info("Feed reader: the scheduled runs are off (NEWSDESK_INBOX_READER=false)");
            return;
        }
        timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("*/2").second("15"), new TimerConfig(new Every2Minutes(), false));
    }

    @Timeout
    void scheduled(Timer timer) {
        if (!Timers.ours(timer, Every2Minutes.class)) {
            timer.cancel();
            return;
        }
        if (database.isUsable()) {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Feed reader run failed", e);
            }
        }
    }

    /** Runs now, for an editor who asks on the desk (or a test), and says what the run did. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public RunReport runNow() {
        return run();
    }

    /** Starts a run in the background, for the Feeds page's "Read all now". */
    @Asynchronous
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void startNow() {
        run();
    }

    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public RunReport last() {
        return last;
    }

    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public boolean isRunning() {
        return running.get();
    }

    private RunReport run() {
        if (!running.compareAndSet(false, true)) {
            return RunReport.skipped("The feeds are being read here already.");
        }
        try {
            Instant started = Instant.now();
            Instant deadline = started.plus(config.runLimit());
            String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
            if (!turns.claim(FeedLedger.LEASE, holder, started, deadline.plusSeconds(60))) {
                return RunReport.skipped("Another instance is reading the feeds now.");
            }
            try {
                RunReport report = readDue(started, deadline);
                last = report;
                if (report.feeds() > 0 || report.pruned() > 0) {
                    LOG.info(() -> "Feed reader: " + report);
                }
                return report;
            } finally {
                turns.release(FeedLedger.LEASE, holder);
            }
        } finally {
            running.set(false);
        }
    }

    private RunReport readDue(Instant started, Instant deadline) {
        Map<String, Deque<FeedLedger.Due>> byHost = new LinkedHashMap<>();
        for (FeedLedger.Due due : ledger.due(started, config.feedsPerRun())) {
            byHost.computeIfAbsent(due.host(), h -> new ArrayDeque<>()).add(due);
        }
        PoliteReading polite = new PoliteReading(turns, reader, config.hostInterval());
        Reads reads = new Reads(polite);
        polite.visit(byHost, FeedLedger.Due::url, deadline, reads);
        reads.fileRest();
        int pruned = ledger.prune(Instant.now(), config.keep(), PRUNED_PER_RUN);
        try {
            webSub.renew(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Feed reader: WebSub subscriptions could not be renewed", e);
        }
        Instant finished = Instant.now();
        return new RunReport(reads.feeds, reads.notModified, reads.failed, reads.robotsRefused, reads.items, reads.newItems, reads.stories,
                reads.watchHits, pruned, polite.hosts(),
                Duration.between(started, finished), polite.waited(), finished, null);
    }

    /** One run's reads, what they brought, and the new articles waiting to be put into stories. */
    private final class Reads implements PoliteReading.Visitor<FeedLedger.Due> {

        private final PoliteReading polite;
        private final List<Long> pending = new ArrayList<>();
        private int feeds;
        private int notModified;
        private int failed;
        private int robotsRefused;
        private int items;
        private int newItems;
        private int stories;
        private int watchHits;

        Reads(PoliteReading polite) {
            this.polite = polite;
        }

        @Override
        public void read(FeedLedger.Due due, String host, PoliteReading.Hops hops) {
            Outcome outcome = FeedReader.this.read(due, hops, polite, host);
            feeds++;
            notModified += outcome.read().status() == 304 ? 1 : 0;
            failed += outcome.read().error() != null ? 1 : 0;
            items += outcome.read().items();
            newItems += outcome.read().newItems();
            pending.addAll(outcome.added());
            if (pending.size() >= CLUSTER_BATCH) {
                fileRest();
            }
        }

        @Override
        public void refused(FeedLedger.Due due, String host) {
            ledger.failed(due.id(), null, polite.refusal(host, due.url()), Instant.now(), null, config.feedInterval());
            robotsRefused++;
        }

        /** Puts the articles read since the last batch into stories. */
        void fileRest() {
            Filed filed = file(pending, Instant.now());
            stories += filed.stories();
            watchHits += filed.watchHits();
            pending.clear();
        }
    }

    private record Outcome(FeedRead read, List<Long> added) {
    }

    private record Filed(int stories, int watchHits) {
    }

    /** Puts new articles into stories, notes the posts covering those stories, and counts the watches' matches. */
    private Filed file(List<Long> added, Instant now) {
        if (added.isEmpty()) {
            return new Filed(0, 0);
        }
        try {
            Set<Long> stories = ledger.cluster(added, now, config.storyWindow());
            ledger.coverage(stories);
            return new Filed(stories.size(), ledger.watch(added, now));
        } catch (RuntimeException e) {
            // The articles stay; the next batch's window has them, and a story-less article waits for the next run's.
            LOG.log(Level.WARNING, "Feed reader: could not put " + added.size() + " articles into stories", e);
            return new Filed(0, 0);
        }
    }

    /** Reads one feed and files what it brought; a failure is recorded on the feed, in words, and never thrown. */
    private Outcome read(FeedLedger.Due due, SourceFetcher.BeforeRequest hops, PoliteReading polite, String host) {
        Instant now = Instant.now();
        try {
            SourcePage page = reader.fetch(URI.create(due.url()), SourceFetcher.Expect.FEED, due.etag(), due.lastModified(), hops);
            if (page.notModified()) {
                ledger.notModified(due.id(), now, config.feedInterval());
                return new Outcome(new FeedRead(0, 0, 304, null), List.of());
            }
            if (!page.ok()) {
                Instant retryAt = page.status() == 429 || page.status() == 503 ? page.retryAt(now) : null;
                if (retryAt != null && polite != null) {
                    polite.backOff(host, retryAt);
                }
                Phrase why = why(page, retryAt);
                ledger.failed(due.id(), page.status(), why, now, retryAt, config.feedInterval());
                return new Outcome(new FeedRead(0, 0, page.status(), why), List.of());
            }
            FeedDocument document = FeedFormats.read(page.body(), page.contentType(), page.address());
            FeedLedger.Stored stored = ledger.store(due.id(), document, page, now, config.feedInterval());
            return new Outcome(new FeedRead(document.entries().size(), stored.added().size(), 200, null), stored.added());
        } catch (SourceRefusedException e) {
            ledger.failed(due.id(), null, e.phrase(), now, null, config.feedInterval());
            return new Outcome(new FeedRead(0, 0, 0, e.phrase()), List.of());
        } catch (FeedUnreadableException e) {
            Phrase why = Phrase.of("feeds.why.unreadable", e.phrase());
            ledger.failed(due.id(), 200, why, now, null, config.feedInterval());
            return new Outcome(new FeedRead(0, 0, 200, why), List.of());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Feed reader: could not file " + due.url(), e);
            Phrase why = Phrase.of("feeds.why.notFiled", e.getClass().getSimpleName());
            ledger.failed(due.id(), null, why, now, null, config.feedInterval());
            return new Outcome(new FeedRead(0, 0, 0, why), List.of());
        }
    }

    /** Reads one feed now, for the Feeds page (a feed just added, "Read now"), outside the run and its pacing. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public FeedRead readOne(long feedId) {
        FeedLedger.Due due = ledger.one(feedId);
        if (due == null) {
            return new FeedRead(0, 0, 0, Phrase.of("feeds.why.removed"));
        }
        Outcome outcome = read(due, SourceFetcher.BeforeRequest.NONE, null, due.host());
        file(outcome.added(), Instant.now());
        return outcome.read();
    }

    private static Phrase why(SourcePage page, Instant retryAt) {
        String host = page.address().getHost();
        String status = String.valueOf(page.status());
        return switch (page.status()) {
            case 404, 410 -> Phrase.of("feeds.why.gone", host, status);
            case 401, 403 -> Phrase.of("feeds.why.forbidden", host, status);
            case 429, 503 -> retryAt != null ? Phrase.of("feeds.why.waitUntil", host, status, java.util.Date.from(retryAt))
                    : Phrase.of("feeds.why.wait", host, status);
            default -> Phrase.of(page.status() >= 500 ? "feeds.why.failed" : "feeds.why.status", host, status);
        };
    }
}
