package org.newsdesk.comment.rules;

/** One check of a comment. Rules are stateless and cheap; a rule whose setting is off approves. */
public interface ModerationRule {

    /** The rule's name as moderators see it in the queue ("links", "first-comment", ...). */
    String name();

    Verdict check(Submission submission, ModerationSettings settings);
}
