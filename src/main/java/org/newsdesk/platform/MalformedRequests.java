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
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (type.contains(".fileupload.")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("multipart")) {
                return true;
            }
        }
        return false;
    }
}
