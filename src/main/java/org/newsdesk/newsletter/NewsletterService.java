package org.newsdesk.newsletter;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.newsdesk.account.Role;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.SiteKey;
import org.newsdesk.platform.SiteLanguage;
import org.newsdesk.platform.Texts;

/**
 * Subscribing to the daily digest without an account, as WordPress's and Ghost's forms do it: double opt-in (a
 * confirmation mail with a signed, expiring link; nothing else is ever sent to an unconfirmed address), the same
 * answer whether or not the address was subscribed already (no way to learn who reads us: a subscribed address is
 * told so by mail instead), a rate limit per network address, and leaving with one click.
 * <pre>
 * newsletter.subscribe("reader@example.org", true, Set.of(), null, "203.0.113.5");   // a confirmation is queued
 * Subscriber confirmed = newsletter.confirm(tokenFromTheMail);
 * newsletter.leave(manageToken);
 * </pre>
 */
@Stateless
@PermitAll
public class NewsletterService {

    /** The longest address a mail server must take (RFC 5321's path limit). */
    public static final int MAX_EMAIL = 254;

    /** Subscriptions asked from one network address within {@link #RATE_WINDOW} before it is told to wait. */
    static final int RATE_LIMIT = 5;
    static final Duration RATE_WINDOW = Duration.ofMinutes(10);

    /** An address asked again within this gets no second mail (a double click, or someone mail-bombing it). */
    static final Duration RESEND_AFTER = Duration.ofMinutes(2);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @PersistenceContext
    private EntityManager em;

    @EJB
    private MailOutbox outbox;

    @Inject
    private NewsletterLinks links;

    @Inject
    private NewsletterConfig config;

    @Inject
    private SiteKey siteKey;

    @Inject
    private SiteLanguage site;

