package org.newsdesk.account;

import jakarta.ejb.ApplicationException;

/** An account change that cannot be made, with a message for the form field it concerns. */
@ApplicationException(rollback = true)
public class AccountException extends RuntimeException {

    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
