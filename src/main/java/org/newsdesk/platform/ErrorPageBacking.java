package org.newsdesk.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.omnifaces.util.Faces;

/**
 * Serves the 500 error page. Logs the failure once, under a short incident reference that the page
 * shows, so a reader's report leads to the right log line, while no stack trace reaches the reader.
 *
 * <p>A failure because the database cannot be reached is not a fault of the page: it answers 503 with
 * {@code Retry-After} and says the site is back in a moment, and it is logged in one line, with repeats
 * summarised ({@link RepeatedFailures}), so an outage does not bury the log.
 */
@Named("errorPage")
@RequestScoped
public class ErrorPageBacking {

    private static final Logger LOG = Logger.getLogger(ErrorPageBacking.class.getName());

    @Inject
    private HttpServletRequest request;

    private String incident;

    private Boolean databaseDown;

    /** Whether the request failed because the database could not be reached; the answer is then a 503. */
    public boolean isDatabaseDown() {
        if (databaseDown == null) {
            databaseDown = error() != null && Faults.databaseUnreachable(error());
            HttpServletResponse response = Faces.getResponse();
            if (databaseDown && !response.isCommitted()) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", ServiceGate.RETRY_AFTER_SECONDS);
            }
        }
        return databaseDown;
    }

    public String getIncident() {
        if (incident == null) {
            incident = UUID.randomUUID().toString().substring(0, 8);
            Throwable error = error();
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (isDatabaseDown()) {
                String line = "Incident " + incident + " at " + uri + ": database at " + NewsdeskDataSource.address()
                        + " not reachable (" + Faults.firstLine(error) + ")";
                ServiceGate.OUTAGE.log(LOG, line);
            } else {
                LOG.log(Level.SEVERE, "Incident " + incident + " at " + uri, error);
            }
        }
        return incident;
    }

    private Throwable error() {
        return (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    }
}
