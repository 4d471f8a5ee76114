package org.newsdesk.comment.rules;

import org.newsdesk.platform.Phrase;

/**
 * What one rule, or the whole chain, decides about a comment, and why. {@code rule} and {@code reason}
 * are for moderators (stored with a held comment, audited with a refusal); {@code readerMessage} is
 * what a reader is told when the comment is refused, and {@code field} where that message goes.
 */
public record Verdict(Outcome outcome, String rule, Phrase reason, Phrase readerMessage, String field) {

    /** In rising order of severity: the most severe verdict in the chain wins. */
    public enum Outcome {
        /** Nothing against it: shown at once. */
        APPROVE,
        /** Stored, waits for a moderator. */
        HOLD,
        /** Stored in the spam queue; its author sees it "awaiting moderation" like any held comment. */
        SPAM,
        /** Not stored: the reader is told why and keeps what they typed. */
        REJECT
    }

    private static final Verdict APPROVE = new Verdict(Outcome.APPROVE, null, null, null, null);

    public static Verdict approve() {
        return APPROVE;
    }

    public static Verdict hold(String rule, Phrase reason) {
        return new Verdict(Outcome.HOLD, rule, reason, null, null);
    }

    public static Verdict spam(String rule, Phrase reason) {
        return new Verdict(Outcome.SPAM, rule, reason, null, null);
    }

    public static Verdict reject(String rule, Phrase reason, String field, Phrase readerMessage) {
        return new Verdict(Outcome.REJECT, rule, reason, readerMessage, field);
    }

    public boolean is(Outcome other) {
        return outcome == other;
    }
}
