package org.newsdesk.account;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.ServiceGate;
import org.omnifaces.util.Servlets;

/**
 * Ends a signed-in session as soon as its account is disabled, its roles change or its password does,
 * on whichever instance the session's next request arrives: the session keeps the account's credentials
 * version from sign-in, and each request compares it with the database's.
 * <p>
 * The roles a session carries were fixed at sign-in, and the pages and EJBs trust them; so the check runs
 * here, before the request reaches Faces or any EJB, and a stale session is signed out rather than
 * corrected. Mapped in {@code web.xml}, right after the form size filter.
 * <pre>
 * StaleSessionFilter.remember(request, signIn.credentialsVersion()); // at sign-in
 * </pre>
 */
public class StaleSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StaleSessionFilter.class.getName());
    private static final String SIGNED_IN_VERSION = "newsdesk.credentialsVersion";

    /** Where a stale session is sent; the sign-in page explains why. */
    public static final String SIGNED_OUT_PAGE = "login?ended=account-changed";

    @Inject
    private AccountService accounts;

    /** Keeps the credentials version the session's caller signed in with (or has just set themselves). */
    public static void remember(HttpServletRequest request, long credentialsVersion) {
        request.getSession().setAttribute(SIGNED_IN_VERSION, credentialsVersion);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        // Stylesheets and scripts are public and the same for everyone: no query for them. Photos are not
        // skipped, as a signed-in session sees the library's unpublished ones.
        if (caller != null && !ServiceGate.isFacesResource(request) && !current(request, caller.getName())) {
            LOG.info(() -> "Signed out " + caller.getName() + ": the account changed since this session signed in");
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalidated) {
                    // logout() may have ended it already; either way it is gone.
                }
            }
            // A Faces ajax request needs its redirect as a partial response, or the page would not move.
            Servlets.facesRedirect(request, response, SIGNED_OUT_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean current(HttpServletRequest request, String username) {
        HttpSession session = request.getSession(false);
        Object signedInWith = session == null ? null : session.getAttribute(SIGNED_IN_VERSION);
        OptionalLong now;
        try {
            now = accounts.credentialsVersion(username);
        } catch (RuntimeException e) {
            if (!Faults.databaseUnreachable(e)) {
                throw e;
            }
            // With the database gone the request can read or change nothing, whoever sends it; letting it on
            // lets a writer's save fail on the compose page, which keeps what they typed, instead of here.
            return true;
        }
        return signedInWith instanceof Long version && now.isPresent() && now.getAsLong() == version;
    }
}
