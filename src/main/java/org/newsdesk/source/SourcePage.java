package org.newsdesk.source;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

/**
 * What one fetch brought back: the address asked for, each address a redirect led to, the final status
 * and, for a 200, the body (at most the size limit). A 304 has no body: the page had not changed since the
 * validators ({@code etag}, {@code lastModified}) sent with the request.
 */
public record SourcePage(URI requested, List<URI> redirects, int status, String contentType, Charset charset,
                         byte[] body, String etag, String lastModified, Duration took) {

    /** Where the page was found: the last redirect's address, or the one asked for. */
    public URI address() {
        return redirects.isEmpty() ? requested : redirects.get(redirects.size() - 1);
    }

    public boolean ok() {
        return status == 200;
    }

    public boolean notModified() {
        return status == 304;
    }

    /** Gone for good or not there: 404 or 410. */
    public boolean gone() {
        return status == 404 || status == 410;
    }
}
