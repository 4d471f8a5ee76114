package org.newsdesk.newsletter;

import jakarta.ejb.ApplicationException;
import org.newsdesk.platform.Phrase;

/** A subscription step refused, with what to tell the reader and the field it concerns ({@code email}, or null). */
@ApplicationException(rollback = true)
public class NewsletterRefusedException extends RuntimeException {

    private final String field;
    private final Phrase phrase;

    public NewsletterRefusedException(String field, Phrase phrase) {
        super(phrase.english());
        this.field = field;
        this.phrase = phrase;
    }

    public String field() {
        return field;
    }

    public Phrase phrase() {
        return phrase;
    }
}
