package org.newsdesk.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins from one client address, or for one username, and how long the next attempt must wait:
 * past a number of free failures, each further failure doubles the wait, up to a ceiling. Failures older
 * than a while are forgotten. Kept in the database so every instance throttles alike.
 */
@Entity
@Table(name = "signin_throttle")
public class SignInThrottle {

    @Id
    private String subject;

    private int failures;

    @Column(name = "last_failure")
    private Instant lastFailure;

    @Column(name = "not_before")
    private Instant notBefore;

    protected SignInThrottle() {
    }

    SignInThrottle(String subject) {
        this.subject = subject;
    }

    /** How long an attempt made now must still wait, if at all. */
    public Optional<Duration> waitAt(Instant now) {
        return notBefore != null && notBefore.isAfter(now) ? Optional.of(Duration.between(now, notBefore)) : Optional.empty();
    }

    /**
     * Sets the wait after the failure just counted (the count itself is raised in the database, see
     * {@code AccountService}, so that concurrent failures are all counted).
     */
    void delayNext(Instant now, int freeFailures, Duration ceiling) {
        Duration delay = delayAfter(failures, freeFailures, ceiling);
        notBefore = delay.isZero() ? null : now.plus(delay);
    }

    /** 2, 4, 8 ... seconds for the first, second, third ... failure past the free ones, at most {@code ceiling}. */
    static Duration delayAfter(int failures, int freeFailures, Duration ceiling) {
        int excess = failures - freeFailures;
        if (excess <= 0) {
            return Duration.ZERO;
        }
        return excess >= 30 ? ceiling : Duration.ofSeconds(Math.min(1L << excess, ceiling.toSeconds()));
    }

    public int getFailures() {
        return failures;
    }
}
