package org.newsdesk.account;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.RepeatedFailures;
import org.newsdesk.platform.SiteLanguage;
import org.newsdesk.platform.Texts;

/**
 * Sends {@link Notice}s through the SMTP server in the configuration ({@code NEWSDESK_SMTP_HOST},
 * {@code _PORT}, {@code _USER}, {@code _PASSWORD}, {@code _FROM}). Without a host nothing is sent and
 * the notice is logged. Sending happens after the transaction commits and off the request thread, so a
 * slow or broken mail server neither delays nor loses a comment; a failure is logged.
 */
@Stateless
public class NoticeMail {

    private static final Logger LOG = Logger.getLogger(NoticeMail.class.getName());

    /** A notice not sent for want of a mail server: said once, then at most once an hour with a count. */
    private static final RepeatedFailures NOT_CONFIGURED = new RepeatedFailures(Duration.ofHours(1));

    /** A mail server that refuses or is down: one line, then at most one a minute with a count, no stack. */
    private static final RepeatedFailures NOT_SENT = new RepeatedFailures(Duration.ofMinutes(1));

    @Inject
    private NoticeMail self;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailConfig config;

    @Inject
    private SiteLanguage siteLanguage;

    /** Hands the notice to {@link #send} once the transaction that fired it has committed. */
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notice notice) {
        self.send(notice);
    }

    @Asynchronous
    public void send(Notice notice) {
        List<String> to = new ArrayList<>(notice.to());
        if (notice.toModerators()) {
            to.addAll(moderatorEmails());
        }
        if (to.isEmpty()) {
            return;
        }
        if (notice.subjectPhrase() != null) {
            // To staff: one mail per desk language, each worded in it.
            Map<Locale, List<String>> byLanguage = new LinkedHashMap<>();
            for (String address : to) {
                byLanguage.computeIfAbsent(deskLanguage(address), language -> new ArrayList<>()).add(address);
            }
            byLanguage.forEach((language, addresses) -> {
                Texts words = Texts.of(Texts.Family.DESK, language);
                deliver(addresses, new Notice(addresses, false, words.say(notice.subjectPhrase()), words.say(notice.textPhrase()),
                        language.toLanguageTag()));
            });
            return;
        }
        deliver(to, notice);
    }

    /** A member of staff's desk language by their address: their choice, else the site's where the desk speaks it, else English. */
    private Locale deskLanguage(String address) {
        List<String> chosen = em.createQuery("select u.deskLanguage from User u where lower(u.email) = lower(:email)", String.class)
                .setParameter("email", address).setMaxResults(1).getResultList();
        if (!chosen.isEmpty() && chosen.get(0) != null) {
            return Locale.forLanguageTag(chosen.get(0));
        }
        Locale site = siteLanguage.locale();
        return Texts.Family.DESK.languages().contains(site.getLanguage()) ? site : Locale.ENGLISH;
    }

    private void deliver(List<String> to, Notice notice) {
        Optional<String> host = config.host();
        if (host.isEmpty()) {
            NOT_CONFIGURED.log(LOG, Level.INFO, "No SMTP host configured (NEWSDESK_SMTP_HOST); not sending \""
                    + notice.subject() + "\" to " + to.size() + " recipient(s).");
            return;
        }
        try {
            Transport.send(message(host.get(), to, notice));
            LOG.fine(() -> "Sent \"" + notice.subject() + "\" to " + to);
        } catch (MessagingException | RuntimeException e) {
            NOT_SENT.log(LOG, "Could not send \"" + notice.subject() + "\" to " + to.size() + " recipient(s)"
                    + " through " + host.get() + " (" + Faults.firstLine(e) + ")");
        }
    }

    /** The enabled moderators' addresses. */
    private List<String> moderatorEmails() {
        return em.createQuery("select distinct u.email from User u join u.roles r where r = :role and u.enabled = true"
                        + " order by u.email", String.class)
                .setParameter("role", Role.MODERATOR)
                .getResultList();
    }

    private MimeMessage message(String host, List<String> to, Notice notice) throws MessagingException {
        MimeMessage message = new MimeMessage(config.session(host));
        message.setFrom(new InternetAddress(config.from()));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(notice.subject(), "UTF-8");
        message.setText(notice.text(), "UTF-8");
        if (notice.language() != null) {
            message.setHeader("Content-Language", notice.language());
        }
        message.setSentDate(new Date());
        return message;
    }
}
