package org.newsdesk.inbox;

/** A feed that cannot be read as any format Newsdesk knows; the message says why, for the feeds page. */
public class FeedUnreadableException extends Exception {

    public FeedUnreadableException(String message) {
        super(message);
    }
}
