package org.newsdesk.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.newsdesk.account.AccountException;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.StaleSessionFilter;
import org.newsdesk.platform.Notices;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Serves {@code admin/account/password.xhtml}: a member of staff changes their own password. */
@Named("passwordChange")
@RequestScoped
public class PasswordBacking {

    @Inject
    private AccountService accounts;

    private String currentPassword;
    private String newPassword;
    private String repeatPassword;

    public void submit() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            Messages.addError("password:repeatPassword", "account.password.differ");
            return;
        }
        try {
            long version = accounts.changeOwnPassword(currentPassword.toCharArray(), newPassword.toCharArray());
            // The change ends every other session of this account; this one goes on.
            StaleSessionFilter.remember((HttpServletRequest) faces.getExternalContext().getRequest(), version);
            Notices.info("account.password.changed");
            Faces.redirect("admin/");
        } catch (AccountException e) {
            Messages.addError("password:" + e.field(), e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
