package org.newsdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.newsdesk.platform.SiteKey;

/**
 * How readers are recognised without keeping their addresses in the clear: keyed hashes (HMAC with the
 * site key) of the network address and of the email address, for rate limits, reports and bans.
 */
@ApplicationScoped
public class AuthorHashes {

    @Inject
    private SiteKey siteKey;

    public String address(String clientAddress) {
        return siteKey.sign("address:" + clientAddress);
    }

    public String email(String email) {
        return siteKey.sign("email:" + email.strip().toLowerCase(Locale.ROOT));
    }
}
