package org.newsdesk.media;

import jakarta.ejb.ApplicationException;

/** An upload that is not an image we accept; the message is meant for the person who uploaded it. */
@ApplicationException(rollback = true)
public class UnsupportedImageException extends RuntimeException {

    public UnsupportedImageException(String message) {
        super(message);
    }
}
