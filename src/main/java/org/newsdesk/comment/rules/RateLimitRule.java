package org.newsdesk.comment.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.newsdesk.platform.Phrase;

/**
 * At most so many comments from one network address in a window of time. The reader is told how long
 * to wait, and keeps what they typed.
 */
public final class RateLimitRule implements ModerationRule {

    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        if (settings.rateLimitCount() <= 0) {
            return Verdict.approve();
        }
        Duration window = Duration.ofSeconds(settings.rateLimitSeconds());
        List<Instant> recent = submission.history().commentsFromAddressSince(submission.sentAt().minus(window));
        if (recent.size() < settings.rateLimitCount()) {
            return Verdict.approve();
        }
        // The oldest comment that still counts must leave the window before another one fits.
        Instant frees = recent.get(recent.size() - settings.rateLimitCount()).plus(window);
        long wait = Math.max(1, Duration.between(submission.sentAt(), frees).toSeconds() + 1);
        return Verdict.reject(name(),
                Phrase.of("rule.reason.rate", recent.size(), settings.rateLimitSeconds(), settings.rateLimitCount()),
                null, Phrase.of("comment.refused.tooQuick", wait));
    }
}
