package org.newsdesk.source;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What every background reader of other sites (the drift monitor, the feed reader) shares through the
 * database, so that all of them on all instances count as one visitor: each host's next allowed request and
 * its robots.txt ({@code source_host}), and the leases that let one instance of a cluster run a job
 * ({@code job_lease}). Each call is its own transaction.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HostTurns {

    @PersistenceContext
    private EntityManager em;

    /** A host's robots.txt as last read: its status (0 when it could not be read) and text. */
    public record Robots(int status, byte[] body, Instant readAt) {
    }

    /** When the host may next be asked; the past when it never was. */
    public Instant readyAt(String host) {
        List<Instant> at = em.createNativeQuery("select next_request_at from source_host where host = ?1", Instant.class)
                .setParameter(1, host).getResultList();
        return at.isEmpty() ? Instant.EPOCH : at.get(0);
    }

    /** Notes that the host may not be asked before {@code nextRequestAt}; a later time another reader set stands. */
    public void used(String host, Instant nextRequestAt) {
        // The column keeps whole seconds: rounded up, so that no instance asks the host before the interval is over.
        Instant rounded = nextRequestAt.getNano() == 0 ? nextRequestAt : nextRequestAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        em.createNativeQuery("insert into source_host (host, next_request_at) values (?1, ?2)"
                        + " on duplicate key update next_request_at = greatest(next_request_at, values(next_request_at))")
                .setParameter(1, host).setParameter(2, rounded).executeUpdate();
    }

    public Robots robots(String host) {
        List<Object[]> rows = em.createNativeQuery("select robots_status, robots, robots_read_at from source_host where host = ?1 and robots_read_at is not null",
                Object[].class).setParameter(1, host).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        Object readAt = row[2];
        Instant at = readAt instanceof Instant i ? i : readAt instanceof java.sql.Timestamp t ? t.toInstant()
                : ((LocalDateTime) readAt).toInstant(ZoneOffset.UTC);
        return new Robots(((Number) row[0]).intValue(), (byte[]) row[1], at);
    }

    public void saveRobots(String host, int status, byte[] body, Instant now) {
        em.createNativeQuery("insert into source_host (host, next_request_at, robots_status, robots, robots_read_at) values (?1, ?2, ?3, ?4, ?2)"
                        + " on duplicate key update robots_status = values(robots_status), robots = values(robots), robots_read_at = values(robots_read_at)")
                .setParameter(1, host).setParameter(2, now).setParameter(3, status).setParameter(4, body).executeUpdate();
    }

    /** Takes the lease {@code name} until {@code until}, unless another instance holds it; whether it was taken. */
    public boolean claim(String name, String holder, Instant now, Instant until) {
        return em.createNativeQuery("update job_lease set holder = ?1, held_until = ?2 where name = ?3 and held_until < ?4")
                .setParameter(1, holder).setParameter(2, until).setParameter(3, name).setParameter(4, now).executeUpdate() == 1;
    }

    /** Gives the lease back: free at once for any instance. */
    public void release(String name, String holder) {
        em.createNativeQuery("update job_lease set held_until = '2000-01-01' where name = ?1 and holder = ?2")
                .setParameter(1, name).setParameter(2, holder).executeUpdate();
    }

    /** {@code host:port} in lower case: what one request interval and one robots.txt cover; null for no host. */
    public static String host(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
