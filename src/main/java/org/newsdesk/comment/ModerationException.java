package org.newsdesk.comment;

import jakarta.ejb.ApplicationException;
import org.newsdesk.platform.Phrase;

/** A moderation request that cannot be done as asked, with what to tell the moderator. */
@ApplicationException(rollback = true)
public class ModerationException extends RuntimeException {

    private final Phrase phrase;

    public ModerationException(Phrase phrase) {
        super(phrase.english());
        this.phrase = phrase;
    }

    /** What to tell the moderator, in the desk's language. */
    public Phrase phrase() {
        return phrase;
    }
}
