package org.newsdesk.comment.rules;

import org.newsdesk.platform.Phrase;

/**
 * A newcomer's comment waits until a moderator has approved one comment from their email address;
 * after that their comments appear at once (WordPress's "comment author must have a previously approved
 * comment").
 */
public final class FirstCommentRule implements ModerationRule {

    @Override
    public String name() {
        return "first-comment";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        if (!settings.holdFirstComment() || submission.history().approvedBefore() > 0) {
            return Verdict.approve();
        }
        return Verdict.hold(name(), Phrase.of("rule.reason.first"));
    }
}
