package org.newsdesk.post;

import jakarta.ejb.ApplicationException;

/**
 * A workflow step or a save the desk cannot make, with a message for the person who tried. {@link #field()}
 * names the form field it concerns ({@code headline}, {@code excerpts:2:articleUrl}), or is null.
 */
@ApplicationException(rollback = true)
public class WorkflowException extends RuntimeException {

    private final String field;

    public WorkflowException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
