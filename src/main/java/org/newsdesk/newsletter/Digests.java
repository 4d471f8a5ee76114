package org.newsdesk.newsletter;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.newsdesk.media.Photo;
import org.newsdesk.platform.Dates;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.platform.SiteLanguage;
import org.newsdesk.post.Excerpt;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostStatus;

/**
 * Builds sends: the day's digest, or one post as breaking news, for every confirmed subscriber, into the outbox.
 * A send is opened once per key across the cluster ({@code insert ignore} on its unique key), then built by whoever
 * holds its claim, a chunk of subscribers (by id) per transaction, so no list of subscribers is ever held whole and
 * a builder that stopped leaves its send to be taken over where it was; the outbox's unique (send, subscriber) keeps
 * a chunk built twice from mailing anyone twice.
 */
@Stateless
@PermitAll
public class Digests {

    /** The most posts one digest lists. */
    static final int MAX_POSTS = 40;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private MailOutbox outbox;

    @Inject
    private NewsletterLinks links;

    @Inject
    private SiteLanguage site;

    @Inject
    private PlatformConfig platform;

    /** Opens a send unless one with its key exists; true when this call opened it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean open(String key, NewsletterSend.Kind kind, Long postId, Instant since, Instant until) {
        return em.createNativeQuery("insert ignore into newsletter_send (kind, send_key, post_id, since, until, status, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, 'BUILDING', ?6)")
                .setParameter(1, kind.name()).setParameter(2, key).setParameter(3, postId).setParameter(4, since)
                .setParameter(5, until).setParameter(6, Instant.now()).executeUpdate() > 0;
    }

    public boolean exists(String key) {
        return !em.createQuery("select s.id from NewsletterSend s where s.sendKey = :key", Long.class).setParameter("key", key)
                .getResultList().isEmpty();
    }

    /** Where the next digest starts: where the last one ended. */
    public Optional<Instant> lastDigestUntil() {
        return Optional.ofNullable(em.createQuery("select max(s.until) from NewsletterSend s where s.kind = :digest", Instant.class)
                .setParameter("digest", NewsletterSend.Kind.DIGEST).getSingleResult());
    }

