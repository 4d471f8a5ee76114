package org.newsdesk;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import org.newsdesk.account.LegacyPasswordHash;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;

/** Creates the staff accounts that the run-as test beans act for (test-writer, test-editor, test-moderator). */
@Stateless
@PermitAll
public class StaffForTests {

    @PersistenceContext
    private EntityManager em;

    public void ensure() {
        create("test-writer", "Wendy Writer", Role.WRITER);
        create("test-editor", "Eddie Editor", Role.EDITOR);
        create("test-moderator", "Mo Moderator", Role.MODERATOR);
    }

    private void create(String username, String name, Role role) {
        if (!em.createNamedQuery("User.findByUsername", User.class).setParameter("username", username).getResultList().isEmpty()) {
            return;
        }
        User user = new User(username, name, username + "@newsdesk.invalid", EnumSet.of(role), Instant.now());
        // Hashed by the code that came before Jakarta Security's: signing in proves stored hashes still work.
        user.changePassword(LegacyPasswordHash.of((username + "-password").toCharArray()));
        em.persist(user);
    }
}
