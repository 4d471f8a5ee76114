package org.newsdesk.post;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.Role;

/**
 * What the compose page does in the background while an editor types (issue 13): keeps an autosave of the
 * draft (one per member of staff and post, replaced each time, never a revision), tells who else has the
 * post open, and finds other recent posts that quote the same source article.
 * <p>
 * Times are the database's own ({@code now(6)}) and come back as ages, so that no clock or zone of this
 * server's enters the comparison.
 */
@Stateless
@RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
public class ComposeAssist {

    private static final Logger LOG = Logger.getLogger(ComposeAssist.class.getName());

    /** The autosave of a post not saved yet: one per member of staff. */
    public static final long NEW_POST = 0;

    /** How long after its last report a compose page counts as open. */
    public static final Duration PRESENT = Duration.ofSeconds(60);

    /** How far back "this source was already quoted" looks. */
    public static final Duration RECENT = Duration.ofDays(7);

    /** The draft as it was autosaved, over which version of the post, and how long ago. */
    public record Autosave(PostDraft draft, long baseVersion, Duration age) implements java.io.Serializable {
    }

    /** Another post of ours that quotes an article this draft quotes. */
    public record Quote(String articleUrl, long postId, String headline, PostStatus status) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountService accounts;

    private static final Jsonb JSON = JsonbBuilder.create();

    /** The draft as JSON: what an autosave holds, and how the page tells whether the draft changed since. */
    public static String json(PostDraft draft) {
        return JSON.toJson(draft);
    }

    /** Replaces the caller's autosave of the post ({@link #NEW_POST} for one not saved yet). */
    public void autosave(long postId, long baseVersion, PostDraft draft) {
        em.createNativeQuery("insert into post_autosave (user_id, post_id, base_version, draft, saved_at)"
                        + " values (?1, ?2, ?3, ?4, now(6)) on duplicate key update base_version = values(base_version),"
                        + " draft = values(draft), saved_at = values(saved_at)")
                .setParameter(1, me())
                .setParameter(2, postId)
                .setParameter(3, baseVersion)
                .setParameter(4, json(draft))
                .executeUpdate();
    }

    /** The caller's autosave of the post, if there is one and it can still be read. */
    public Optional<Autosave> autosaved(long postId) {
        List<?> rows = em.createNativeQuery("select draft, base_version, timestampdiff(SECOND, saved_at, now(6))"
                        + " from post_autosave where user_id = ?1 and post_id = ?2")
                .setParameter(1, me())
                .setParameter(2, postId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        try {
            PostDraft draft = JSON.fromJson((String) row[0], PostDraft.class);
            return Optional.of(new Autosave(draft, ((Number) row[1]).longValue(), Duration.ofSeconds(((Number) row[2]).longValue())));
        } catch (JsonbException e) {
            // Written by an older Newsdesk whose draft had another shape: there is nothing to offer.
            LOG.log(Level.WARNING, "An autosave of post {0} could not be read and is ignored: {1}", new Object[] {postId, e.getMessage()});
            return Optional.empty();
        }
    }

    /** Forgets the caller's autosave of the post: it was saved for real, restored, or thrown away. */
    public void dropAutosave(long postId) {
        em.createNativeQuery("delete from post_autosave where user_id = ?1 and post_id = ?2")
                .setParameter(1, me())
                .setParameter(2, postId)
                .executeUpdate();
    }

    /**
     * Records that the caller has the post open now, and returns the names of the others who have it open,
     * as the compose page shows them.
     */
    public List<String> present(long postId) {
        org.newsdesk.account.User me = accounts.currentUser();
        em.createNativeQuery("insert into post_presence (post_id, user_id, seen_at) values (?1, ?2, now(6))"
                        + " on duplicate key update seen_at = values(seen_at)")
                .setParameter(1, postId)
                .setParameter(2, me.getId())
                .executeUpdate();
        return openBy(List.of(postId), me.getId()).getOrDefault(postId, List.of());
    }

    /** The caller has left the post's compose page (closed it, went elsewhere): no longer present on it. */
    public void leave(long postId) {
        em.createNativeQuery("delete from post_presence where post_id = ?1 and user_id = ?2")
                .setParameter(1, postId)
                .setParameter(2, accounts.currentUser().getId())
                .executeUpdate();
    }

    /** Who has each of these posts open on the compose page now, by display name. */
    public Map<Long, List<String>> openBy(Collection<Long> postIds) {
        return openBy(postIds, -1);
    }

    private Map<Long, List<String>> openBy(Collection<Long> postIds, long exceptUserId) {
        Map<Long, List<String>> open = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return open;
        }
        List<?> rows = em.createNativeQuery("select p.post_id, u.display_name from post_presence p join users u on u.id = p.user_id"
                        + " where p.post_id in (?1) and p.user_id <> ?3 and p.seen_at > now(6) - interval ?2 second"
                        + " order by u.display_name")
                .setParameter(1, postIds)
                .setParameter(2, PRESENT.toSeconds())
                .setParameter(3, exceptUserId)
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            open.computeIfAbsent(((Number) columns[0]).longValue(), id -> new java.util.ArrayList<>()).add((String) columns[1]);
        }
        open.replaceAll((id, names) -> List.copyOf(names));
        return open;
    }

    /**
     * Other posts created, changed or published in the last {@link #RECENT} that quote one of these article
     * addresses; the newest first, at most a few per address.
     */
    public List<Quote> quotedElsewhere(Collection<String> articleUrls, Long exceptPostId) {
        List<String> urls = articleUrls.stream().filter(url -> url != null && !url.isBlank()).map(String::strip).distinct().toList();
        if (urls.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct e.articleUrl, p.id, p.headline, p.status from Excerpt e join e.post p"
                        + " where e.articleUrl in :urls and p.id <> :except"
                        + " and (p.updatedAt >= :since or p.publishedAt >= :since) order by p.id desc", Object[].class)
                .setParameter("urls", urls)
                .setParameter("except", exceptPostId == null ? -1L : exceptPostId)
                .setParameter("since", Instant.now().minus(RECENT))
                .setMaxResults(20)
                .getResultStream()
                .map(row -> new Quote((String) row[0], (Long) row[1], (String) row[2], (PostStatus) row[3]))
                .toList();
    }

    private long me() {
        return accounts.currentUser().getId();
    }
}
