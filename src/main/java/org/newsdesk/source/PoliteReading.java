package org.newsdesk.source;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.platform.Phrase;

/**
 * One background run's manners towards the hosts it reads, shared by the drift monitor and the feed reader
 * through {@link HostTurns}: at least {@code interval} between two requests to one host, or its robots.txt
 * {@code Crawl-delay} when longer (at most 5 minutes), across runs, readers and instances; robots.txt read once
 * a day per host and obeyed for the agent {@value #ROBOT_NAME}; a redirect to another host waits for that
 * host's turn and obeys its rules too. Not thread-safe: one run reads one page at a time.
 *
 * <pre>
 * PoliteReading polite = new PoliteReading(turns, reader, Duration.ofSeconds(10));
 * if (polite.readyAt(host).isAfter(now)) { ... wait or take another host ... }
 * if (polite.learnRules(host, url)) { polite.pause(host); continue; }   // robots.txt took this turn
 * if (!polite.allowed(host, url)) { ... skip ... }
 * PoliteReading.Hops hops = polite.hops(host);
 * SourcePage page = reader.fetch(URI.create(url), Expect.PAGE, etag, lastModified, hops);
 * polite.pause(host);
 * hops.done();
 * </pre>
 */
public final class PoliteReading {

    public static final String ROBOT_NAME = "newsdesk";
    private static final Duration ROBOTS_KEPT = Duration.ofDays(1);
    private static final Duration LONGEST_CRAWL_DELAY = Duration.ofMinutes(5);

    private final HostTurns turns;
    private final SourceReader reader;
    private final Duration interval;
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
    private final Map<String, Instant> ready = new HashMap<>();
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final Map<String, Instant> askAgainAfter = new HashMap<>();
    private final Map<String, Phrase> unreachable = new HashMap<>();
    private long waitedNanos;

    public PoliteReading(HostTurns turns, SourceReader reader, Duration interval) {
        this.turns = turns;
        this.reader = reader;
        this.interval = interval;
    }

    /** When this run may next ask {@code host}: as every reader noted it, or later as this run knows. */
    public Instant readyAt(String host) {
        return ready.computeIfAbsent(host, turns::readyAt);
    }

    /** The hosts this run has asked about so far. */
    public int hosts() {
        return ready.size();
    }

    /** How long this run has waited for hosts' turns. */
    public Duration waited() {
        return Duration.ofNanos(waitedNanos);
    }

    /** Sleeps until {@code at}, counting the wait. */
    public void waitUntil(Instant at) {
        Instant now = Instant.now();
        if (at.isAfter(now)) {
            Duration wait = Duration.between(now, at);
            sleep(wait);
            waitedNanos += wait.toNanos();
        }
    }

