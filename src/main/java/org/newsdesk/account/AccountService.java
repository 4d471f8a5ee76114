package org.newsdesk.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
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
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.Texts;

/**
 * Staff accounts: signing in (slowed down after repeated failures), and what administrators and
 * each member of staff may change. Every sign-in, lock and change is in the audit log.
 */
@Stateless
public class AccountService {

    /** An address that keeps failing waits up to this long between attempts. */
    static final Duration ADDRESS_MAX_WAIT = Duration.ofMinutes(15);
    /** Gentler: the account's owner may be trying from somewhere new while someone else guesses. */
    static final Duration ACCOUNT_MAX_WAIT = Duration.ofMinutes(1);
    /** Failures older than this are forgotten. */
    static final Duration THROTTLE_MEMORY = Duration.ofHours(24);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private Passwords passwords;

    /** How sign-ins are throttled and accounts locked ({@code NEWSDESK_LOGIN_*}). */
    @Inject
    private AccountConfig config;

    /** Mail to the owner of an account that has just been locked, sent once the lock is committed. */
    @Inject
    private Event<Notice> lockNotice;

    /** The EJB view of the caller: the signed-in user, or the run-as identity of a calling bean. */
    @jakarta.inject.Inject
    private RefusedSignIns refusedSignIns;

    @Resource
    private SessionContext context;

    /**
     * Checks a username and password from a client address. Runs in its own transaction so that a failure
     * is counted, and a lock recorded, whatever happens to the caller.
     * <p>
     * Failures are slowed down rather than locked out: an address or a username that keeps failing waits
     * longer and longer before its next attempt is even checked. The username's wait does not apply at the
     * address the account last signed in from, so someone guessing elsewhere does not keep its owner out.
     * Only {@code NEWSDESK_LOGIN_MAX_FAILURES} failures in a row lock the account, and its owner is told by mail.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SignIn authenticate(String username, char[] password, String address) {
        Instant now = Instant.now(Clock.systemUTC());
        String name = safe(username).toLowerCase();
        String addressKey = "address:" + address;
        String accountKey = "account:" + name;
        Optional<User> found = find(name);
        boolean usualAddress = found.map(u -> address.equals(u.getLastSignInAddress())).orElse(false);
        Optional<Duration> wait = longest(throttle(addressKey).flatMap(t -> t.waitAt(now)),
                usualAddress ? Optional.empty() : throttle(accountKey).flatMap(t -> t.waitAt(now)));
        if (wait.isPresent()) {
            refusedSignIns.refused(name, found.map(User::getId).orElse(null), address, SignIn.seconds(wait.get()), now);
            return SignIn.throttled(wait.get());
        }
        String refusal = refusal(found, password, now);
        if (refusal == null) {
            User user = found.get();
            // One statement, not a change to the entity: the entity is versioned, and two sign-ins to one
            // account at the same moment (two browsers, two tabs) made the second a 500 (optimistic lock).
            em.createNativeQuery("update users set failed_logins = 0, locked_until = null, last_signin_address = ?1"
                    + " where id = ?2").setParameter(1, address).setParameter(2, user.getId()).executeUpdate();
            audit.recordAs(user.getUsername(), "signin", "user", user.getId(), "from " + address);
            return SignIn.accepted(user);
        }
        Optional<Duration> addressWait = countFailure(addressKey, now, config.addressFreeFailures(), ADDRESS_MAX_WAIT);
        Optional<Duration> accountWait = countFailure(accountKey, now, config.accountFreeFailures(), ACCOUNT_MAX_WAIT);
        // The wait this failure sets, which the next attempt from here meets (2, 4, 8 ... s).
        Optional<Duration> next = longest(addressWait, usualAddress ? Optional.empty() : accountWait);
        audit.recordAs(name, "signin.failed", "user", found.map(User::getId).orElse(null), refusal + ", from " + address
                + next.map(d -> "; the next attempt waits " + SignIn.seconds(d) + " s").orElse(""));
        return SignIn.refused(next.orElse(null));
    }

    /** Why a sign-in is refused, for the audit log only: the person signing in is told the same in every case. */
    private String refusal(Optional<User> found, char[] password, Instant now) {
        if (found.isEmpty()) {
            // Spend the same time as a real check, so response times do not reveal which usernames exist.
            passwords.matches(password, DUMMY_HASH);
            return "unknown username";
        }
        User user = found.get();
        if (user.isLocked(now)) {
            return "account locked";
        }
        if (!passwords.matches(password, user.getPasswordHash())) {
            if (countFailedSignIn(user, now)) {
                Instant lockedUntil = now.plus(config.lockDuration());
                audit.recordAs("system", "user.locked", "user", user.getId(),
                        config.maxFailures() + " failed sign-ins in a row; locked until " + lockedUntil);
                lockNotice.fire(Notice.toStaff(List.of(user.getEmail()), false, Phrase.of("mail.locked.subject"),
                        Phrase.of("mail.locked.text", user.getUsername(), config.maxFailures(), lockedUntil.toString())));
            }
            return "wrong password";
        }
        if (!user.isEnabled()) {
            return "account disabled";
        }
        return null;
    }

