package org.newsdesk.drift;

import jakarta.annotation.security.RolesAllowed;
import org.newsdesk.platform.Phrase;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.Role;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.post.Corrections;
import org.newsdesk.post.PostStatus;
import org.newsdesk.post.WorkflowException;

/** The desk's view of source changes: newest first, with the posts and excerpts that quote each source. */
@Stateless
@RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
public class SourceDrifts {

    public static final int PAGE_SIZE = 25;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountService accounts;

    @Inject
    private AuditLog audit;

    @EJB
    private Corrections corrections;

    /** An excerpt of one of our posts that quotes the changed source. */
    public record Quoting(long postId, String headline, PostStatus status, int excerptNumber, String outletName) implements Serializable {
    }

    /** One change and who quotes its source. */
    public record Row(SourceDrift drift, List<Quoting> quoting) implements Serializable {
    }

    /** What the monitor watches, for the page's heading. */
    public record Watch(long sources, long due, Instant lastRead) implements Serializable {
    }

    public List<Row> list(boolean open, int page) {
        List<SourceDrift> drifts = em.createQuery("select d from SourceDrift d where " + (open ? "d.handledAt is null" : "d.handledAt is not null")
                        + " order by d.foundAt desc, d.id desc", SourceDrift.class)
                .setFirstResult(Math.max(0, page - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        Map<String, List<Quoting>> byUrl = new HashMap<>();
        List<String> urls = drifts.stream().map(d -> d.getSource().getArticleUrl()).distinct().toList();
        if (!urls.isEmpty()) {
            for (Object[] row : em.createQuery("select e.articleUrl, p.id, p.headline, p.status, e.position, o.name from Excerpt e join e.post p"
                            + " left join e.outlet o where e.articleUrl in :urls order by p.publishedAt desc, e.position",
                    Object[].class).setParameter("urls", urls).getResultList()) {
                byUrl.computeIfAbsent((String) row[0], u -> new ArrayList<>())
                        .add(new Quoting((Long) row[1], (String) row[2], (PostStatus) row[3], ((Integer) row[4]) + 1, (String) row[5]));
            }
        }
        return drifts.stream().map(d -> new Row(d, byUrl.getOrDefault(d.getSource().getArticleUrl(), List.of()))).toList();
    }

    public long count(boolean open) {
        return em.createQuery("select count(d) from SourceDrift d where " + (open ? "d.handledAt is null" : "d.handledAt is not null"), Long.class)
                .getSingleResult();
    }

    public Watch watch() {
        Instant now = Instant.now(Clock.systemUTC());
        Object[] row = em.createQuery("select count(s), sum(case when s.nextCheckAt <= :now then 1 else 0 end), max(s.lastCheckedAt)"
                + " from SourceCheck s where s.watchUntil >= :now", Object[].class).setParameter("now", now).getSingleResult();
        return new Watch(((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue(), (Instant) row[2]);
    }

    /** Marks a change dealt with (nothing to tell readers, or the post was edited). */
    public void markHandled(long driftId) {
        SourceDrift drift = existing(driftId);
        if (!drift.isHandled()) {
            drift.handle(SourceDrift.Handling.HANDLED, accounts.currentUser().getId(), Instant.now(Clock.systemUTC()));
            audit.record("source.drift.handled", "source_drift", driftId, drift.getKind() + " " + drift.getSource().getArticleUrl());
        }
    }

    /** Adds a correction readers see to the post, and marks the change handled by it. */
    public void correct(long driftId, long postId, String note) {
        SourceDrift drift = existing(driftId);
        corrections.add(postId, note);
        drift.handle(SourceDrift.Handling.CORRECTED, accounts.currentUser().getId(), Instant.now(Clock.systemUTC()));
    }

    private SourceDrift existing(long driftId) {
        SourceDrift drift = em.find(SourceDrift.class, driftId);
        if (drift == null) {
            throw new WorkflowException(null, Phrase.of("sources.gone"));
        }
        return drift;
    }
}
