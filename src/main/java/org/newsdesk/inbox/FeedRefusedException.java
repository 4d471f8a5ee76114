package org.newsdesk.inbox;

import jakarta.ejb.ApplicationException;

/** A feed that cannot be added, with the field to show the message by. */
@ApplicationException(rollback = true)
public class FeedRefusedException extends RuntimeException {

    private final String field;

    public FeedRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
