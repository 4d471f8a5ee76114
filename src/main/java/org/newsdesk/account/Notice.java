package org.newsdesk.account;

import java.util.List;
import org.newsdesk.platform.Phrase;

/**
 * An email to staff or a reader (a comment held, a reply approved, an account locked), fired as a CDI event inside the transaction that caused it and sent only
 * after that transaction commits (see {@link NoticeMail}), so a mail problem never costs a comment and
 * a rolled-back comment sends no mail. {@code toModerators} adds the site's moderators to {@code to},
 * looked up when the mail is sent, off the request that fired it.
 */
public record Notice(List<String> to, boolean toModerators, String subject, String text, String language, Phrase subjectPhrase,
                     Phrase textPhrase) {

    public Notice {
        to = List.copyOf(to);
    }

    public Notice(List<String> to, boolean toModerators, String subject, String text) {
        this(to, toModerators, subject, text, null, null, null);
    }

    public Notice(List<String> to, boolean toModerators, String subject, String text, String language) {
        this(to, toModerators, subject, text, language, null, null);
    }

    /**
     * A notice to staff in each one's desk language: the subject and text are phrases of the desk's words, worded
     * per recipient when it is sent ({@link NoticeMail}).
     */
    public static Notice toStaff(List<String> to, boolean toModerators, Phrase subject, Phrase text) {
        return new Notice(to, toModerators, subject.english(), text.english(), null, subject, text);
    }

    /** A notice in a language ({@code Content-Language}), such as one to a reader in the site's. */
    public Notice(List<String> to, String subject, String text, String language) {
        this(to, false, subject, text, language);
    }

    public Notice(List<String> to, String subject, String text) {
        this(to, false, subject, text);
    }

    /** A notice for every enabled moderator. */
    public static Notice toModerators(String subject, String text) {
        return new Notice(List.of(), true, subject, text);
    }
}
