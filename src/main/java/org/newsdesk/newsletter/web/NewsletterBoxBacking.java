package org.newsdesk.newsletter.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.newsdesk.account.MailConfig;

/** Whether the public pages offer the daily digest: only once the site can send its confirmation mail. */
@Named("newsletterBox")
@ApplicationScoped
public class NewsletterBoxBacking {

    @Inject
    private MailConfig mail;

    public boolean isShown() {
        return mail.host().isPresent();
    }
}
