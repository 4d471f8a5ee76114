package org.newsdesk;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.newsdesk.comment.ModerationService;

/** Lets an in-container test act as a moderator, through the real, role-checked moderation service. */
@Stateless
@PermitAll
@RunAs("MODERATOR")
public class ModeratorForTests {

    @EJB
    private ModerationService moderation;

    @PersistenceContext
    private EntityManager em;

    /** Runs the action as a moderator: every call it makes to the moderation service is role-checked. */
    public <T> T act(java.util.function.Function<ModerationService, T> action) {
        return action.apply(moderation);
    }

    public long approveCommentBy(String authorName) {
        Long id = em.createQuery("select c.id from Comment c where c.authorName = :name", Long.class)
                .setParameter("name", authorName)
                .getSingleResult();
        moderation.approve(id);
        return id;
    }
}
