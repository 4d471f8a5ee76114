package org.newsdesk.drift;

/**
 * What one read of a source found: the final status, the address a redirect ended at (null when none), and
 * for a page that is there its headline, correction notice and paywall; or why it could not be read.
 */
public record Observation(int status, String finalUrl, String headline, String correction, boolean paywalled,
                   String etag, String lastModified, String error) {

    public static Observation failed(String error) {
        return new Observation(0, null, null, null, false, null, null, error);
    }

    public boolean gone() {
        return status == 404 || status == 410;
    }
}
