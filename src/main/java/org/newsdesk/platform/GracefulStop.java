package org.newsdesk.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops without cutting anyone off. On SIGTERM (Docker, systemd, Ctrl-C's neighbour {@code kill}) the JVM
 * would run the server's shutdown at once, dropping requests in flight: a reader whose comment was saved
 * could get an error, and readers arriving meanwhile get the container's own pages. Newsdesk takes the
 * signal first: new requests get the site's 503 "restarting" page (with {@code Connection: close}), the
 * readiness check goes down so a proxy stops sending traffic, the requests in flight finish, for at most
 * {@code NEWSDESK_STOP_GRACE_SECONDS} (20), and then the process ends.
 *
 * <p>{@code sun.misc.Signal} is the JDK's only way to act on a signal before the shutdown hooks run; no
 * library does this for a Payara Micro application.
 */
@WebListener
public class GracefulStop implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());
    private static final Signal TERM = new Signal("TERM");
    private static final Duration GRACE = Duration.ofSeconds(PlatformConfig.STOP_GRACE_SECONDS.value());

    private static final Duration SETTLE = Duration.ofMillis(500);

    private static final AtomicBoolean STOPPING = new AtomicBoolean();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    private static volatile SignalHandler previous;
    private static volatile SignalHandler ours;

    /** Whether the server is stopping: new requests are answered 503. */
    public static boolean stopping() {
        return STOPPING.get();
    }

    static void requestStarted() {
        IN_FLIGHT.incrementAndGet();
    }

    static void requestEnded() {
        IN_FLIGHT.decrementAndGet();
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (GRACE.isZero()) {
            return;
        }
        try {
            SignalHandler handler = GracefulStop::stop;
            previous = Signal.handle(TERM, handler);
            ours = handler;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warning(() -> "SIGTERM stops the server at once here (" + e.getMessage() + ")");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        // Undeployed (a redeploy, a test run): the signal goes back to whoever had it, unless someone took it since.
        SignalHandler mine = ours;
        if (mine != null && previous != null) {
            SignalHandler current = Signal.handle(TERM, previous);
            if (current != mine) {
                Signal.handle(TERM, current);
            }
            ours = null;
        }
    }

    private static void stop(Signal signal) {
        if (!STOPPING.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        LOG.info(() -> "Stopping: " + IN_FLIGHT.get() + " requests in flight finish (at most " + GRACE.toSeconds()
                + " s); new ones get the 503 page");
        while (IN_FLIGHT.get() > 0 && System.nanoTime() - started < GRACE.toNanos()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // The last answers have been handed to the connections (ServiceGate flushes them); give the network a
        // moment to carry them before the process ends.
        try {
            Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int left = IN_FLIGHT.get();
        LOG.info(() -> "Stopping: requests in flight " + (left == 0 ? "all finished" : left + " still running, cut off")
                + " after " + millis + " ms; the server stops now");
        // Not the server's orderly stop: it undeploys the application while its HTTP listener still takes
        // requests, which then get the container's empty 500 and 503 answers (seen in GracefulStopIT). Nothing
        // Newsdesk keeps needs that stop: every request has finished, its transaction committed and its files
        // written, the database is another process and the timers are not persistent. New connections are
        // refused from here on, which a proxy takes as "try another instance". The one part of that stop that
        // matters, removing the server's unpacked runtime directory, ServerExit does.
        ServerExit.halt(128 + signal.getNumber());
    }
}
