package org.newsdesk.account;

import jakarta.enterprise.context.RequestScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of this request's sign-in, kept by the identity store for the sign-in page: Jakarta Security
 * only passes on whether it succeeded, and a throttled attempt is told how long to wait.
 */
@RequestScoped
public class SignInAttempt {

    private SignIn outcome;

    void record(SignIn outcome) {
        this.outcome = outcome;
    }

    /** How long to wait before the next attempt: what is left of the wait, or the wait this failure set. */
    public Optional<Duration> waitBeforeNext() {
        return outcome == null ? Optional.empty() : Optional.ofNullable(outcome.retryAfter());
    }

    /** This attempt came before its wait was over, so it was not even checked. */
    public boolean wasThrottled() {
        return outcome != null && outcome.outcome() == SignIn.Outcome.THROTTLED;
    }
}
