package org.newsdesk.comment;

import java.util.List;

/**
 * An email about comments, fired as a CDI event inside the transaction that caused it and sent only
 * after that transaction commits (see {@link CommentMail}), so a mail problem never costs a comment and
 * a rolled-back comment sends no mail. {@code toModerators} adds the site's moderators to {@code to},
 * looked up when the mail is sent, off the request that fired it.
 */
public record CommentNotice(List<String> to, boolean toModerators, String subject, String text) {

    public CommentNotice {
        to = List.copyOf(to);
    }

    public CommentNotice(List<String> to, String subject, String text) {
        this(to, false, subject, text);
    }

    /** A notice for every enabled moderator. */
    public static CommentNotice toModerators(String subject, String text) {
        return new CommentNotice(List.of(), true, subject, text);
    }
}
