package org.newsdesk.comment.rules;

import org.newsdesk.platform.Phrase;

/**
 * People take a while to read and write; programs post the moment they have the form. A comment sent
 * sooner than the minimum after the form was shown is held (not refused: a quick human loses nothing).
 */
public final class MinimumTimeRule implements ModerationRule {

    @Override
    public String name() {
        return "too-fast";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        long seconds = submission.timeOnForm().toSeconds();
        if (settings.minimumSeconds() <= 0 || seconds >= settings.minimumSeconds()) {
            return Verdict.approve();
        }
        return Verdict.hold(name(), Phrase.of("rule.reason.minimum", Math.max(0, seconds), settings.minimumSeconds()));
    }
}
