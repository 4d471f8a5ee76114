package org.newsdesk.source;

import org.newsdesk.platform.Phrase;

/**
 * A source page Newsdesk will not or could not read; what to tell the person, for the field it was typed in
 * ({@link #phrase()}, worded in their language; the message is the English, for logs and stored states).
 */
public class SourceRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    public SourceRefusedException(Phrase phrase) {
        super(phrase.english());
        this.phrase = phrase;
    }

    public SourceRefusedException(Phrase phrase, Throwable cause) {
        super(phrase.english(), cause);
        this.phrase = phrase;
    }

    public Phrase phrase() {
        return phrase;
    }
}
