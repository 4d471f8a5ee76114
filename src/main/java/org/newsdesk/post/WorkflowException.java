package org.newsdesk.post;

import jakarta.ejb.ApplicationException;
import org.newsdesk.platform.Phrase;

/**
 * A workflow step or a save the desk cannot make, with what to tell the person who tried. {@link #field()} names
 * the form field it concerns ({@code headline}, {@code excerpts:2:articleUrl}), or is null.
 */
@ApplicationException(rollback = true)
public class WorkflowException extends RuntimeException {

    private final String field;
    private final Phrase phrase;

    public WorkflowException(String field, Phrase phrase) {
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
