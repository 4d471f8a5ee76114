package org.newsdesk.newsletter;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.account.Role;
import org.newsdesk.platform.TextLimit;

/**
 * The outbox newsletter mail goes through. A mail is queued in the transaction that decided to send it, so a
 * rolled-back change sends nothing and a committed one loses nothing; {@link OutboxWorker} sends it.
 * Each claim is its own short transaction taking rows with {@code FOR UPDATE SKIP LOCKED}: two instances never
 * take the same mail, and a mail whose sender stopped mid-send is taken again once its claim runs out.
 */
@Stateless
@PermitAll
public class MailOutbox {

    /** The longest wait between two tries of one mail. */
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private NewsletterConfig config;

    /** Queues the mail in the caller's transaction. */
    public void queue(OutboxMail mail) {
        em.persist(mail);
    }

    /**
     * Takes up to {@code max} mails that are due (queued and due, or being sent by a sender whose claim ran out)
     * for {@code lease}; each try is counted as it is taken.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<OutboxMail> claim(int max, Instant now, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from mail_outbox where (status = 'QUEUED' and next_attempt_at <= ?1)"
                        + " or (status = 'SENDING' and claimed_until < ?1) order by next_attempt_at, id limit ?2 for update skip locked")
                .setParameter(1, now)
                .setParameter(2, max)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        em.createQuery("update OutboxMail m set m.status = :sending, m.claimedUntil = :until, m.attempts = m.attempts + 1"
                        + " where m.id in :ids")
                .setParameter("sending", OutboxMail.Status.SENDING)
                .setParameter("until", now.plus(lease))
                .setParameter("ids", claimed)
                .executeUpdate();
        return em.createQuery("select m from OutboxMail m where m.id in :ids order by m.id", OutboxMail.class)
                .setParameter("ids", claimed)
                .getResultList();
    }

    /** Mails taken but not tried (their claim was running out): back in the queue at once, their try not counted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("update OutboxMail m set m.status = :queued, m.claimedUntil = null, m.attempts = m.attempts - 1"
                            + " where m.id in :ids and m.status = :sending")
                    .setParameter("queued", OutboxMail.Status.QUEUED).setParameter("sending", OutboxMail.Status.SENDING)
                    .setParameter("ids", ids).executeUpdate();
        }
    }

    /** The SMTP server took the mail. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long id, Instant now) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail != null) {
            mail.sent(now);
        }
    }

    /**
     * A try that failed: tried again after a wait that doubles from a minute (up to {@link #LONGEST_WAIT}), or
     * marked failed after the last try; a permanent refusal (an SMTP 5xx) fails it at once and marks its
     * subscriber bounced, never mailed again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String error, boolean permanent, Instant now) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null) {
            return;
        }
        String said = TextLimit.shorten(error, 500);
        if (permanent || mail.getAttempts() >= config.attempts()) {
            mail.failed(said, null);
            if (permanent && mail.getSubscriberId() != null) {
                Subscriber subscriber = em.find(Subscriber.class, mail.getSubscriberId());
                if (subscriber != null && subscriber.getStatus() != SubscriberStatus.UNSUBSCRIBED) {
                    subscriber.bounced(now);
                }
            }
            return;
        }
        Duration wait = Duration.ofMinutes(1L << Math.min(mail.getAttempts() - 1, 20));
        mail.failed(said, now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
    }

    /** How many mails are in each state. */
    public Map<OutboxMail.Status, Long> counts() {
        return counted(em.createQuery("select m.status, count(m) from OutboxMail m group by m.status", Object[].class));
    }

    /** How many of one send's mails are in each state: its progress. */
    public Map<OutboxMail.Status, Long> counts(long sendId) {
        return counted(em.createQuery("select m.status, count(m) from OutboxMail m where m.sendId = :send group by m.status",
                Object[].class).setParameter("send", sendId));
    }

    private static Map<OutboxMail.Status, Long> counted(TypedQuery<Object[]> byStatus) {
        Map<OutboxMail.Status, Long> counts = new EnumMap<>(OutboxMail.Status.class);
        for (OutboxMail.Status status : OutboxMail.Status.values()) {
            counts.put(status, 0L);
        }
        byStatus.getResultList().forEach(row -> counts.put((OutboxMail.Status) row[0], (Long) row[1]));
        return counts;
    }

    /** A mail given up on: to whom, the last answer, after how many tries, queued when. */
    public record Failure(String recipient, String error, int attempts, Instant queuedAt) {
    }

    /** The newest mails given up on, for an administrator (addresses are readers' data). */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<Failure> recentFailures(int max) {
        return em.createQuery("select m.recipient, m.lastError, m.attempts, m.createdAt from OutboxMail m where m.status = :failed"
                        + " order by m.id desc", Object[].class)
                .setParameter("failed", OutboxMail.Status.FAILED).setMaxResults(max).getResultList().stream()
                .map(row -> new Failure((String) row[0], (String) row[1], (Integer) row[2], (Instant) row[3])).toList();
    }
}
