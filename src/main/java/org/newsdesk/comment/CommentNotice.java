package org.newsdesk.comment;

import java.util.List;

/**
 * An email about comments, fired as a CDI event inside the transaction that caused it and sent only
 * after that transaction commits (see {@link CommentMail}), so a mail problem never costs a comment and
 * a rolled-back comment sends no mail.
 */
public record CommentNotice(List<String> to, String subject, String text) {

    public CommentNotice {
        to = List.copyOf(to);
    }
}
