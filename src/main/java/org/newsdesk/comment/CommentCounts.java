package org.newsdesk.comment;

import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many comments readers see under each post, and in how many threads, kept in {@code comment_count}
 * so that a page view reads one row instead of counting. Recounted from the comments after each change
 * readers can see commits, in a transaction of its own (as WordPress recounts {@code comment_count}): a
 * count taken inside the change's own transaction could miss a concurrent one, or deadlock with it.
 * Runs before the page cache hears of the change ({@link #ORDER}), so no page is rendered with the old count
 * after its invalidation.
 */
@Stateless
public class CommentCounts {

    /** Before the observers that react to a changed conversation (the page cache's). */
    public static final int ORDER = Interceptor.Priority.APPLICATION;

    /** Counted as readers see them: approved, not hidden by readers' reports. */
    public static final String RECOUNT = "insert into comment_count (post_id, shown, threads)"
            + " select ?1, count(*), coalesce(sum(parent_id is null), 0) from comment"
            + " where post_id = ?1 and status = 'APPROVED' and hidden_by_reports = false"
            + " on duplicate key update shown = values(shown), threads = values(threads)";

    @PersistenceContext
    private EntityManager em;

    /** What a post's page shows of its conversation's size. */
    public record Count(long shown, long threads) {
        static final Count NONE = new Count(0, 0);

        /** How many pages of {@code perPage} threads the conversation fills: at least one (0 per page: all on one). */
        public int pages(int perPage) {
            return perPage <= 0 ? 1 : (int) Math.max(1, (threads + perPage - 1) / perPage);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recount(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(ORDER) CommentChanged change) {
        recount(change.postId());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recount(long postId) {
        em.createNativeQuery(RECOUNT).setParameter(1, postId).executeUpdate();
    }

    public Count of(long postId) {
        List<?> rows = em.createNativeQuery("select shown, threads from comment_count where post_id = ?1")
                .setParameter(1, postId).getResultList();
        if (rows.isEmpty()) {
            return Count.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Count(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Comments shown per post, for lists of posts. */
    public Map<Long, Long> shown(Collection<Long> postIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!postIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select post_id, shown from comment_count where post_id in (:ids)")
                    .setParameter("ids", List.copyOf(postIds)).getResultList();
            for (Object[] row : rows) {
                counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
        }
        return counts;
    }
}
