package org.newsdesk.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.User;

/** Serves {@code admin/users/index.xhtml}: every staff account, for administrators. */
@Named("users")
@RequestScoped
public class UsersBacking {

    @Inject
    private AccountService accounts;

    private List<User> all;

    public List<User> getAll() {
        if (all == null) {
            all = accounts.allUsers();
        }
        return all;
    }

    /** The account's roles in the desk's order (the role's keys: ADMIN, EDITOR ...), to be worded by the page. */
    public List<String> rolesOf(User user) {
        return user.getRoles().stream().sorted().map(Enum::name).toList();
    }
}
