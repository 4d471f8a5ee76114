package org.newsdesk.media;

import org.newsdesk.platform.Phrase;

/** A photo readers can see, or are about to see, in a post; it stays until the post stops using it. */
public class MediaInUseException extends MediaException {

    private static final long serialVersionUID = 1L;

    public MediaInUseException(Phrase phrase) {
        super(null, phrase);
    }
}
