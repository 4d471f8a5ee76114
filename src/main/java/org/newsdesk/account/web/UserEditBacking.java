package org.newsdesk.account.web;

import jakarta.faces.context.FacesContext;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsdesk.account.AccountException;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import org.newsdesk.platform.Notices;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Serves {@code admin/users/edit.xhtml}: an administrator creates or changes a staff account. */
@Named("userEdit")
@ViewScoped
public class UserEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Inject
    @Param(name = "id")
    private ParamValue<Long> idParameter;

    private Long id;
    @Size(max = 64, message = "Keep the username under 64 characters.")
    private String username;
    @Size(max = 120, message = "Keep the display name under 120 characters.")
    private String displayName;
    @Size(max = 254, message = "An email address has at most 254 characters.")
    private String email;
    private List<String> roles = new ArrayList<>();
    private boolean enabled = true;
    private String password;
    private boolean locked;

    public void onload() throws IOException {
        if (id != null || idParameter.getSubmittedValue() == null) {
            return;
        }
        User user;
        try {
            user = idParameter.getValue() == null ? null : accounts.user(idParameter.getValue());
        } catch (AccountException noSuchUser) {
            user = null;
        }
        if (user == null) {
            Faces.responseSendError(404, "No such user");
            return;
        }
        id = user.getId();
        username = user.getUsername();
        displayName = user.getDisplayName();
        email = user.getEmail();
        roles = user.getRoles().stream().map(Role::name).sorted().collect(Collectors.toCollection(ArrayList::new));
        enabled = user.isEnabled();
        locked = user.getLockedUntil() != null && user.isLocked(java.time.Instant.now());
    }

    public void save() throws IOException {
        try {
            Set<Role> chosen = roles.isEmpty() ? EnumSet.noneOf(Role.class)
                    : roles.stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            if (id == null) {
                accounts.createUser(username, displayName, email, chosen, password == null ? null : password.toCharArray());
                Notices.info("users.created", username);
            } else {
                accounts.updateUser(id, displayName, email, chosen, enabled);
                Notices.info("users.saved", username);
            }
            redirectToList();
        } catch (AccountException e) {
            Messages.addError(e.field() == null ? null : "user:" + e.field(), e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    public void resetPassword() throws IOException {
        String fresh = accounts.resetPassword(id);
        Notices.warn("users.passwordReset", username, fresh);
        redirectToList();
    }

    private void redirectToList() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Faces.redirect("admin/users/");
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isLocked() {
        return locked;
    }
}
