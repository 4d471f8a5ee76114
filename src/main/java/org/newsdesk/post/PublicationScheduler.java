package org.newsdesk.post;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
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
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.platform.DatabaseReady;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.Timers;

/**
 * Publishes scheduled posts on time. The database is the record of every schedule: Payara Micro keeps
 * persistent EJB timers only in its Hazelcast grid, so they would not survive a restart of a lone
 * instance nor be shared between instances. Instead this bean, at start-up, publishes whatever fell due
 * while the server was down and sets an in-memory timer for each future schedule; a sweep every minute
 * catches schedules made on another instance. {@link PublishingService#publishIfDue} makes each
 * publication happen exactly once, whichever timer gets there first.
 *
 * <p>Every timer of this bean is one it set itself, non-persistent, with a {@link PostDue} or {@link Sweep}
 * as its info. A redeploy over a running deployment (as a Payara Micro root directory kept between runs
 * caused at every start) has handed the new bean the old one's {@code @Schedule} timer, with no info,
 * and made {@link #fire} throw; a timer with any other info (none, or an earlier deployment's classes) is
 * cancelled, never acted on.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PublicationScheduler {

    private static final Logger LOG = Logger.getLogger(PublicationScheduler.class.getName());

    /** A timer's info: publish this post, if it is due. */
    private record PostDue(long postId) implements Serializable {
    }

    /** A timer's info: publish every post that is due. */
    private record Sweep() implements Serializable {
    }

    @Resource
    private TimerService timers;

    @EJB
    private PublishingService publishing;

    @Inject
    private PostRepository posts;

    @Inject
    private DatabaseState database;

    @PostConstruct
    public void start() {
        int cancelled = Timers.cancelForeign(timers, PostDue.class, Sweep.class);
        if (cancelled > 0) {
            LOG.info(() -> "Publication schedule: cancelled " + cancelled + " timers left by an earlier deployment");
        }
        // Set here rather than with @Schedule, so that it carries info like every other timer of this bean.
        timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("*").second(sweepSeconds()),
                new TimerConfig(new Sweep(), false));
    }

    /**
     * The seconds of each minute the sweep runs at: second 30, off the whole minutes that editors schedule posts
     * for (each post's own timer publishes it then), or every {@code NEWSDESK_PUBLISH_SWEEP_SECONDS} from second 0.
     */
    static String sweepSeconds() {
        int every = PostConfig.PUBLISH_SWEEP_SECONDS.value();
        return every >= 60 ? "30" : "*/" + every;
    }

    /** Once the database is reached, at start-up or when it comes back after the site started without it. */
    public void onDatabaseReady(@Observes DatabaseReady ready) {
        catchUpAndArm();
    }

    /** Publishes what fell due while the server was down and sets a timer for every future schedule. */
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
        PostDue due = new PostDue(postId);
        for (Timer timer : timers.getTimers()) {
            if (due.equals(timer.getInfo())) {
                timer.cancel();
            }
        }
        timers.createSingleActionTimer(Date.from(at), new TimerConfig(due, false));
    }

    public void onScheduled(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostScheduled scheduled) {
        arm(scheduled.postId(), scheduled.publishAt());
    }

    /** Publishes the post a timer is for, or every due post for the sweep; any other timer is cancelled. */
    @Timeout
    public void fire(Timer timer) {
        Serializable info = timer.getInfo();
        if (info instanceof PostDue due) {
            publish(due.postId());
        } else if (info instanceof Sweep) {
            if (database.isUsable()) {
                publishDue();
            }
        } else {
            timer.cancel();
            LOG.info(() -> "Publication schedule: cancelled a timer left by an earlier deployment");
        }
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