    /**
     * Makes sure the host's robots.txt rules are known, reading it when the copy kept is older than a day;
     * whether that took a request to the host (the caller then pauses the host before its next request).
     */
    public boolean learnRules(String host, String anyUrl) {
        if (robots.containsKey(host)) {
            return false;
        }
        URI page = URI.create(anyUrl);
        String robotsUrl = page.getScheme() + "://" + page.getRawAuthority() + "/robots.txt";
        HostTurns.Robots kept = turns.robots(host);
        boolean asked = false;
        if (kept == null || kept.readAt().plus(ROBOTS_KEPT).isBefore(Instant.now())) {
            int status;
            byte[] body = null;
            try {
                SourcePage answer = reader.fetch(URI.create(robotsUrl), SourceFetcher.Expect.TEXT, null, null);
                status = answer.status();
                body = answer.body();
            } catch (SourceRefusedException e) {
                status = 0;
                unreachable.put(host, e.phrase());
            }
            turns.saveRobots(host, status, body, Instant.now());
            kept = new HostTurns.Robots(status, body, Instant.now());
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

    /** Whether the host's robots.txt lets Newsdesk read {@code url}; {@link #learnRules} first. */
    public boolean allowed(String host, String url) {
        return robots.get(host).isAllowed(url);
    }

    /**
     * Why nothing of the host may be read, in words: its robots.txt could not be asked for (the address guard refused
     * the host, it did not answer), or its robots.txt keeps robots from {@code url}.
     */
    public Phrase refusal(String host, String url) {
        Phrase why = unreachable.get(host);
        return why != null ? Phrase.of("source.robots.unreachable", why) : Phrase.of("source.robots.refused");
    }

    /** Notes the host as just used, for every reader: the interval, or its robots.txt crawl delay; the next turn. */
    public Instant pause(String host) {
        Duration wait = interval;
        BaseRobotRules rules = robots.get(host);
        if (rules != null && rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && rules.getCrawlDelay() > wait.toMillis()) {
            wait = Duration.ofMillis(Math.min(rules.getCrawlDelay(), LONGEST_CRAWL_DELAY.toMillis()));
        }
        Instant next = Instant.now().plus(wait);
        Instant asked = askAgainAfter.remove(host);
        if (asked != null && asked.isAfter(next)) {
            next = asked;
        }
        turns.used(host, next);
        ready.put(host, next);
        return next;
    }

    /** The host asked to be left alone until {@code until} (a 429 or 503 with Retry-After): its next pause lasts that long. */
    public void backOff(String host, Instant until) {
        askAgainAfter.merge(host, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** What a run does with each address it may read, and with each robots.txt keeps it from. */
    public interface Visitor<T> {

        /** Reads {@code item} of {@code host}, telling {@code hops} each address before it is asked. */
        void read(T item, String host, Hops hops);

        /** {@code item} is not read: its host's robots.txt forbids it, or cannot be asked ({@link #refusal}). */
        void refused(T item, String host);
    }

    /**
     * Reads the items, queued by host, in the hosts' turns until {@code deadline}: the host whose turn comes first
     * next (waiting for it when none is due), its robots.txt first, each item read or refused, the host paused after
     * each request. Hosts take turns, so one slow outlet does not hold the others up. What the deadline leaves stays
     * in the queues.
     */
    public <T> void visit(Map<String, java.util.Deque<T>> byHost, java.util.function.Function<T, String> url, Instant deadline,
                          Visitor<T> visitor) {
        while (!byHost.isEmpty()) {
            String host = byHost.keySet().stream().min(java.util.Comparator.comparing(this::readyAt)).orElseThrow();
            Instant now = Instant.now();
            if (now.isAfter(deadline)) {
                return;
            }
            Instant at = readyAt(host);
            if (at.isAfter(now)) {
                if (at.isAfter(deadline)) {
                    return;
                }
                waitUntil(at);
                continue;
            }
            java.util.Deque<T> queue = byHost.get(host);
            T item = queue.peek();
            if (learnRules(host, url.apply(item))) {
                pause(host);
                continue;
            }
            queue.poll();
            if (queue.isEmpty()) {
                byHost.remove(host);
            }
            if (!allowed(host, url.apply(item))) {
                visitor.refused(item, host);
                continue;
            }
            Hops hops = hops(host);
            visitor.read(item, host, hops);
            pause(host);
            hops.done();
        }
    }

    /** Paces the other hosts one read's redirects lead to; {@link Hops#done()} once the read is over. */
    public Hops hops(String first) {
        return new Hops(first);
    }

    /**
     * Paces the other hosts a read's redirects lead to as the run paces the first: each waits its turn, has its
     * robots.txt read and obeyed, and is noted as used once the read is done. A redirect within the first host
     * is not waited for, as a browser would not wait.
     */
    public final class Hops implements SourceFetcher.BeforeRequest {

        private final String first;
        private final Set<String> visited = new LinkedHashSet<>();

        private Hops(String first) {
            this.first = first;
        }

        @Override
        public void asking(URI address) throws SourceRefusedException {
            String host = HostTurns.host(address.toString());
            if (host == null || host.equals(first)) {
                return;
            }
            awaitTurn(host);
            if (learnRules(host, address.toString())) {
                pause(host);
                awaitTurn(host);
            }
            if (!allowed(host, address.toString())) {
                throw new SourceRefusedException(Phrase.of("source.redirect.robots", host));
            }
            visited.add(host);
        }

        private void awaitTurn(String host) {
            Instant at = turns.readyAt(host);
            Instant known = ready.get(host);
            if (known != null && known.isAfter(at)) {
                at = known;
            }
            waitUntil(at);
        }

        /** Notes each other host the redirects reached as used, now that the read is over. */
        public void done() {
            visited.forEach(PoliteReading.this::pause);
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
}
