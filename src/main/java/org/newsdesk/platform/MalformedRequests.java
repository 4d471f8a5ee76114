package org.newsdesk.platform;

import java.util.Locale;

/**
 * Recognises a request the container could not read because the client sent it broken: a multipart body
 * without a boundary, cut short, with a part header over the container's limit, or a form that claims to be
 * multipart where it is not. The container throws at whoever reads the first parameter, deep inside Faces;
 * {@link ServiceGate} answers such a request 400 instead of the 500 page.
 */
final class MalformedRequests {

    private MalformedRequests() {
    }

    static boolean isMalformed(Throwable thrown) {
        return Faults.causes(thrown).anyMatch(t -> t.getClass().getName().contains(".fileupload.")
                || t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("multipart"));
    }
}
