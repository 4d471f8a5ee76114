package org.newsdesk.comment;

import jakarta.ejb.ApplicationException;

/** A moderation request that cannot be done as asked, with a message for the moderator. */
@ApplicationException(rollback = true)
public class ModerationException extends RuntimeException {

    public ModerationException(String message) {
        super(message);
    }
}
