package org.newsdesk.comment;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import org.newsdesk.audit.AuditLog;

/** What moderators do to comments. Every change is audited and announced to the caches. */
@Stateless
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
public class ModerationService {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<CommentChanged> changes;

    public Comment approve(long commentId) {
        return moderate(commentId, CommentStatus.APPROVED);
    }

    public Comment markSpam(long commentId) {
        return moderate(commentId, CommentStatus.SPAM);
    }

    public Comment trash(long commentId) {
        return moderate(commentId, CommentStatus.TRASH);
    }

    private Comment moderate(long commentId, CommentStatus status) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) {
            throw new IllegalArgumentException("No comment " + commentId);
        }
        CommentStatus before = comment.getStatus();
        comment.moderate(status, moderator(), Instant.now(Clock.systemUTC()));
        audit.record("comment." + status.name().toLowerCase(), "comment", commentId, before + " -> " + status);
        changes.fire(new CommentChanged(comment.getPost().getId(), commentId, status));
        return comment;
    }

    private User moderator() {
        try {
            return em.createNamedQuery("User.findByUsername", User.class)
                    .setParameter("username", context.getCallerPrincipal().getName())
                    .getSingleResult();
        } catch (NoResultException e) {
            return null;
        }
    }
}
