package org.newsdesk.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Answers a form larger than the server reads with the 413 page instead of a 500. The container reads
 * a form when the first parameter is asked for, and past its limit (Grizzly's {@code max-post-size},
 * 2 MB by default) throws {@link IllegalStateException} at whoever asked: deep inside Faces, which
 * ends in the 500 page. Asked here first, the same limit gives a clear answer; a form within it is read
 * exactly as it would have been (as UTF-8, see {@code web.xml}), and the container keeps what it read.
 * Registered in {@code web.xml} ahead of every other filter but {@link UploadCleanupFilter}.
 */
public class FormSizeFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(FormSizeFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException tooLarge) {
                LOG.fine(() -> "Form of " + request.getContentLengthLong() + " bytes to " + request.getRequestURI()
                        + " refused: " + tooLarge.getMessage());
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
