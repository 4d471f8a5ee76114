package org.newsdesk.media;

import jakarta.ejb.ApplicationException;
import org.newsdesk.platform.Phrase;

/**
 * Something the media library refuses, with what to tell the person at the desk and, where it is about one
 * field, that field's id ({@code file}, {@code altText}, {@code caption}, {@code credit}) so a page can show it
 * right there.
 */
@ApplicationException(rollback = true)
public class MediaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final Phrase phrase;

    public MediaException(String field, Phrase phrase) {
        super(phrase.english());
        this.field = field;
        this.phrase = phrase;
    }

    /** The form field the message belongs to, or null for the page as a whole. */
    public String field() {
        return field;
    }

    /** What to tell the person, in the desk's language. */
    public Phrase phrase() {
        return phrase;
    }
}
