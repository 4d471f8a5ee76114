package org.newsdesk.drift;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.post.PostStatus;
import org.newsdesk.platform.TextLimit;
import org.newsdesk.source.HostTurns;

/**
 * What the drift monitor reads and writes, each call its own transaction, so that a run of many minutes
 * holds no transaction and a failure loses one check at most: the sources it watches, what each said when
 * last read and the changes found (hosts' turns and the run's lease are {@link HostTurns}'s).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DriftLedger {

    static final String LEASE = "source-drift";

    @PersistenceContext
    private EntityManager em;

    /** A source due for reading, with the validators of its last read. */
    public record Due(long id, String url, String host, String etag, String lastModified) {
    }

    /**
     * Watches the source of every excerpt of a post published since {@code now - window}, until the window
     * after the latest such post; returns how many sources are new.
     */
    public int enlist(Instant now, Duration window) {
        List<Object[]> quoted = em.createQuery("select e.articleUrl, max(p.publishedAt) from Excerpt e join e.post p"
                        + " where p.status = :published and p.publishedAt >= :since and e.articleUrl is not null group by e.articleUrl",
                Object[].class).setParameter("published", PostStatus.PUBLISHED).setParameter("since", now.minus(window)).getResultList();
        Map<String, Object[]> byHash = new HashMap<>();
        for (Object[] row : quoted) {
            String url = ((String) row[0]).strip();
            if (url.startsWith("http://") || url.startsWith("https://")) {
                byHash.put(hash(url), new Object[] {url, ((Instant) row[1]).plus(window)});
            }
        }
        // Sources no post has quoted for a month past the window, with nothing left to handle, are forgotten; the
        // audit log keeps how their changes were handled.
        em.createNativeQuery("delete from source_check where watch_until < ?1 and not exists (select 1 from source_drift d"
                + " where d.source_check_id = source_check.id and d.handled_at is null) limit 1000")
                .setParameter(1, now.minus(Duration.ofDays(30))).executeUpdate();
        int added = 0;
        List<String> hashes = new ArrayList<>(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += 500) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 500));
            Map<String, SourceCheck> known = new HashMap<>();
            em.createQuery("select s from SourceCheck s where s.urlHash in :hashes", SourceCheck.class)
                    .setParameter("hashes", chunk).getResultList().forEach(s -> known.put(s.urlHash, s));
            for (String h : chunk) {
                String url = (String) byHash.get(h)[0];
                Instant until = (Instant) byHash.get(h)[1];
                SourceCheck check = known.get(h);
                if (check == null) {
                    String host = host(url);
                    if (host != null) {
                        em.persist(new SourceCheck(url, h, host, now, until));
                        added++;
                    }
                } else if (until.isAfter(check.watchUntil)) {
                    check.watchUntil = until;
                }
            }
        }
        return added;
    }

    /** The sources due for reading, longest waiting first. */
    public List<Due> due(Instant now, int limit) {
        return em.createQuery("select s from SourceCheck s where s.nextCheckAt <= :now and s.watchUntil >= :now order by s.nextCheckAt, s.id",
                        SourceCheck.class).setParameter("now", now).setMaxResults(limit).getResultStream()
                .map(s -> new Due(s.getId(), s.getArticleUrl(), s.getHost(), s.etag, s.lastModified))
                .toList();
    }

    /** Records one read: the changes it found (each once), the page's state and when to read it again. */
    public List<DriftComparison.Change> record(long id, Observation seen, Instant now, Duration recheck) {
        SourceCheck check = em.find(SourceCheck.class, id);
        if (check == null) {
            return List.of();
        }
        List<DriftComparison.Change> recorded = new ArrayList<>();
        for (DriftComparison.Change change : DriftComparison.changes(check.known(), seen)) {
            String changeHash = hash(change.kind() + "\n" + (change.after() == null ? "" : change.after()));
            long already = em.createQuery("select count(d) from SourceDrift d where d.source = :source and d.changeHash = :hash", Long.class)
                    .setParameter("source", check).setParameter("hash", changeHash).getSingleResult();
            if (already == 0) {
                em.persist(new SourceDrift(check, change.kind(), TextLimit.shorten(change.before(), 2000),
                        TextLimit.shorten(change.after(), 2000), changeHash, now));
                recorded.add(change);
            }
        }
        check.lastCheckedAt = now;
        check.checks++;
        if (seen.error() != null) {
            check.failures++;
            check.lastError = TextLimit.shorten(seen.error(), 500);
            // Backs off a source that keeps failing: one more recheck interval for each failure, up to a week.
            check.nextCheckAt = now.plus(recheck.multipliedBy(Math.min(check.failures, 7)));
            return recorded;
        }
        check.failures = 0;
        check.lastError = null;
        check.nextCheckAt = now.plus(recheck);
        if (seen.status() == 304) {
            return recorded;
        }
        check.status = seen.status();
        if (seen.status() == 200) {
            check.finalUrl = TextLimit.shorten(seen.finalUrl(), 2000);
            check.headline = seen.headline() == null ? check.headline : TextLimit.shorten(seen.headline(), 1000);
            check.correction = TextLimit.shorten(seen.correction(), 1000);
            check.paywalled = seen.paywalled();
            check.etag = TextLimit.shorten(seen.etag(), 500);
            check.lastModified = TextLimit.shorten(seen.lastModified(), 100);
        } else {
            check.lastError = "answered " + seen.status();
        }
        return recorded;
    }

    /** A source not read this time, and why (robots.txt); it is tried again after the recheck interval. */
    public void skip(long id, String why, Instant now, Duration recheck) {
        SourceCheck check = em.find(SourceCheck.class, id);
        if (check != null) {
            check.lastError = TextLimit.shorten(why, 500);
            check.nextCheckAt = now.plus(recheck);
        }
    }

    static String host(String url) {
        return HostTurns.host(url);
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
