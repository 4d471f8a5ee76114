package org.newsdesk.comment.rules;

/** The newsroom's emergency brake: while it is on, nothing appears without a moderator. */
public final class HoldEverythingRule implements ModerationRule {

    @Override
    public String name() {
        return "hold-everything";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        return settings.holdEverything()
                ? Verdict.hold(name(), "Every comment is held while the hold-everything switch is on.")
                : Verdict.approve();
    }
}