    /**
     * Counts a failed sign-in in the database itself, so that failures at the same moment are all counted
     * and none fails on the entity's version; the {@code NEWSDESK_LOGIN_MAX_FAILURES}-th in a row locks the account, and
     * exactly one of the attempts that reach it does. Returns true for that one.
     */
    private boolean countFailedSignIn(User user, Instant now) {
        em.createNativeQuery("update users set failed_logins = failed_logins + 1 where id = ?1")
                .setParameter(1, user.getId()).executeUpdate();
        return em.createNativeQuery("update users set failed_logins = 0, locked_until = ?1 where id = ?2 and failed_logins >= ?3")
                .setParameter(1, now.plus(config.lockDuration())).setParameter(2, user.getId()).setParameter(3, config.maxFailures())
                .executeUpdate() == 1;
    }

    private Optional<SignInThrottle> throttle(String subject) {
        return Optional.ofNullable(em.find(SignInThrottle.class, subject));
    }

    /**
     * Counts a failure in the database itself, so that failures arriving at once on any instance are all
     * counted, and a count older than {@link #THROTTLE_MEMORY} starts again; then sets the next wait.
     */
    private Optional<Duration> countFailure(String subject, Instant now, int freeFailures, Duration ceiling) {
        em.createNativeQuery("INSERT INTO signin_throttle (subject, failures, last_failure) VALUES (?1, 1, ?2)"
                        + " ON DUPLICATE KEY UPDATE failures = IF(last_failure IS NULL OR last_failure < ?3, 1, failures + 1),"
                        + " last_failure = ?2")
                .setParameter(1, subject).setParameter(2, now).setParameter(3, now.minus(THROTTLE_MEMORY))
                .executeUpdate();
        SignInThrottle throttle = em.find(SignInThrottle.class, subject);
        em.refresh(throttle);
        throttle.delayNext(now, freeFailures, ceiling);
        return throttle.waitAt(now);
    }

    private static Optional<Duration> longest(Optional<Duration> one, Optional<Duration> other) {
        return one.isEmpty() ? other : other.isEmpty() ? one : Optional.of(one.get().compareTo(other.get()) >= 0 ? one.get() : other.get());
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
        if (!passwords.matches(current, user.getPasswordHash())) {
            throw new AccountException("currentPassword", Phrase.of("account.password.wrong"));
        }
        checkStrength(replacement, user.getUsername(), user.getDisplayName(), user.getEmail());
        user.changePassword(passwords.hash(replacement));
        audit.record("user.password-changed", "user", user.getId(), "by the user");
        return user.getCredentialsVersion();
    }

    /** Sets the caller's desk language: one the desk speaks ({@link Texts.Family#DESK}), or null to follow the site. */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public void chooseDeskLanguage(String language) {
        if (language != null && !Texts.Family.DESK.languages().contains(language)) {
            throw new AccountException("language", Phrase.of("account.language.unknown"));
        }
        User user = currentUser();
        user.setDeskLanguage(language);
        audit.record("user.desk-language", "user", user.getId(), language == null ? "the site's" : language);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public List<User> allUsers() {
        return em.createQuery("select u from User u order by u.username", User.class).getResultList();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public User user(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new AccountException(null, Phrase.of("users.none"));
        }
        return user;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public User createUser(String username, String displayName, String email, Set<Role> roles, char[] password) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (find(name).isPresent()) {
            throw new AccountException("username", Phrase.of("users.username.taken"));
        }
        if (!em.createQuery("select u from User u where lower(u.email) = lower(:email)", User.class)
                .setParameter("email", email == null ? "" : email.strip()).getResultList().isEmpty()) {
            throw new AccountException("email", Phrase.of("users.email.taken"));
        }
        if (roles.isEmpty()) {
            throw new AccountException("roles", Phrase.of("users.roles.required"));
        }
        checkStrength(password, name, displayName, email);
        User user = new User(name, displayName == null ? "" : displayName.strip(), email == null ? "" : email.strip(),
                roles, Instant.now(Clock.systemUTC()));
        user.changePassword(passwords.hash(password));
        em.persist(user);
        audit.record("user.created", "user", user.getId(), "roles " + roles);
        return user;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public void updateUser(long id, String displayName, String email, Set<Role> roles, boolean enabled) {
        User user = user(id);
        if (roles.isEmpty()) {
            throw new AccountException("roles", Phrase.of("users.roles.required"));
        }
        if (user.getUsername().equals(context.getCallerPrincipal().getName())
                && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new AccountException("roles", Phrase.of("users.roles.self"));
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
        String password = Passwords.randomPassword();
        user.changePassword(passwords.hash(password.toCharArray()));
        user.unlock();
        audit.record("user.password-reset", "user", id, "by an administrator");
        return password;
    }

    private static void checkStrength(char[] password, String... personalWords) {
        PasswordPolicy.problem(password, personalWords).ifPresent(problem -> {
            throw new AccountException("newPassword", problem);
        });
    }

    private static String safe(String username) {
        String name = username == null ? "" : username.strip();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** A hash in the stored form, checked (and its answer ignored) when the username is unknown. */
    private static final String DUMMY_HASH = "PBKDF2WithHmacSHA256:210000:YE9q5/0xkS6G/bitcmtc1w==:T2M5GUY4UKJKUSmOcQzxXf9zUZaUUALUKbrxztPwT+Q=";
}
