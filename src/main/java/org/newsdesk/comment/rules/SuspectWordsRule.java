package org.newsdesk.comment.rules;

/** Words that deserve a second look: the comment is held, naming the word and where it was. */
public final class SuspectWordsRule implements ModerationRule {

    @Override
    public String name() {
        return "suspect-word";
    }

    @Override
    public Verdict check(Submission submission, ModerationSettings settings) {
        return WordList.find(settings.suspectWords(), submission)
                .map(match -> Verdict.hold(name(), match.describe("suspect")))
                .orElse(Verdict.approve());
    }
}
