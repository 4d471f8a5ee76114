package org.newsdesk.comment.rules;

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
            return Verdict.spam(name(), "The email address " + submission.email() + " is banned.");
        }
        if (submission.history().addressBanned()) {
            return Verdict.spam(name(), "The network address this came from is banned.");
        }
        return Verdict.approve();
    }
}
