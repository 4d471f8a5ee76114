package org.newsdesk.comment.rules;

import org.newsdesk.platform.Phrase;

/** The newsroom's emergency brake: while it is on, nothing appears without a moderator. */
public final class HoldEverythingRule implements ModerationRule {

    @Override
    public String name() {
        return "hold-everything";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        return settings.holdEverything()
                ? Verdict.hold(name(), Phrase.of("rule.reason.holdEverything"))
                : Verdict.approve();
    }
}
