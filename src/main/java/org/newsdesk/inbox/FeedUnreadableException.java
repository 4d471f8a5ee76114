package org.newsdesk.inbox;

import org.newsdesk.platform.Phrase;

/** A feed that cannot be read as any format Newsdesk knows; the phrase says why ("it is a web page, not a feed"). */
public class FeedUnreadableException extends Exception {

    private final Phrase phrase;

    public FeedUnreadableException(Phrase phrase) {
        super(phrase.english());
        this.phrase = phrase;
    }

    public Phrase phrase() {
        return phrase;
    }
}
