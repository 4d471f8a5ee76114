package org.newsdesk.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Duration CEILING = Duration.ofMinutes(15);

    @Test
    void theFreeFailuresCostNothing() {
        for (int failures = 0; failures <= 5; failures++) {
            assertEquals(Duration.ZERO, SignInThrottle.delayAfter(failures, 5, CEILING));
        }
    }

    @Test
    void eachFailureBeyondDoublesTheWaitUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(2), SignInThrottle.delayAfter(6, 5, CEILING));
        assertEquals(Duration.ofSeconds(4), SignInThrottle.delayAfter(7, 5, CEILING));
        assertEquals(Duration.ofSeconds(512), SignInThrottle.delayAfter(14, 5, CEILING));
        assertEquals(CEILING, SignInThrottle.delayAfter(15, 5, CEILING));
        assertEquals(CEILING, SignInThrottle.delayAfter(5000, 5, CEILING));
    }
}
