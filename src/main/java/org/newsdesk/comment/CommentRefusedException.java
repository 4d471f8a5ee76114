package org.newsdesk.comment;

import jakarta.ejb.ApplicationException;
import org.newsdesk.platform.Phrase;

/**
 * A comment the site will not take, with what to tell the reader. {@link #field()} names the form
 * field the message belongs next to, or is null for the form as a whole.
 */
@ApplicationException(rollback = true)
public class CommentRefusedException extends RuntimeException {

    private final String field;
    private final Phrase phrase;

    public CommentRefusedException(String field, Phrase phrase) {
        super(phrase.english());
        this.field = field;
        this.phrase = phrase;
    }

    /** What to tell the reader, in their language ({@link org.newsdesk.platform.Texts#say}). */
    public Phrase phrase() {
        return phrase;
    }

    public String field() {
        return field;
    }
}
