package org.newsdesk.comment.rules;

import org.newsdesk.platform.Phrase;

/**
 * Authors a moderator banned, by email address or network address. Their comments are kept, in the spam
 * queue, and they see them "awaiting moderation" like anyone else's: telling them only invites a new
 * address.
 */
public final class BannedAuthorRule implements ModerationRule {

    @Override
    public String name() {
        return "banned";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        if (submission.history().emailBanned()) {
            return Verdict.spam(name(), Phrase.of("rule.reason.bannedEmail", submission.email()));
        }
        if (submission.history().addressBanned()) {
            return Verdict.spam(name(), Phrase.of("rule.reason.bannedAddress"));
        }
        return Verdict.approve();
    }
}
