package org.newsdesk.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.platform.Config;

/**
 * Staff accounts: signing in (with lock-out after repeated failures), and what administrators and
 * each member of staff may change. Every sign-in, lock and change is in the audit log.
 */
@Stateless
public class AccountService {

    /** Failed sign-ins in a row that lock an account ({@code NEWSDESK_LOGIN_MAX_FAILURES}). */
    static final int MAX_FAILURES = Config.integer("LOGIN_MAX_FAILURES", 5);
    /** How long a locked account stays locked ({@code NEWSDESK_LOGIN_LOCK_MINUTES}). */
    static final Duration LOCK_DURATION = Duration.ofMinutes(Config.integer("LOGIN_LOCK_MINUTES", 15));
    static final int MIN_PASSWORD_LENGTH = 10;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    /** The EJB view of the caller: the signed-in user, or the run-as identity of a calling bean. */
    @Resource
    private SessionContext context;

    /**
     * Checks a username and password. Runs in its own transaction so that a failure is counted, and a
     * lock recorded, whatever happens to the caller.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SignIn authenticate(String username, char[] password) {
        Instant now = Instant.now(Clock.systemUTC());
        Optional<User> found = find(username);
        if (found.isEmpty()) {
            // Spend the same time as a real check, so response times do not reveal which usernames exist.
            PasswordHash.matches(password, DUMMY_HASH);
            audit.recordAs(safe(username), "signin.failed", "user", null, "unknown username");
            return SignIn.refused(SignIn.Outcome.WRONG_CREDENTIALS, null);
        }
        User user = found.get();
        if (user.isLocked(now)) {
            audit.recordAs(user.getUsername(), "signin.refused", "user", user.getId(), "account locked");
            return SignIn.refused(SignIn.Outcome.LOCKED, user.getLockedUntil());
        }
        if (!user.passwordMatches(password)) {
            boolean locked = user.recordFailedSignIn(now, MAX_FAILURES, LOCK_DURATION);
            audit.recordAs(user.getUsername(), "signin.failed", "user", user.getId(), "wrong password");
            if (locked) {
                audit.recordAs("system", "user.locked", "user", user.getId(),
                        MAX_FAILURES + " failed sign-ins; locked until " + user.getLockedUntil());
                return SignIn.refused(SignIn.Outcome.LOCKED, user.getLockedUntil());
            }
            return SignIn.refused(SignIn.Outcome.WRONG_CREDENTIALS, null);
        }
        if (!user.isEnabled()) {
            audit.recordAs(user.getUsername(), "signin.refused", "user", user.getId(), "account disabled");
            return SignIn.refused(SignIn.Outcome.DISABLED, null);
        }
        user.recordSuccessfulSignIn();
        audit.recordAs(user.getUsername(), "signin", "user", user.getId(), null);
        return SignIn.accepted(user);
    }

    /** When the account is locked until, if it is locked now: for the sign-in page's message. */
    @PermitAll
    public Optional<Instant> lockedUntil(String username) {
        Instant now = Instant.now(Clock.systemUTC());
        return find(username).filter(u -> u.isLocked(now)).map(User::getLockedUntil);
    }

    /**
     * The credentials version of an enabled account, asked on every request of a signed-in session;
     * empty for a disabled or unknown account. One query on the username's unique index.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OptionalLong credentialsVersion(String username) {
        return em.createNamedQuery("User.credentialsVersion", Long.class)
                .setParameter("username", username)
                .getResultStream().mapToLong(Long::longValue).findFirst();
    }

    @PermitAll
    public Optional<User> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", username.strip().toLowerCase())
                .getResultStream().findFirst();
    }

    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public User currentUser() {
        return find(context.getCallerPrincipal().getName())
                .orElseThrow(() -> new IllegalStateException("Signed in as an unknown user"));
    }

    /**
     * Changes the caller's password, which ends their other sessions. Returns the account's new credentials
     * version, for the session that made the change to keep.
     */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public long changeOwnPassword(char[] current, char[] replacement) {
        User user = currentUser();
        if (!user.passwordMatches(current)) {
            throw new AccountException("currentPassword", "That is not your current password.");
        }
        checkStrength(replacement);
        user.changePassword(replacement);
        audit.record("user.password-changed", "user", user.getId(), "by the user");
        return user.getCredentialsVersion();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public List<User> allUsers() {
        return em.createQuery("select u from User u order by u.username", User.class).getResultList();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public User user(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new AccountException(null, "There is no such user.");
        }
        return user;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public User createUser(String username, String displayName, String email, Set<Role> roles, char[] password) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (find(name).isPresent()) {
            throw new AccountException("username", "That username is taken.");
        }
        if (!em.createQuery("select u from User u where lower(u.email) = lower(:email)", User.class)
                .setParameter("email", email == null ? "" : email.strip()).getResultList().isEmpty()) {
            throw new AccountException("email", "Another account has that email address.");
        }
        if (roles.isEmpty()) {
            throw new AccountException("roles", "Give the account at least one role.");
        }
        checkStrength(password);
        User user = new User(name, displayName == null ? "" : displayName.strip(), email == null ? "" : email.strip(),
                roles, Instant.now(Clock.systemUTC()));
        user.changePassword(password);
        em.persist(user);
        audit.record("user.created", "user", user.getId(), "roles " + roles);
        return user;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public void updateUser(long id, String displayName, String email, Set<Role> roles, boolean enabled) {
        User user = user(id);
        if (roles.isEmpty()) {
            throw new AccountException("roles", "Give the account at least one role.");
        }
        if (user.getUsername().equals(context.getCallerPrincipal().getName())
                && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new AccountException("roles", "You cannot disable yourself or take away your own ADMIN role.");
        }
        String change = "roles " + user.getRoles() + " -> " + roles + ", enabled " + user.isEnabled() + " -> " + enabled;
        user.setDisplayName(displayName.strip());
        user.setEmail(email.strip());
        user.setRoles(roles);
        user.setEnabled(enabled);
        audit.record("user.updated", "user", id, change);
    }

    /** Sets a new random password, unlocks the account and returns the password to hand to its owner. */
    @RolesAllowed(Role.ADMIN_NAME)
    public String resetPassword(long id) {
        User user = user(id);
        String password = PasswordHash.randomPassword();
        user.changePassword(password.toCharArray());
        user.unlock();
        audit.record("user.password-reset", "user", id, "by an administrator");
        return password;
    }

    private static void checkStrength(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new AccountException("newPassword", "Use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    private static String safe(String username) {
        String name = username == null ? "" : username.strip();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static final String DUMMY_HASH = PasswordHash.of("not-a-real-password".toCharArray());
}
