package org.newsdesk.newsletter;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.account.MailConfig;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.RepeatedFailures;
import org.newsdesk.platform.Timers;

/**
 * Sends the outbox's mail: every five seconds, on whichever instance takes each mail first ({@link MailOutbox#claim}),
 * at most {@code NEWSDESK_NEWSLETTER_MAILS_PER_SECOND}, one SMTP connection per batch. A taken mail is this
 * instance's for {@link #LEASE}; it is never sent once its claim is about to run out (with a slow SMTP server the rest
 * of the batch goes back to the queue), so two instances never send one mail. An instance killed mid-batch
 * leaves the mails it had taken but not sent, which are taken again once their claim ran out. A mail is marked sent
 * as soon as the server took it: only an instance killed between the two (a database write) leaves a mail that is
 * sent again, with the same Message-ID. Without an SMTP server configured, mail waits in the outbox.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    private static final RepeatedFailures DATABASE_GONE = new RepeatedFailures(Duration.ofMinutes(1));

    /**
     * How long a taken mail is this instance's before another may take it: the wait for mail taken by an instance
     * that was killed. A batch is at most a second's mails ({@link #BATCH}), sent well within it.
     */
    static final Duration LEASE = Duration.ofSeconds(30);

    /** The most mails taken at once, whatever the rate: about 10 MB of digests. */
    static final int BATCH = 500;

    /** How long before its claim runs out a mail is left for the next taker rather than sent. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    /** How long one run goes on before leaving the rest to the next. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    private static final RepeatedFailures NOT_CONFIGURED = new RepeatedFailures(Duration.ofHours(1));
    private static final RepeatedFailures NOT_SENT = new RepeatedFailures(Duration.ofMinutes(1));

    /** An SMTP reply code at the start of a message ("550 5.1.1 User unknown"). */
    private static final Pattern REPLY = Pattern.compile("^\\s*([2-5])\\d\\d[ -]");

    /** The timer's own info, so a timer of an earlier deployment is known and cancelled. */
    static final class Every5Seconds implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Resource
    private TimerService timers;

    @EJB
    private MailOutbox outbox;

    @Inject
    private MailConfig mail;

    @Inject
    private NewsletterConfig config;

    @Inject
    private DatabaseState database;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        Timers.cancelForeign(timers, Every5Seconds.class);
        timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("*").second("*/5"), new TimerConfig(new Every5Seconds(), false));
    }

    @Timeout
    void scheduled(Timer timer) {
        if (!Timers.ours(timer, Every5Seconds.class)) {
            timer.cancel();
            return;
        }
        if (database.isUsable()) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                // The database went away in the run: one line a minute (the pages say the rest), not a trace a run.
                if (Faults.databaseUnreachable(e)) {
                    DATABASE_GONE.log(LOG, "Outbox: the database is not reachable; mail waits in the outbox (" + Faults.firstLine(e) + ")");
                } else {
                    LOG.log(Level.SEVERE, "Outbox: a run failed", e);
                }
            }
        }
    }

    /** Sends what is due now; returns how many mails the SMTP server took. */
    public int sendDue() {
        Optional<String> host = mail.host();
        if (host.isEmpty()) {
            NOT_CONFIGURED.log(LOG, Level.INFO, "No SMTP host configured (NEWSDESK_SMTP_HOST): newsletter mail waits in the outbox.");
            return 0;
        }
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int sent = 0;
        try {
            Instant deadline = Instant.now().plus(RUN_LIMIT);
            int perSecond = config.mailsPerSecond();
            // A batch is a second's mails, at most BATCH of them: mails are held whole (both parts), so a high rate
            // must not mean thousands of them in memory at once.
            int size = Math.min(perSecond, BATCH);
            long batchMillis = 1_000L * size / perSecond;
            while (Instant.now().isBefore(deadline)) {
                long started = System.nanoTime();
                List<OutboxMail> batch = outbox.claim(size, Instant.now(), LEASE);
                if (batch.isEmpty()) {
                    break;
                }
                sent += send(host.get(), batch);
                // At most perSecond mails a second: a batch sent sooner than its share of the second waits out the rest.
                long left = batchMillis - (System.nanoTime() - started) / 1_000_000;
                if (left > 0) {
                    Thread.sleep(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.set(false);
        }
        return sent;
    }

    private int send(String host, List<OutboxMail> batch) {
        Session session = mail.session(host);
        int sent = 0;
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect();
            for (int i = 0; i < batch.size(); i++) {
                OutboxMail each = batch.get(i);
                if (!Instant.now().isBefore(each.getClaimedUntil().minus(MARGIN))) {
                    NOT_SENT.log(LOG, "Outbox: " + host + " is slow; " + (batch.size() - i) + " mails go back to the queue");
                    outbox.release(batch.subList(i, batch.size()).stream().map(OutboxMail::getId).toList());
                    break;
                }
                try {
                    MimeMessage message = message(session, each);
                    transport.sendMessage(message, message.getAllRecipients());
                    outbox.sent(each.getId(), Instant.now());
                    sent++;
                } catch (MessagingException | RuntimeException e) {
                    boolean permanent = permanent(e);
                    NOT_SENT.log(LOG, "Outbox: mail " + each.getId() + " not sent" + (permanent ? " (refused for good)" : "")
                            + ": " + Faults.firstLine(e));
                    outbox.failed(each.getId(), Faults.firstLine(e), permanent, Instant.now());
                }
            }
        } catch (MessagingException e) {
            // No connection: every mail of the batch not sent yet waits for its next try.
            NOT_SENT.log(LOG, "Outbox: could not reach " + host + " (" + Faults.firstLine(e) + ")");
            for (OutboxMail each : batch.subList(sent, batch.size())) {
                outbox.failed(each.getId(), Faults.firstLine(e), false, Instant.now());
            }
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.log(Level.FINE, "Outbox: closing the SMTP connection", e);
                }
            }
        }
        return sent;
    }

    /** The mail as sent: text, and HTML beside it when there is one; one-click unsubscribing (RFC 8058) when it has an address. */
    private MimeMessage message(Session session, OutboxMail each) throws MessagingException {
        String messageId = each.getMessageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(mail.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(each.getRecipient()));
        message.setSubject(each.getSubject(), "UTF-8");
        if (each.getHtmlBody() == null) {
            message.setText(each.getTextBody(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(each.getTextBody(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(each.getHtmlBody(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        if (each.getLanguage() != null) {
            message.setHeader("Content-Language", each.getLanguage());
        }
        if (each.getUnsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + each.getUnsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setSentDate(new Date());
        return message;
    }

    /** Whether the server refused for good: an SMTP 5xx reply, in the failure or any it carries. */
    static boolean permanent(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() != null ? e.getCause()
                : e instanceof SendFailedException sendFailed ? sendFailed.getNextException() : null) {
            Matcher reply = REPLY.matcher(String.valueOf(e.getMessage()));
            if (reply.find()) {
                return reply.group(1).equals("5");
            }
            if (e == e.getCause()) {
                break;
            }
        }
        return false;
    }
}
