package org.newsdesk.comment.rules;

import java.util.regex.Pattern;

/**
 * What counts as a web address in a comment: the one definition that both the link rule counts and the
 * comment's display turns into links ({@code CommentText}), so a reader never sees a link the rule missed.
 */
public final class Links {

    /** An http or https address, without the punctuation that ends the sentence around it. */
    public static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");

    private Links() {
    }

    /** How many web addresses the text holds. */
    public static int count(String text) {
        return (int) URL.matcher(text).results().count();
    }
}
