package org.newsdesk.inbox;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.source.SourceReader;
import org.newsdesk.source.SourceRefusedException;

/**
 * WebSub (W3C Recommendation, formerly PubSubHubbub) for feeds that name a hub: Newsdesk subscribes at the hub
 * with a secret of the feed's own, answers the hub's verification of intent, and takes the feed's new content
 * pushed to {@code /websub/ID} as soon as it is published, when its HMAC signature with that secret is right.
 * The feed is still read on its schedule, so a hub that fails loses nothing. Subscriptions are asked for again a
 * day before they lapse. Open to any caller: the hub is anonymous, and what it may do is bounded by the secret.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebSub {

    private static final Logger LOG = Logger.getLogger(WebSub.class.getName());
    /** The lease asked for: ten days, as hubs commonly grant. */
    static final Duration LEASE = Duration.ofDays(10);
    /** Not asked again within this while after asking, whatever the hub said. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofHours(6);
    /** Subscriptions asked for per reader run, at most. */
    static final int PER_RUN = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> ALGORITHMS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384",
            "sha512", "HmacSHA512");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SourceReader reader;

    @EJB
    private FeedLedger ledger;

    /** The address hubs call back for a feed. */
    public static String callback(long feedId) {
        return PlatformConfig.SITE_URL.value().replaceAll("/+$", "") + "/websub/" + feedId;
    }

    /**
     * Asks the hubs of the feeds whose subscription is missing or lapses within a day to (re)subscribe, at most
     * {@link #PER_RUN}; each request through the fetcher's guard, since a hub's address comes from a feed.
     * Returns how many hubs accepted the request (202), to verify it next.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int renew(Instant now) {
        List<Long> due = em.createQuery("select f.id from Feed f where f.active = true and f.hubUrl is not null"
                        + " and (f.websubUntil is null or f.websubUntil < :soon) and (f.websubAskedAt is null or f.websubAskedAt < :again)", Long.class)
                .setParameter("soon", now.plus(Duration.ofDays(1))).setParameter("again", now.minus(ASK_AGAIN_AFTER))
                .setMaxResults(PER_RUN).getResultList();
        int accepted = 0;
        for (Long id : due) {
            Map<String, String> request = self().ask(id, now);
            if (request == null) {
                continue;
            }
            String hub = request.remove("hub");
            try {
                int status = reader.postForm(URI.create(hub), request);
                if (status == 202 || status == 204 || status == 200) {
                    accepted++;
                } else {
                    LOG.info(() -> "WebSub: the hub " + hub + " answered " + status + " to a subscription for feed " + id);
                }
            } catch (SourceRefusedException | IllegalArgumentException e) {
                LOG.info(() -> "WebSub: the hub " + hub + " of feed " + id + " was not asked: " + e.getMessage());
            }
        }
        return accepted;
    }

    /** Notes that a subscription is being asked for, with a new secret; the hub request's fields, or null. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, String> ask(long feedId, Instant now) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed == null || feed.hubUrl == null) {
            return null;
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        feed.websubSecret = HexFormat.of().formatHex(secret);
        feed.websubAskedAt = now;
        Map<String, String> request = new LinkedHashMap<>();
        request.put("hub", feed.hubUrl);
        request.put("hub.mode", "subscribe");
        request.put("hub.topic", feed.url);
        request.put("hub.callback", callback(feedId));
        request.put("hub.secret", feed.websubSecret);
        request.put("hub.lease_seconds", Long.toString(LEASE.toSeconds()));
        return request;
    }

    /**
     * The hub's verification of intent: the challenge to echo when Newsdesk asked for this (a subscription to this
     * feed's topic, still wanted) and the lease it grants is noted; null (answered 404) otherwise.
     */
    public String verify(long feedId, String mode, String topic, String challenge, String leaseSeconds, Instant now) {
        Feed feed = em.find(Feed.class, feedId);
        if (challenge == null || challenge.isBlank() || topic == null) {
            return null;
        }
        boolean wanted = feed != null && feed.active && feed.websubSecret != null && feed.url.equals(topic);
        if ("subscribe".equals(mode) && wanted) {
            long seconds;
            try {
                seconds = leaseSeconds == null ? LEASE.toSeconds() : Math.max(60, Math.min(Long.parseLong(leaseSeconds), Duration.ofDays(365).toSeconds()));
            } catch (NumberFormatException e) {
                seconds = LEASE.toSeconds();
            }
            feed.websubUntil = now.plusSeconds(seconds);
            return challenge;
        }
        if ("unsubscribe".equals(mode) && !wanted) {
            return challenge;
        }
        return null;
    }

    /** The hub says it refused the subscription: noted, so it is asked again later. */
    public void denied(long feedId) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed != null) {
            feed.websubUntil = null;
        }
    }

    /** The secret pushes for the feed are signed with, or null when none was asked for (or the feed is gone). */
    public String secret(long feedId) {
        Feed feed = em.find(Feed.class, feedId);
        return feed == null || !feed.active ? null : feed.websubSecret;
    }

    public String topic(long feedId) {
        Feed feed = em.find(Feed.class, feedId);
        return feed == null ? null : feed.url;
    }

    /**
     * Whether {@code signature} ({@code X-Hub-Signature: sha256=hex}) is the HMAC of {@code body} with the secret;
     * compared in constant time. SHA-1 is taken as older hubs send it.
     */
    public static boolean signed(String secret, byte[] body, String signature) {
        if (secret == null || signature == null || !signature.contains("=")) {
            return false;
        }
        String method = signature.substring(0, signature.indexOf('=')).strip().toLowerCase(Locale.ROOT);
        String algorithm = ALGORITHMS.get(method);
        if (algorithm == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), algorithm));
            byte[] expected = mac.doFinal(body);
            byte[] given = HexFormat.of().parseHex(signature.substring(signature.indexOf('=') + 1).strip().toLowerCase(Locale.ROOT));
            return MessageDigest.isEqual(expected, given);
        } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Files a pushed copy of the feed as a read of it would (articles kept once, stories, watches); how many were new. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int pushed(long feedId, FeedDocument document, Instant now, Duration storyWindow) {
        List<Long> added = ledger.storePushed(feedId, document, now);
        Set<Long> stories = ledger.cluster(added, now, storyWindow);
        ledger.coverage(stories);
        ledger.watch(added, now);
        return added.size();
    }

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    /** This bean through the container, so that {@link #ask} runs in its own transaction. */
    private WebSub self() {
        return context.getBusinessObject(WebSub.class);
    }
}
