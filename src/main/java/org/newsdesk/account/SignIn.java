package org.newsdesk.account;

import java.time.Instant;
import java.util.Set;

/** The outcome of one sign-in attempt. */
public record SignIn(Outcome outcome, String username, Set<Role> roles, Instant lockedUntil) {

    public enum Outcome {
        ACCEPTED,
        WRONG_CREDENTIALS,
        LOCKED,
        DISABLED
    }

    static SignIn accepted(User user) {
        return new SignIn(Outcome.ACCEPTED, user.getUsername(), Set.copyOf(user.getRoles()), null);
    }

    static SignIn refused(Outcome outcome, Instant lockedUntil) {
        return new SignIn(outcome, null, Set.of(), lockedUntil);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
