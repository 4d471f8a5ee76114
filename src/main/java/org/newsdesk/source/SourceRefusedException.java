package org.newsdesk.source;

/** A source page Newsdesk will not or could not read; the message says why, for the field it was typed in. */
public class SourceRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SourceRefusedException(String message) {
        super(message);
    }

    public SourceRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
