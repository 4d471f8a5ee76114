package org.newsdesk.media;

import jakarta.ejb.ApplicationException;

/**
 * Something the media library refuses, with a message for the person at the desk and, where it is
 * about one field, that field's id ({@code file}, {@code altText}, {@code caption}, {@code credit}) so
 * a page can show it right there.
 */
@ApplicationException(rollback = true)
public class MediaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MediaException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the message belongs to, or null for the page as a whole. */
    public String field() {
        return field;
    }
}
