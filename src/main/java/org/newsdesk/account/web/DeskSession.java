package org.newsdesk.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.User;
import org.newsdesk.platform.Faults;
import org.omnifaces.util.Faces;

/** Who is signed in, for the desk's layout, and signing out. */
@Named("desk")
@RequestScoped
public class DeskSession {

    @Inject
    private SecurityContext security;

    @Inject
    private AccountService accounts;

    private User user;

    private boolean databaseDown;

    private List<DeskArea> areas;

    /** The signed-in member of staff; null when signed out, or while the database cannot be reached. */
    public User getUser() {
        if (user == null && !databaseDown && security.getCallerPrincipal() != null) {
            try {
                user = accounts.currentUser();
            } catch (RuntimeException e) {
                if (!Faults.databaseUnreachable(e)) {
                    throw e;
                }
                // A page that failed to save for want of the database still shows what was typed.
                databaseDown = true;
            }
        }
        return user;
    }

    /** The desk areas this member of staff may reach, in menu order ({@link DeskArea}). */
    public List<DeskArea> getAreas() {
        if (areas == null) {
            areas = Arrays.stream(DeskArea.values())
                    .filter(area -> area.getRoles().stream().anyMatch(role -> security.isCallerInRole(role.name())))
                    .toList();
        }
        return areas;
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        Faces.redirect("login?signedout=true");
    }
}
