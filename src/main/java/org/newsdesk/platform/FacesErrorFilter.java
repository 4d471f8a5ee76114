package org.newsdesk.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.omnifaces.filter.FacesExceptionFilter;

/**
 * OmniFaces' {@link FacesExceptionFilter} (error pages that match the real cause: an EJB refusal is a 403),
 * made safe for a {@link ServletException} without a cause, which Faces throws for some broken requests
 * (a form field of a file input sent without a multipart body): OmniFaces 4.6 unwrapped its null cause
 * and failed with a NullPointerException, hiding what happened behind a 500. Such an exception now keeps
 * its message as its cause.
 */
public class FacesErrorFilter extends FacesExceptionFilter {

    @Override
    public void doFilter(HttpServletRequest request, HttpServletResponse response, HttpSession session, FilterChain chain)
            throws ServletException, IOException {
        super.doFilter(request, response, session, (req, res) -> {
            try {
                chain.doFilter(req, res);
            } catch (ServletException e) {
                if (e.getCause() != null) {
                    throw e;
                }
                throw new ServletException(e.getMessage(), new IllegalStateException(e.getMessage()));
            }
        });
    }
}
