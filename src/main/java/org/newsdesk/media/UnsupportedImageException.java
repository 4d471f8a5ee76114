package org.newsdesk.media;

import org.newsdesk.platform.Phrase;

/** An upload that is not an image we accept; the message is meant for the person who uploaded it. */
public class UnsupportedImageException extends MediaException {

    private static final long serialVersionUID = 1L;

    public UnsupportedImageException(Phrase phrase) {
        super("file", phrase);
    }
}
