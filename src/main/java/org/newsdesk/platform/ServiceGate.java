package org.newsdesk.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.omnifaces.util.Exceptions;

/**
 * Until the database has been reached since start-up ({@link DatabaseMigrations}), while it hangs
 * ({@link DatabaseWatch}), and once the server is
 * stopping ({@link GracefulStop}, which this filter tells how many requests are in flight), every page is
 * the site's own 503 "back in a moment" page, with {@code Retry-After}; while starting, its stylesheet is
 * still served. Nothing
 * behind this filter then meets a missing schema or a missing demo account. Later, while the site runs, a
 * request that fails because the database went away gets the same page.
 */
public class ServiceGate extends HttpFilter {

    static final String RETRY_AFTER_SECONDS = "10";

    /** Where {@code web.xml} sends a {@link ViewExpiredException}. */
    private static final String EXPIRED_PAGE = "/WEB-INF/errorpages/expired.xhtml";

    /** Why the 503 page is shown, for its wording: "database" or "stopping". */
    static final String UNAVAILABLE = "newsdesk.unavailable";

    private static final Logger LOG = Logger.getLogger(ServiceGate.class.getName());

    /** Shared with the error page, so that a failure logged by either counts as a repeat for both. */
    static final RepeatedFailures OUTAGE = new RepeatedFailures(Duration.ofSeconds(10));

    @Inject
    private DatabaseState database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isHealth(request)) {
            // MicroProfile Health answers for itself, in JSON, whatever the database does: a probe must read which
            // check is down, and liveness must not fail because the database did.
            chain.doFilter(request, new HealthAnswer(response));
            return;
        }
        if (GracefulStop.stopping()) {
            GracefulStop.requestRefused(); // the process waits a moment after the last one, so that this answer leaves
            request.setAttribute(UNAVAILABLE, "stopping");
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        GracefulStop.requestStarted();
        try {
            if (database.isUsable() || isFacesResource(request)) {
                passOn(request, response, chain);
                return;
            }
            request.setAttribute(UNAVAILABLE, "database");
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } finally {
            if (GracefulStop.stopping() && !request.isAsyncStarted()) {
                // The process ends once no request is in flight: this answer must have left first, or a reader
                // whose comment was saved would get no answer (GracefulStopIT saw one).
                try {
                    response.flushBuffer();
                } catch (IOException | IllegalStateException gone) {
                    // The reader went away; nothing is left to send.
                }
            }
            GracefulStop.requestEnded();
        }
    }

    /**
     * A request that fails because the database went away while the site was running gets the same 503
     * page, and one log line, with repeats summarised. Caught here, before the servlet container, which
     * would log every such failure with its whole stack (about 1,200 lines a request).
     */
    private void passOn(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!response.isCommitted() && MalformedRequests.isMalformed(e)) {
                LOG.fine(() -> request.getMethod() + " " + request.getRequestURI() + ": a broken request body, answered 400 ("
                        + Faults.firstLine(e) + ")");
                response.resetBuffer();
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            Optional<ViewExpiredException> expired = Optional.ofNullable(Exceptions.extract(e, ViewExpiredException.class))
                    .or(() -> unrestorable(e, request));
            if (expired.isPresent() && !response.isCommitted()) {
                showExpiredPage(request, response, expired.get());
                return;
            }
            if (response.isCommitted() || !Faults.databaseUnreachable(e)) {
                throw e;
            }
            OUTAGE.log(LOG, request.getMethod() + " " + request.getRequestURI() + ": database at "
                    + NewsdeskDataSource.address() + " not reachable (" + Faults.firstLine(e) + "); answered 503");
            response.resetBuffer();
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    /**
     * A form sent with a view state the server no longer has (an expired session, a restart) or never had (a
     * forged one) gets the "page has expired" page, a 400 that offers back what was typed. Shown from here,
     * as the container's error page would show it, because the container first logs such an exception as
     * a warning with its whole stack, about 70 lines a request (a fuzzer's 10,000 requests wrote 6 MB), for
     * what is the client's stale copy. The error attributes tell Faces this is an error page, not a
     * postback of the form.
     */
    private static void showExpiredPage(HttpServletRequest request, HttpServletResponse response, ViewExpiredException expired)
            throws ServletException, IOException {
        STALE_FORMS.log(LOG, java.util.logging.Level.INFO, request.getMethod() + " " + request.getRequestURI()
                + ": a form whose view state this server cannot restore (expired, from before a restart, or made up); answered 400");
        response.resetBuffer();
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, expired);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, ViewExpiredException.class);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, expired.getMessage());
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_BAD_REQUEST);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.getRequestDispatcher(EXPIRED_PAGE).forward(request, response);
    }

    /** One line for a run of stale forms: a client's stale copy is worth a line, not one per request. */
    private static final RepeatedFailures STALE_FORMS = new RepeatedFailures(Duration.ofMinutes(1));

    /**
     * Mojarra's answer to a form that says its view is stateless ({@code jakarta.faces.ViewState=stateless}, what the
     * public forms carry) posted to a view that is not: a bare {@code FacesException} "Unable to restore view", which
     * the container logged with two stack traces (180 lines) and answered 500. It is the same client mistake as an
     * expired view state.
     */
    private static Optional<ViewExpiredException> unrestorable(Throwable e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.faces.FacesException && String.valueOf(cause.getMessage()).startsWith("Unable to restore view")
                    && request.getParameter("jakarta.faces.ViewState") != null) {
                String view = cause.getMessage().substring("Unable to restore view".length()).strip();
                return Optional.of(new ViewExpiredException(cause.getMessage(), view));
            }
        }
        return Optional.empty();
    }

    /** {@code /health}, {@code /health/live}, {@code /health/ready}, {@code /health/started}: Payara's MicroProfile Health. */
    static boolean isHealth(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/health") || path.startsWith("/health/");
    }

    /**
     * Health's answer as it wrote it: a DOWN check's 503 is a status with its JSON, never the container's error page
     * (the site's HTML 503 page) in its place.
     */
    private static final class HealthAnswer extends jakarta.servlet.http.HttpServletResponseWrapper {

        HealthAnswer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            setStatus(status);
        }
    }

    /** A stylesheet, script or image of the site's own look: public, the same for everyone, no database behind it. */
    public static boolean isFacesResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }
}
