package org.newsdesk.comment.rules;

import org.newsdesk.platform.Phrase;

/**
 * The form has a field people never see (hidden by the style sheet, skipped by keyboard and screen
 * readers); programs that fill in every field fill it in too.
 */
public final class HoneypotRule implements ModerationRule {

    /** The hidden field's request parameter: named to look like something a form-filling program wants. */
    public static final String FIELD = "homepage";

    @Override
    public String name() {
        return "honeypot";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        String value = submission.honeypot();
        if (!settings.honeypot() || value == null || value.isBlank()) {
            return Verdict.approve();
        }
        String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return Verdict.spam(name(), Phrase.of("rule.reason.honeypot", shown));
    }
}