    /**
     * Asks for the digest at {@code email}, for every section or those named. Answers the same whether the address
     * was new, waiting, subscribed or gone: its owner learns the rest by mail. A filled honeypot is answered the same
     * and does nothing.
     */
    public void subscribe(String email, boolean allSections, Set<Long> sectionIds, String honeypot, String clientAddress) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) {
            throw new NewsletterRefusedException("email", Phrase.of("newsletter.email.required"));
        }
        if (address.length() > MAX_EMAIL) {
            throw new NewsletterRefusedException("email", Phrase.of("newsletter.email.tooLong", MAX_EMAIL));
        }
        if (!EMAIL.matcher(address).matches() || address.codePoints().anyMatch(Character::isISOControl)) {
            throw new NewsletterRefusedException("email", Phrase.of("newsletter.email.invalid"));
        }
        // Mail servers take an address of Latin letters before the @ (a domain in another script is written in
        // its ASCII form); one they would refuse is refused here, where the reader can see why.
        int at = address.lastIndexOf('@');
        if (!address.substring(0, at).chars().allMatch(c -> c > 32 && c < 127)) {
            throw new NewsletterRefusedException("email", Phrase.of("newsletter.email.ascii"));
        }
        try {
            address = address.substring(0, at + 1) + java.net.IDN.toASCII(address.substring(at + 1), java.net.IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new NewsletterRefusedException("email", Phrase.of("newsletter.email.invalid"));
        }
        if (honeypot != null && !honeypot.isBlank()) {
            return;
        }
        Instant now = Instant.now();
        String ipHash = clientAddress == null ? null : siteKey.sign("address:" + clientAddress);
        if (ipHash != null && em.createQuery("select count(s) from Subscriber s where s.ipHash = :hash and s.askedAt > :since", Long.class)
                .setParameter("hash", ipHash).setParameter("since", now.minus(RATE_WINDOW)).getSingleResult() >= RATE_LIMIT) {
            throw new NewsletterRefusedException("email", Phrase.of("newsletter.refused.tooMany", RATE_WINDOW.toMinutes()));
        }
        Set<Long> sections = existingSections(sectionIds);
        Optional<Subscriber> known = find(address);
        if (known.isEmpty()) {
            Subscriber subscriber = new Subscriber(address, site.locale().toLanguageTag(), ipHash, now);
            subscriber.sections(allSections, sections);
            em.persist(subscriber);
            em.flush();
            queueConfirmation(subscriber, now);
            return;
        }
        Subscriber subscriber = known.get();
        boolean justAsked = subscriber.getAskedAt().isAfter(now.minus(RESEND_AFTER));
        SubscriberStatus before = subscriber.getStatus();
        subscriber.askedAgain(ipHash, now);
        if (before == SubscriberStatus.CONFIRMED) {
            // Its sections change only from its own link: a stranger's form must not change what it gets.
            if (!justAsked) {
                queueAlreadySubscribed(subscriber, now);
            }
            return;
        }
        subscriber.sections(allSections, sections);
        if (!justAsked || before != SubscriberStatus.PENDING) {
            queueConfirmation(subscriber, now);
        }
    }

    /** Confirms the subscription a confirmation link names; refused when the link is forged, expired, or gone. */
    public Subscriber confirm(String token) {
        Instant now = Instant.now();
        Subscriber subscriber = links.subscriber(NewsletterLinks.Purpose.CONFIRM, token, now)
                .map(id -> em.find(Subscriber.class, id))
                .orElseThrow(() -> new NewsletterRefusedException(null, Phrase.of("newsletter.link.expired")));
        if (subscriber.getStatus() == SubscriberStatus.PENDING) {
            subscriber.confirmed(now);
        } else if (subscriber.getStatus() != SubscriberStatus.CONFIRMED) {
            // Left, or bounced, after this link was sent: subscribing again sends a new one.
            throw new NewsletterRefusedException(null, Phrase.of("newsletter.link.expired"));
        }
        return subscriber;
    }

    /** The subscription a subscriber's own link names (to choose sections or leave). */
    public Subscriber subscription(String token) {
        return links.subscriber(NewsletterLinks.Purpose.MANAGE, token, Instant.now())
                .map(id -> em.find(Subscriber.class, id))
                .orElseThrow(() -> new NewsletterRefusedException(null, Phrase.of("newsletter.link.invalid")));
    }

    /** Ends the subscription; nothing is asked, and leaving twice is leaving once. */
    public Subscriber leave(String token) {
        Subscriber subscriber = subscription(token);
        if (subscriber.getStatus() == SubscriberStatus.CONFIRMED || subscriber.getStatus() == SubscriberStatus.PENDING) {
            subscriber.left(Instant.now());
        }
        return subscriber;
    }

    /** Subscribes again from the subscriber's own link (the "Subscribe again" after leaving): no confirmation needed. */
    public Subscriber rejoin(String token) {
        Subscriber subscriber = subscription(token);
        if (subscriber.getStatus() == SubscriberStatus.UNSUBSCRIBED) {
            subscriber.confirmed(Instant.now());
        }
        return subscriber;
    }

    /** The sections the subscriber's digest brings: every one, or those chosen. */
    public Subscriber choose(String token, boolean allSections, Set<Long> sectionIds) {
        Subscriber subscriber = subscription(token);
        subscriber.sections(allSections, existingSections(sectionIds));
        return subscriber;
    }

    /** The subscriber's own link to its subscription page, for the pages after confirming. */
    public String manageToken(Subscriber subscriber) {
        return links.token(NewsletterLinks.Purpose.MANAGE, subscriber.getId(), null);
    }

    /** A section a reader may choose, by name. */
    public record SectionChoice(long id, String name) implements java.io.Serializable {

        /** The id as a form's checkbox value. */
        public String key() {
            return String.valueOf(id);
        }
    }

    /** Every section, by name, for the subscription forms. */
    @SuppressWarnings("unchecked")
    public List<SectionChoice> sections() {
        List<Object[]> rows = em.createNativeQuery("select id, name from section order by name, id").getResultList();
        return rows.stream().map(row -> new SectionChoice(((Number) row[0]).longValue(), (String) row[1])).toList();
    }

    /** How many addresses stand where. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Map<SubscriberStatus, Long> counts() {
        Map<SubscriberStatus, Long> counts = new EnumMap<>(SubscriberStatus.class);
        for (SubscriberStatus status : SubscriberStatus.values()) {
            counts.put(status, 0L);
        }
        em.createQuery("select s.status, count(s) from Subscriber s group by s.status", Object[].class).getResultList()
                .forEach(row -> counts.put((SubscriberStatus) row[0], (Long) row[1]));
        return counts;
    }

    /** One address's subscription, for an administrator answering its owner (export or delete). */
    @RolesAllowed(Role.ADMIN_NAME)
    public Optional<Subscriber> lookUp(String email) {
        return email == null || email.isBlank() ? Optional.empty() : find(email);
    }

    /** Deletes an address and every mail kept for it: its owner asked to be forgotten. */
    @RolesAllowed(Role.ADMIN_NAME)
    public boolean forget(String email) {
        Optional<Subscriber> found = lookUp(email);
        found.ifPresent(subscriber -> {
            em.createQuery("delete from OutboxMail m where m.subscriberId = :id").setParameter("id", subscriber.getId()).executeUpdate();
            em.remove(subscriber);
        });
        return found.isPresent();
    }

    private Optional<Subscriber> find(String email) {
        return em.createQuery("select s from Subscriber s where s.emailKey = :key", Subscriber.class)
                .setParameter("key", Subscriber.key(email)).getResultStream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private Set<Long> existingSections(Set<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        List<Number> found = em.createNativeQuery("select id from section where id in (?1)").setParameter(1, List.copyOf(ids)).getResultList();
        return found.stream().map(Number::longValue).collect(Collectors.toUnmodifiableSet());
    }

    private void queueConfirmation(Subscriber subscriber, Instant now) {
        Texts words = words(subscriber);
        String link = links.confirmUrl(links.token(NewsletterLinks.Purpose.CONFIRM, subscriber.getId(), now.plus(config.confirmFor())));
        outbox.queue(new OutboxMail(OutboxMail.Kind.CONFIRM, subscriber.getId(), subscriber.getEmail(),
                words.format("newsletter.confirm.subject", site.siteName()),
                words.format("newsletter.confirm.text", site.siteName(), link, config.confirmFor().toHours()),
                null, subscriber.getLanguage(), null, links.host(), now));
    }

    private void queueAlreadySubscribed(Subscriber subscriber, Instant now) {
        Texts words = words(subscriber);
        String token = manageToken(subscriber);
        outbox.queue(new OutboxMail(OutboxMail.Kind.ALREADY_SUBSCRIBED, subscriber.getId(), subscriber.getEmail(),
                words.format("newsletter.already.subject", site.siteName()),
                words.format("newsletter.already.text", site.siteName(), links.manageUrl(token)),
                null, subscriber.getLanguage(), links.unsubscribeUrl(token), links.host(), now));
    }

    private static Texts words(Subscriber subscriber) {
        return Texts.of(Texts.Family.SITE, subscriber.getLanguage() == null ? Locale.ENGLISH : Locale.forLanguageTag(subscriber.getLanguage()));
    }
}
