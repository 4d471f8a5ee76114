package org.newsdesk.post;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes scheduled posts on time. The database is the record of every schedule: Payara Micro keeps
 * persistent EJB timers only in its Hazelcast grid, so they would not survive a restart of a lone
 * instance nor be shared between instances. Instead this bean, at start-up, publishes whatever fell due
 * while the server was down and sets an in-memory timer for each future schedule; a sweep every minute
 * catches schedules made on another instance. {@link PublishingService#publishIfDue} makes each
 * publication happen exactly once, whichever timer gets there first.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PublicationScheduler {

    private static final Logger LOG = Logger.getLogger(PublicationScheduler.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private PublishingService publishing;

    @Inject
    private PostRepository posts;

    @PostConstruct
    public void catchUpAndArm() {
        Instant now = Instant.now(Clock.systemUTC());
        int caughtUp = publishDue();
        int armed = 0;
        for (Object[] row : posts.scheduled()) {
            Instant at = (Instant) row[1];
            if (at != null && at.isAfter(now)) {
                arm((Long) row[0], at);
                armed++;
            }
        }
        int published = caughtUp;
        int waiting = armed;
        LOG.info(() -> "Publication schedule: " + published + " overdue posts published, " + waiting + " timers set");
    }

    /** Sets (or resets) the timer for one post. */
    public void arm(long postId, Instant at) {
        for (Timer timer : timers.getTimers()) {
            if (Long.valueOf(postId).equals(timer.getInfo())) {
                timer.cancel();
            }
        }
        timers.createSingleActionTimer(Date.from(at), new TimerConfig(postId, false));
    }

    public void onScheduled(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostScheduled scheduled) {
        arm(scheduled.postId(), scheduled.publishAt());
    }

    @Timeout
    public void fire(Timer timer) {
        publish((Long) timer.getInfo());
    }

    /** Catches schedules set on other instances, and anything a lost timer missed. */
    @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
    public void sweep() {
        publishDue();
    }

    private int publishDue() {
        int published = 0;
        for (Long id : posts.dueScheduledIds(Instant.now(Clock.systemUTC()))) {
            published += publish(id) ? 1 : 0;
        }
        return published;
    }

    private boolean publish(long postId) {
        try {
            return publishing.publishIfDue(postId);
        } catch (RuntimeException e) {
            // One broken post must not stop the others; it stays scheduled and is retried by the sweep.
            LOG.log(Level.SEVERE, "Could not publish scheduled post " + postId, e);
            return false;
        }
    }
}
