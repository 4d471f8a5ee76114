package org.newsdesk.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that make every response harder to abuse: a content security policy that allows only our
 * own scripts and styles, no framing, no MIME sniffing, and no full URLs leaked to other sites.
 */
// On error dispatches too: an error a filter ahead of this one answers (FormSizeFilter's 413) gets the headers.
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    /**
     * Scripts from this site only, and the one inline script there is: the compose page's import map, allowed
     * by its hash (it cannot be a file: browsers read import maps only inline).
     */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self' " + RichTextModules.IMPORT_MAP_HASH + "; object-src 'none'; frame-ancestors 'none'; form-action 'self';"
            + " base-uri 'self'";

    /** Nothing Newsdesk does needs the browser's camera, microphone, location or payment features. */
    private static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /** {@code NEWSDESK_HSTS=true} once the site is served over HTTPS only: browsers then refuse plain HTTP for a year. */
    private static final boolean HSTS = PlatformConfig.HSTS.value();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response);
        chain.doFilter(request, response);
    }

    /**
     * Puts the headers on a response; for code that resets a response after this filter ran (OmniFaces'
     * FileServlet does, before it answers with a file).
     */
    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        if (HSTS) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
