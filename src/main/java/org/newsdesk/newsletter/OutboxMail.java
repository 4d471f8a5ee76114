package org.newsdesk.newsletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One newsletter mail waiting in the outbox, being sent, sent, or given up ({@link MailOutbox}). */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    /** What a mail is, for the desk's counts and for the tests. */
    public enum Kind {
        CONFIRM, ALREADY_SUBSCRIBED, DIGEST, BREAKING
    }

    public enum Status {
        QUEUED, SENDING, SENT, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "subscriber_id")
    private Long subscriberId;

    @Column(name = "send_id")
    private Long sendId;

    private String recipient;

    private String subject;

    @Column(name = "text_body")
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    private String language;

    @Column(name = "unsubscribe_url")
    private String unsubscribeUrl;

    @Column(name = "message_id")
    private String messageId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMail() {
        // For JPA.
    }

    /** A mail to {@code recipient}; {@code host} (the site's) ends its Message-ID, the same on every try. */
    public OutboxMail(Kind kind, Long subscriberId, String recipient, String subject, String textBody, String htmlBody,
                      String language, String unsubscribeUrl, String host, Instant now) {
        this.kind = kind;
        this.subscriberId = subscriberId;
        this.recipient = recipient;
        this.subject = subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.language = language;
        this.unsubscribeUrl = unsubscribeUrl;
        this.messageId = "<" + UUID.randomUUID() + "@" + host + ">";
        this.status = Status.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    /** The mail as part of a send (a digest, breaking news): one per subscriber and send. */
    OutboxMail ofSend(long send) {
        this.sendId = send;
        return this;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getSubscriberId() {
        return subscriberId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public String getLanguage() {
        return language;
    }

    public String getUnsubscribeUrl() {
        return unsubscribeUrl;
    }

    public String getMessageId() {
        return messageId;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    void sent(Instant now) {
        status = Status.SENT;
        sentAt = now;
        claimedUntil = null;
        lastError = null;
    }

    void failed(String error, Instant retryAt) {
        lastError = error;
        claimedUntil = null;
        if (retryAt == null) {
            status = Status.FAILED;
        } else {
            status = Status.QUEUED;
            nextAttemptAt = retryAt;
        }
    }

    /** Until when the instance that took the mail may send it; after that another may take it. */
    public Instant getClaimedUntil() {
        return claimedUntil;
    }
}
