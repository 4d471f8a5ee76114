package org.newsdesk.source;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

/**
 * What one fetch brought back: the address asked for, each address a redirect led to, the final status
 * and, for a 200, the body (at most the size limit). A 304 has no body: the page had not changed since the
 * validators ({@code etag}, {@code lastModified}) sent with the request. {@code movedPermanently} when every
 * redirect was a 301 or 308; {@code retryAfter} the header as sent, for a 429 or 503.
 */
public record SourcePage(URI requested, List<URI> redirects, int status, String contentType, Charset charset,
                         byte[] body, String etag, String lastModified, Duration took, boolean movedPermanently, String retryAfter) {

    public SourcePage(URI requested, List<URI> redirects, int status, String contentType, Charset charset,
                      byte[] body, String etag, String lastModified, Duration took) {
        this(requested, redirects, status, contentType, charset, body, etag, lastModified, took, false, null);
    }

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

    /**
     * When the site asked to be asked again, from {@code Retry-After} (seconds or an HTTP date), at most a day
     * ahead; null when it did not say.
     */
    public java.time.Instant retryAt(java.time.Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        java.time.Instant at;
        try {
            at = now.plusSeconds(Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            try {
                at = java.time.ZonedDateTime.parse(retryAfter.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
        java.time.Instant latest = now.plus(Duration.ofDays(1));
        return at.isAfter(latest) ? latest : at.isBefore(now) ? now : at;
    }

    /** Gone for good or not there: 404 or 410. */
    public boolean gone() {
        return status == 404 || status == 410;
    }
}
