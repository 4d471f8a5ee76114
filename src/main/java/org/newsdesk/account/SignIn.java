package org.newsdesk.account;

import java.time.Duration;
import java.util.Set;

/**
 * The outcome of one sign-in attempt. An accepted one carries the account's credentials version, which
 * the session keeps to notice when the account changes under it; a throttled one says how long to wait.
 * A refusal says nothing more: the person signing in is not told whether the account exists, is disabled
 * or is locked.
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

    static SignIn refused() {
        return new SignIn(Outcome.REFUSED, null, Set.of(), 0, null);
    }

    static SignIn throttled(Duration retryAfter) {
        return new SignIn(Outcome.THROTTLED, null, Set.of(), 0, retryAfter);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
