package org.newsdesk.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Staff sign in on our own Faces page at {@code /login}; a request for an {@code /admin} page without
 * a signed-in caller is redirected there and continues where it was going after sign-in (see
 * {@link LoginPage}).
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "#{loginPage.url}", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Role.WRITER_NAME, Role.EDITOR_NAME, Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ApplicationScoped
public class NewsdeskAuthentication {
}
