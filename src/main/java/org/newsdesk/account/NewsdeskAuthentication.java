package org.newsdesk.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;
import org.newsdesk.platform.SecurityHeadersFilter;

/**
 * Staff sign in on our own Faces page at {@code /login} ({@code LoginBacking} hands the credential to
 * {@code SecurityContext.authenticate}); a request for an {@code /admin} page without a signed-in caller
 * is redirected there and continues where it was going after sign-in (see {@link LoginPage}).
 *
 * <p>Written out instead of {@code @CustomFormAuthenticationMechanismDefinition}, whose session handling
 * ({@code @AutoApplySession}) gives the container only the caller's name on later requests and leaves the
 * groups to Payara, which loses them under concurrent requests (Payara issue 6145): three editors working at
 * once got "Not for your role" on about 3% of their pages. Here the caller's name and groups, as the identity
 * store gave them at sign-in, are kept in the session and handed to the container with every request.
 * The session never outlives the account's rights: {@link StaleSessionFilter} ends it when they change.
 */
@DeclareRoles({Role.WRITER_NAME, Role.EDITOR_NAME, Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ApplicationScoped
public class NewsdeskAuthentication implements HttpAuthenticationMechanism {

    private static final String SIGNED_IN = "newsdesk.signedIn";

    /** Who signed in to this session, with the groups they were given. */
    private record SignedIn(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private LoginPage loginPage;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                request.getSession().setAttribute(SIGNED_IN,
                        new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            }
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        Object signedIn = session == null ? null : session.getAttribute(SIGNED_IN);
        if (signedIn instanceof SignedIn caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            // This runs before any filter: the redirect gets the site's security headers here.
            SecurityHeadersFilter.apply(response);
            return context.redirect(request.getContextPath() + loginPage.getUrl());
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.removeAttribute(SIGNED_IN);
            } catch (IllegalStateException alreadyEnded) {
                // The session is gone, and what it held with it.
            }
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
