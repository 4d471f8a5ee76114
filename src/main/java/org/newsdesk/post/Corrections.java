package org.newsdesk.post;

import jakarta.annotation.security.PermitAll;
import org.newsdesk.platform.Phrase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.Role;
import org.newsdesk.audit.AuditLog;

/**
 * Corrections under published posts: editors add them (from the source-changes page or the compose page),
 * readers see them under the post, oldest first. A correction is never edited away: it is the record.
 */
@Stateless
@RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
public class Corrections {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountService accounts;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<PostChanged> changes;

    /** Adds a correction readers see at once; refuses an empty or overlong note, or a post never published. */
    public Correction add(long postId, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new WorkflowException("correctionNote", Phrase.of("corrections.required"));
        }
        if (text.length() > Correction.MAX_NOTE) {
            throw new WorkflowException("correctionNote", Phrase.of("corrections.tooLong", Correction.MAX_NOTE));
        }
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw new WorkflowException("correctionNote", Phrase.of("corrections.deleted"));
        }
        if (post.getPublishedAt() == null) {
            throw new WorkflowException("correctionNote", Phrase.of("corrections.notPublished"));
        }
        Correction correction = new Correction(postId, text, Instant.now(Clock.systemUTC()), accounts.currentUser().getId());
        em.persist(correction);
        audit.record("post.corrected", "post", postId, text);
        changes.fire(new PostChanged(postId, post.getSlug(), post.getStatus(), PostChanged.Kind.REVISED, Set.of()));
        return correction;
    }

    /** A post's corrections, oldest first, as readers see them. */
    @PermitAll
    public List<Correction> of(long postId) {
        return em.createNamedQuery("Correction.findByPost", Correction.class).setParameter("postId", postId).getResultList();
    }
}
