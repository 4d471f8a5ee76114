package org.newsdesk.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the 500 error page. Logs the failure once, under a short incident reference that the page
 * shows, so a reader's report leads to the right log line, while no stack trace reaches the reader.
 */
@Named("errorPage")
@RequestScoped
public class ErrorPageBacking {

    private static final Logger LOG = Logger.getLogger(ErrorPageBacking.class.getName());

    @Inject
    private HttpServletRequest request;

    private String incident;

    public String getIncident() {
        if (incident == null) {
            incident = UUID.randomUUID().toString().substring(0, 8);
            Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            LOG.log(Level.SEVERE, "Incident " + incident + " at " + uri, error);
        }
        return incident;
    }
}
