package org.newsdesk.account;

import jakarta.ejb.ApplicationException;
import org.newsdesk.platform.Phrase;

/** An account change that cannot be made, with what to tell the person at the form field it concerns. */
@ApplicationException(rollback = true)
public class AccountException extends RuntimeException {

    private final String field;
    private final Phrase phrase;

    public AccountException(String field, Phrase phrase) {
        super(phrase.english());
        this.field = field;
        this.phrase = phrase;
    }

    public String field() {
        return field;
    }

    /** What to tell the person, in the desk's language ({@code Messages.addError(id, phrase.key(), ...)}). */
    public Phrase phrase() {
        return phrase;
    }
}
