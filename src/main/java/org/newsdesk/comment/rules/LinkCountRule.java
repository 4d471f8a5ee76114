package org.newsdesk.comment.rules;

import org.newsdesk.platform.Phrase;

/** Many links in one comment is the mark of link spam; a moderator decides (WordPress holds above 2). */
public final class LinkCountRule implements ModerationRule {

    @Override
    public String name() {
        return "links";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        int links = Links.count(submission.body());
        if (settings.maxLinks() < 0 || links <= settings.maxLinks()) {
            return Verdict.approve();
        }
        return Verdict.hold(name(), Phrase.of("rule.reason.links", links, settings.maxLinks()));
    }
}
