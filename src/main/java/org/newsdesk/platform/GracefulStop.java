package org.newsdesk.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops without cutting anyone off. On SIGTERM (Docker, systemd, Ctrl-C's neighbour {@code kill}) the JVM
 * would run the server's shutdown at once, dropping requests in flight: a reader whose comment was saved
 * could get an error, and readers arriving meanwhile get the container's own pages. Newsdesk takes the
 * signal first: the server stops accepting connections (a proxy takes the refusal as "try another instance"),
 * requests on connections already open get the site's 503 "restarting" page (with {@code Connection: close}),
 * the readiness check goes down so a proxy stops sending traffic, the requests in flight finish, for at most
 * {@code NEWSDESK_STOP_GRACE_SECONDS} (20), and then the process ends once no request has come for half a second.
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
    /** When the last request came (in flight or answered 503 while stopping), from {@link System#nanoTime()}. */
    private static volatile long lastRequest = System.nanoTime();

    private static volatile SignalHandler previous;
    private static volatile SignalHandler ours;

    /** Whether the server is stopping: new requests are answered 503. */
    public static boolean stopping() {
        return STOPPING.get();
    }

    static void requestStarted() {
        IN_FLIGHT.incrementAndGet();
        lastRequest = System.nanoTime();
    }

    /** A request answered with the 503 page while stopping. */
    static void requestRefused() {
        lastRequest = System.nanoTime();
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
        int listeners = stopAccepting();
        LOG.info(() -> "Stopping: " + IN_FLIGHT.get() + " requests in flight finish (at most " + GRACE.toSeconds()
                + " s); " + (listeners > 0 ? "no new connection is accepted, and " : "") + "new requests get the 503 page");
        // Until nothing is in flight and no request has come for a moment: a connection kept open by a client may
        // still bring one, which gets the 503 page and is closed, rather than being cut off by the process's end.
        while (System.nanoTime() - started < GRACE.toNanos()
                && (IN_FLIGHT.get() > 0 || System.nanoTime() - lastRequest < SETTLE.toNanos())) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
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

    /**
     * Closes the server's listening sockets and leaves its open connections be, so that a request arriving after
     * the signal is refused at once (which every proxy retries elsewhere) instead of being accepted and then cut
     * off when the process ends. Payara Micro has no call for it, and no asadmin command either (disabling the
     * listener also closes its open connections, and the requests in flight with them): this reaches Grizzly's
     * transport through Payara's service locator and unbinds it. The number of listeners closed; 0, with a log
     * line, where the server's insides are not what this Payara version has (GracefulStopIT would fail).
     */
    static int stopAccepting() {
        try {
            ClassLoader server = GracefulStop.class.getClassLoader();
            Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", true, server);
            Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
            Class<?> grizzly = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, server);
            Object service = locator.getClass().getMethod("getService", Class.class, Annotation[].class)
                    .invoke(locator, grizzly, new Annotation[0]);
            Field proxiesField = grizzly.getDeclaredField("proxies");
            proxiesField.setAccessible(true);
            int closed = 0;
            for (Object proxy : (Collection<?>) proxiesField.get(service)) {
                Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
                Object transport = listener.getClass().getMethod("getTransport").invoke(listener);
                transport.getClass().getMethod("unbindAll").invoke(transport);
                closed++;
            }
            return closed;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning(() -> "Stopping: the server's listener stays open until the process ends (" + e + ")");
            return 0;
        }
    }
}
