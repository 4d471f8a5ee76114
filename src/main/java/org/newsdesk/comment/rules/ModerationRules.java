package org.newsdesk.comment.rules;

import java.util.List;

/**
 * The chain every reader's comment passes through. Each rule gives a verdict; the most severe wins
 * (refuse, then spam, then hold, then approve) and, among equals, the first in the chain, so the reason
 * a moderator reads is the most telling one. A refusal stops the chain at once.
 *
 * <pre>
 * Verdict verdict = ModerationRules.standard().evaluate(submission, settings);
 * </pre>
 */
public final class ModerationRules {

    private static final ModerationRules STANDARD = new ModerationRules(List.of(
            new BannedAuthorRule(),
            new HoneypotRule(),
            new RateLimitRule(),
            new DuplicateRule(),
            new DisallowedWordsRule(),
            new MinimumTimeRule(),
            new LinkCountRule(),
            new SuspectWordsRule(),
            new HoldEverythingRule(),
            new FirstCommentRule()));

    private final List<ModerationRule> rules;

    public ModerationRules(List<ModerationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ModerationRules standard() {
        return STANDARD;
    }

    public Verdict evaluate(Submission submission, ModerationSettings settings) {
        Verdict decided = Verdict.approve();
        for (ModerationRule rule : rules) {
            Verdict verdict = rule.check(submission, settings);
            if (verdict.is(Verdict.Outcome.REJECT)) {
                return verdict;
            }
            if (verdict.outcome().compareTo(decided.outcome()) > 0) {
                decided = verdict;
            }
        }
        return decided;
    }

    public List<ModerationRule> rules() {
        return rules;
    }
}
