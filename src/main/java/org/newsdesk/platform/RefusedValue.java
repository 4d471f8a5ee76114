package org.newsdesk.platform;

/**
 * A value a check refuses, with what to tell the person who typed it ({@link Phrase}); its message is the
 * English, for logs and for settings read from the environment at start-up.
 */
public class RefusedValue extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    public RefusedValue(Phrase phrase) {
        super(phrase.english());
        this.phrase = phrase;
    }

    public Phrase phrase() {
        return phrase;
    }
}
