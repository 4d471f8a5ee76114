package org.newsdesk.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.newsdesk.account.LoginPage;
import org.newsdesk.account.SignInAttempt;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Serves {@code login.xhtml}: signs a member of staff in through Jakarta Security. */
@Named("login")
@RequestScoped
public class LoginBacking {

    @Inject
    private SecurityContext security;

    @Inject
    private SignInAttempt attempt;

    /** Both required by the page's fields, which say so in the desk's words. */
    private String username;

    private String password;

    /** The desk page the caller opened before signing in; checked before it is used, as it comes from the client. */
    private String continueTo;

    public void onload() throws IOException {
        if (security.getCallerPrincipal() != null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            Faces.redirect("admin/");
        }
    }

    public void submit() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (username == null || password == null) {
            // A form sent without its fields (no browser does): the fields' own checks never ran.
            Messages.addError(null, "login.bothRequired");
            return;
        }
        String name = username.strip().toLowerCase();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(name, new Password(password))));
        if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
            // A new session id once signed in, so a session id planted before sign-in is worthless.
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
        }
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                if (LoginPage.isDeskPath(continueTo)) {
                    // Not Faces.redirect: it would read the %-escapes of the query as format specifiers.
                    external.redirect(external.getRequestContextPath() + continueTo);
                } else {
                    Faces.redirect("admin/");
                }
            }
            default -> {
                // One message for an unknown name, a wrong password, a disabled or a locked account alike, so
                // the page tells no one which accounts exist; a wait depends on what was tried from this address and
                // for this name, never on whether such an account exists.
                String refused = attempt.wasThrottled() ? "login.throttled" : "login.noMatch";
                attempt.waitBeforeNext().ifPresentOrElse(
                        wait -> Messages.addError(null, refused + ".wait", org.newsdesk.account.SignIn.seconds(wait)),
                        () -> Messages.addError(null, "login.noMatch"));
                password = null;
                // The failed attempt leaves the security mechanism's state in the session: every desk page then
                // answered an empty 200 instead of sending the caller to sign in. Start the caller afresh.
                HttpSession session = ((HttpServletRequest) external.getRequest()).getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
    }



    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
