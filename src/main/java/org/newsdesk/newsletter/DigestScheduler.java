package org.newsdesk.newsletter;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.account.Role;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.platform.RepeatedFailures;
import org.newsdesk.platform.Timers;

/**
 * When digests go out: every minute each instance looks whether today's digest is due
 * ({@code NEWSDESK_NEWSLETTER_DIGEST_HOUR} in the newsroom's zone) and opens it if no instance has, then builds
 * whatever send is waiting for a builder. Editors may send the digest now, or one post as breaking news.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DigestScheduler {

    private static final Logger LOG = Logger.getLogger(DigestScheduler.class.getName());

    private static final RepeatedFailures DATABASE_GONE = new RepeatedFailures(Duration.ofMinutes(1));
    private static final RepeatedFailures CHUNK_FAILED = new RepeatedFailures(Duration.ofMinutes(1));

    /** Subscribers per chunk: one transaction's worth of mail. */
    static final int CHUNK = 500;

    /** How long a builder holds a send between two chunks before another may take it over. */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final class EveryMinute implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Resource
    private TimerService timers;

    @EJB
    private Digests digests;

    @Inject
    private NewsletterConfig config;

    @Inject
    private PlatformConfig platform;

    @Inject
    private DatabaseState database;

    private final AtomicBoolean building = new AtomicBoolean();

    @PostConstruct
    void start() {
        Timers.cancelForeign(timers, EveryMinute.class);
        timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("*").second("40"), new TimerConfig(new EveryMinute(), false));
    }

    @Timeout
    void scheduled(Timer timer) {
        if (!Timers.ours(timer, EveryMinute.class)) {
            timer.cancel();
            return;
        }
        if (database.isUsable()) {
            try {
                openTodaysDigest(Instant.now());
                build();
            } catch (RuntimeException e) {
                // The database went away in the run: one line a minute (the pages say the rest), not a trace a run.
                if (Faults.databaseUnreachable(e)) {
                    DATABASE_GONE.log(LOG, "Digest: the database is not reachable; sends wait (" + Faults.firstLine(e) + ")");
                } else {
                    LOG.log(Level.SEVERE, "Digest: a run failed", e);
                }
            }
        }
    }

    /** Opens today's digest once its hour has come, on whichever instance gets there first. */
    void openTodaysDigest(Instant now) {
        ZonedDateTime here = now.atZone(platform.zone());
        if (here.getHour() < config.digestHour()) {
            return;
        }
        String key = "digest:" + here.toLocalDate();
        if (digests.exists(key)) {
            return;
        }
        Instant until = here.truncatedTo(ChronoUnit.DAYS).withHour(config.digestHour()).toInstant();
        Optional<Instant> since = digests.lastDigestUntil();
        if (since.isPresent() && !since.get().isBefore(until)) {
            return; // one sent by hand after today's hour already took these posts
        }
        digests.open(key, NewsletterSend.Kind.DIGEST, null, since.orElse(until.minus(Duration.ofDays(1))), until);
    }

    /** Sends the digest of everything published since the last one, now. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public boolean sendDigestNow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant since = digests.lastDigestUntil().orElse(now.minus(Duration.ofDays(1)));
        return digests.open("digest:" + now.atZone(platform.zone()).toLocalDate() + ":" + now.getEpochSecond(),
                NewsletterSend.Kind.DIGEST, null, since, now);
    }

    /** Sends one published post to every confirmed subscriber at once; a post goes out as breaking news once. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public boolean sendBreaking(long postId) {
        return digests.open("breaking:" + postId, NewsletterSend.Kind.BREAKING, postId, null, Instant.now());
    }

    /** Builds the waiting sends now, in the background (after a desk action, not to wait for the next minute). */
    @Asynchronous
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void buildSoon() {
        build();
    }

    /**
     * Builds the send's next chunk; a chunk that failed (a deadlock with the outbox's sender, say: it rolled back whole)
     * is tried again twice, then left to whoever claims the send once this claim ran out. Whether more is left.
     */
    private boolean chunk(long send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return digests.buildChunk(send, CHUNK, Instant.now(), LEASE);
            } catch (RuntimeException e) {
                CHUNK_FAILED.log(LOG, "Digest: a chunk of send " + send + " failed (try " + attempt + " of 3): "
                        + Faults.firstLine(Faults.causes(e).reduce((outer, inner) -> inner).orElse(e)));
                if (attempt == 3) {
                    return false;
                }
                try {
                    Thread.sleep(1_000L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private void build() {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        try {
            String me = ManagementFactory.getRuntimeMXBean().getName();
            for (Optional<Long> claimed = digests.claim(Instant.now(), LEASE, me); claimed.isPresent();
                 claimed = digests.claim(Instant.now(), LEASE, me)) {
                long send = claimed.get();
                long started = System.nanoTime();
                int chunks = 1;
                while (chunk(send)) {
                    chunks++;
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                int built = chunks;
                LOG.info(() -> "Digest: send " + send + " built in " + built + " chunk(s), " + millis + " ms");
            }
        } finally {
            building.set(false);
        }
    }
}
