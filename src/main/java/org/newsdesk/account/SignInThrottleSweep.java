package org.newsdesk.account;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.Timers;

/**
 * Forgets failed sign-ins once they no longer count: every hour, the {@code signin_throttle} rows whose last
 * failure is older than {@link AccountService#THROTTLE_MEMORY} and whose wait is over are deleted. Every
 * username typed and every address that failed leaves a row, so without this the table grows with every
 * guess an attacker makes (a password spray over a million names is a million rows) and is never emptied.
 * Each instance runs the sweep; running it twice deletes nothing twice.
 */
@Startup
@Singleton
public class SignInThrottleSweep {

    private static final Logger LOG = Logger.getLogger(SignInThrottleSweep.class.getName());

    /** This bean's only timer's info; a timer with any other info was left by an earlier deployment. */
    private record Sweep() implements Serializable {
    }

    @Resource
    private TimerService timers;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DatabaseState database;

    @PostConstruct
    void start() {
        Timers.cancelForeign(timers, Sweep.class);
        timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("17"), new TimerConfig(new Sweep(), false));
    }

    @Timeout
    void fire(Timer timer) {
        if (!Timers.ours(timer, Sweep.class)) {
            timer.cancel();
            return;
        }
        if (database.isUsable()) {
            int forgotten = forgetOldFailures(Instant.now(Clock.systemUTC()));
            if (forgotten > 0) {
                LOG.info(() -> "Sign-in throttle: forgot " + forgotten + " addresses and usernames with no failure for "
                        + AccountService.THROTTLE_MEMORY.toHours() + " hours");
            }
        }
    }

    /** Deletes what no longer slows anyone down as of {@code now}; returns how many rows went. */
    public int forgetOldFailures(Instant now) {
        return em.createNativeQuery("DELETE FROM signin_throttle WHERE (last_failure IS NULL OR last_failure < ?1)"
                        + " AND (not_before IS NULL OR not_before < ?2)")
                .setParameter(1, now.minus(AccountService.THROTTLE_MEMORY))
                .setParameter(2, now)
                .executeUpdate();
    }
}
