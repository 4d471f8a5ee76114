package org.newsdesk.comment;

import jakarta.ejb.ApplicationException;

/**
 * A comment the site will not take, with a message for the reader. {@link #field()} names the form
 * field the message belongs next to, or is null for the form as a whole.
 */
@ApplicationException(rollback = true)
public class CommentRefusedException extends RuntimeException {

    private final String field;

    public CommentRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
