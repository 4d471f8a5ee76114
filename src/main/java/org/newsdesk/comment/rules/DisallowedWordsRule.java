package org.newsdesk.comment.rules;

/** Words the newsroom never wants to see: the comment goes to spam, naming the word and where it was. */
public final class DisallowedWordsRule implements ModerationRule {

    @Override
    public String name() {
        return "disallowed-word";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        return WordList.find(settings.disallowedWords(), submission)
                .map(match -> Verdict.spam(name(), match.describe("disallowed")))
                .orElse(Verdict.approve());
    }
}
