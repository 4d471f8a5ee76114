package org.newsdesk.account;

import java.time.Instant;
import java.util.Set;

/**
 * The outcome of one sign-in attempt; an accepted one carries the account's credentials version, which
 * the session keeps to notice when the account changes under it.
 */
public record SignIn(Outcome outcome, String username, Set<Role> roles, long credentialsVersion, Instant lockedUntil) {

    public enum Outcome {
        ACCEPTED,
        WRONG_CREDENTIALS,
        LOCKED,
        DISABLED
    }

    static SignIn accepted(User user) {
        return new SignIn(Outcome.ACCEPTED, user.getUsername(), Set.copyOf(user.getRoles()), user.getCredentialsVersion(), null);
    }

    static SignIn refused(Outcome outcome, Instant lockedUntil) {
        return new SignIn(outcome, null, Set.of(), 0, lockedUntil);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