    /** Takes a send being built whose claim ran out (or was never made), for {@code lease}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> claim(Instant now, Duration lease, String by) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from newsletter_send where status = 'BUILDING'"
                        + " and (claimed_until is null or claimed_until < ?1) order by id limit 1 for update skip locked")
                .setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ids.get(0).longValue();
        em.createNativeQuery("update newsletter_send set claimed_until = ?1, started_by = ?2 where id = ?3")
                .setParameter(1, now.plus(lease)).setParameter(2, by).setParameter(3, id).executeUpdate();
        return Optional.of(id);
    }

    /**
     * Queues the next chunk of a send: up to {@code size} confirmed subscribers after the last one done, each a mail of
     * the posts of its sections (none when none of its sections had one). Returns whether more subscribers are left.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean buildChunk(long sendId, int size, Instant now, Duration lease) {
        NewsletterSend send = em.find(NewsletterSend.class, sendId);
        if (send == null || send.getStatus() != NewsletterSend.Status.BUILDING) {
            return false;
        }
        List<DigestMail.Item> items = items(send);
        send.posts(items.size());
        if (items.isEmpty()) {
            send.finished(NewsletterSend.Status.EMPTY, now);
            return false;
        }
        List<Subscriber> chunk = em.createQuery("select s from Subscriber s where s.status = :confirmed and s.id > :after order by s.id",
                        Subscriber.class)
                .setParameter("confirmed", SubscriberStatus.CONFIRMED).setParameter("after", send.getLastSubscriberId())
                .setMaxResults(size).getResultList();
        DigestMail.Masthead masthead = new DigestMail.Masthead(site.siteName(), site.logo(), platform.siteUrl());
        int queued = 0;
        for (Subscriber subscriber : chunk) {
            List<DigestMail.Item> theirs = send.getKind() == NewsletterSend.Kind.BREAKING || subscriber.isAllSections() ? items
                    : items.stream().filter(item -> item.sectionId() != null && subscriber.getSectionIds().contains(item.sectionId())).toList();
            if (theirs.isEmpty()) {
                continue;
            }
            Locale language = subscriber.getLanguage() == null ? site.locale() : Locale.forLanguageTag(subscriber.getLanguage());
            String token = links.token(NewsletterLinks.Purpose.MANAGE, subscriber.getId(), null);
            String unsubscribe = links.unsubscribeUrl(token);
            DigestMail.Rendered mail = DigestMail.render(send.getKind(), theirs, language, masthead,
                    Dates.dayIn(LocalDate.ofInstant(send.getUntil(), platform.zone()), language),
                    links.manageUrl(token), unsubscribe);
            outbox.queue(new OutboxMail(send.getKind() == NewsletterSend.Kind.BREAKING ? OutboxMail.Kind.BREAKING : OutboxMail.Kind.DIGEST,
                    subscriber.getId(), subscriber.getEmail(), mail.subject(), mail.text(), mail.html(), language.toLanguageTag(),
                    unsubscribe, links.host(), now).ofSend(sendId));
            queued++;
        }
        long last = chunk.isEmpty() ? send.getLastSubscriberId() : chunk.get(chunk.size() - 1).getId();
        send.built(last, queued, now.plus(lease));
        if (chunk.size() < size) {
            send.finished(NewsletterSend.Status.QUEUED, now);
            return false;
        }
        return true;
    }

    /** The posts of a send: for a digest, those published in its window, newest first; for breaking news, its post. */
    private List<DigestMail.Item> items(NewsletterSend send) {
        List<Post> posts;
        if (send.getKind() == NewsletterSend.Kind.BREAKING) {
            Post post = send.getPostId() == null ? null : em.find(Post.class, send.getPostId());
            posts = post == null || post.getStatus() != PostStatus.PUBLISHED ? List.of() : List.of(post);
        } else {
            posts = em.createQuery("select p from Post p where p.status = :published and p.publishedAt > :since and p.publishedAt <= :until"
                            + " order by p.publishedAt desc, p.id desc", Post.class)
                    .setParameter("published", PostStatus.PUBLISHED)
                    .setParameter("since", send.getSince() == null ? Instant.EPOCH : send.getSince())
                    .setParameter("until", send.getUntil())
                    .setMaxResults(MAX_POSTS).getResultList();
        }
        List<DigestMail.Item> items = new ArrayList<>();
        for (Post post : posts) {
            Excerpt lead = post.getLeadExcerpt();
            LinkedHashSet<String> outlets = new LinkedHashSet<>();
            post.getExcerpts().stream().filter(e -> e.getOutlet() != null).forEach(e -> outlets.add(e.getOutlet().getName()));
            Photo photo = lead == null ? null : lead.getPhoto();
            items.add(new DigestMail.Item(post.getId(), post.getSection() == null ? null : post.getSection().getId(), post.getHeadline(),
                    platform.siteUrl() + post.getPath(), lead == null ? null : lead.getDek(), List.copyOf(outlets),
                    photo == null ? null : platform.siteUrl() + "/media/" + photo.getPublicKey() + "/medium",
                    lead == null ? null : lead.getAltText(), lead == null ? null : lead.getStyledCredit()));
        }
        return items;
    }

    /** A published post an editor may send as breaking news. */
    public record PostChoice(long id, String headline) implements java.io.Serializable {
    }

    /** The latest published posts, newest first. */
    public List<PostChoice> recentPosts(int max) {
        return em.createQuery("select p.id, p.headline from Post p where p.status = :published order by p.publishedAt desc, p.id desc",
                        Object[].class).setParameter("published", PostStatus.PUBLISHED).setMaxResults(max).getResultList().stream()
                .map(row -> new PostChoice((Long) row[0], (String) row[1])).toList();
    }

    /** The headline of a send's post, for the desk. */
    public String headline(Long postId) {
        Post post = postId == null ? null : em.find(Post.class, postId);
        return post == null ? null : post.getHeadline();
    }

    /** The latest sends, newest first, for the desk. */
    public List<NewsletterSend> recent(int max) {
        return em.createQuery("select s from NewsletterSend s order by s.id desc", NewsletterSend.class).setMaxResults(max).getResultList();
    }
}
