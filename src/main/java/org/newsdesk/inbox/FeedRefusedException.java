package org.newsdesk.inbox;

import jakarta.ejb.ApplicationException;
import org.newsdesk.platform.Phrase;

/** A feed, a watch or a quote the inbox cannot take, with the field to show what to say by. */
@ApplicationException(rollback = true)
public class FeedRefusedException extends RuntimeException {

    private final String field;
    private final Phrase phrase;

    public FeedRefusedException(String field, Phrase phrase) {
        super(phrase.english());
        this.field = field;
        this.phrase = phrase;
    }

    public String field() {
        return field;
    }

    /** What to tell the person, in the desk's language. */
    public Phrase phrase() {
        return phrase;
    }
}
