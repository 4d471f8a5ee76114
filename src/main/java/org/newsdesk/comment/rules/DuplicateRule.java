package org.newsdesk.comment.rules;

import org.newsdesk.platform.Phrase;

/** The same text from the same author under the same post: usually a double click or a bot's retry. */
public final class DuplicateRule implements ModerationRule {

    @Override
    public String name() {
        return "duplicate";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        if (!settings.refuseDuplicates() || !submission.history().alreadySaid()) {
            return Verdict.approve();
        }
        return Verdict.reject(name(), Phrase.of("rule.reason.duplicate"), "body",
                Phrase.of("comment.refused.duplicate"));
    }
}
