package org.newsdesk.comment.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * A comment as the rules see it: what the reader typed (already normalised), the hidden honeypot field,
 * when the form was shown and sent, and what is known about its author.
 */
public record Submission(String name, String email, String website, String body, String honeypot,
                         Instant formShownAt, Instant sentAt, ReaderHistory history) {

    /** How long the reader had the form before sending it. */
    public Duration timeOnForm() {
        return formShownAt == null ? Duration.ofDays(1) : Duration.between(formShownAt, sentAt);
    }

    /** Every text a word list is checked against, with the name moderators know it by. */
    String[][] texts() {
        return new String[][] {
                {"name", name}, {"email", email}, {"website", website}, {"comment", body}};
    }
}
