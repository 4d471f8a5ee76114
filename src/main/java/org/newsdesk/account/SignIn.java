package org.newsdesk.account;

import java.time.Duration;
import java.util.Set;

/**
 * The outcome of one sign-in attempt. An accepted one carries the account's credentials version, which
 * the session keeps to notice when the account changes under it; a throttled one says how long to wait, and a
 * refused one the wait it set for the next attempt, if any (which depends on what was tried from the address and
 * for the name, never on the account). A refusal says nothing more: the person signing in is not told whether the
 * account exists, is disabled or is locked.
 */
public record SignIn(Outcome outcome, String username, Set<Role> roles, long credentialsVersion, Duration retryAfter) {

    public enum Outcome {
        ACCEPTED,
        REFUSED,
        THROTTLED
    }

    static SignIn accepted(User user) {
        return new SignIn(Outcome.ACCEPTED, user.getUsername(), Set.copyOf(user.getRoles()), user.getCredentialsVersion(), null);
    }

    /** Refused; {@code waitBeforeNext} is the wait this failure set for the next attempt, or null for none. */
    static SignIn refused(Duration waitBeforeNext) {
        return new SignIn(Outcome.REFUSED, null, Set.of(), 0, waitBeforeNext);
    }

    static SignIn throttled(Duration retryAfter) {
        return new SignIn(Outcome.THROTTLED, null, Set.of(), 0, retryAfter);
    }

    /** A wait in whole seconds, rounded up, as the page and the audit log say it: never "0 s" for a wait. */
    public static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
