package org.newsdesk.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.newsdesk.platform.Phrase;

/**
 * Writes audit events in the caller's transaction, so an action and its record commit or roll back
 * together. The actor is the signed-in caller, or {@code anonymous} for readers and start-up tasks.
 */
@Stateless
public class AuditLog {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    public void record(String action, String objectType, Long objectId, String detail) {
        recordAs(callerName(), action, objectType, objectId, detail);
    }

    /** An event whose detail is worded when it is shown, in the desk language of whoever reads it. */
    public void record(String action, String objectType, Long objectId, Phrase detail) {
        recordAs(callerName(), action, objectType, objectId, detail);
    }

    public void recordAs(String actor, String action, String objectType, Long objectId, Phrase detail) {
        recordAs(actor, action, objectType, objectId, detail.stored(10_000));
    }

    public void recordAs(String actor, String action, String objectType, Long objectId, String detail) {
        String shortDetail = detail != null && detail.length() > 10_000 ? detail.substring(0, 10_000) : detail;
        em.persist(new AuditEvent(Instant.now(Clock.systemUTC()), actor, action, objectType, objectId, shortDetail));
    }

    public List<AuditEvent> forObject(String objectType, long objectId) {
        return em.createNamedQuery("AuditEvent.findByObject", AuditEvent.class)
                .setParameter("type", objectType)
                .setParameter("id", objectId)
                .getResultList();
    }

    private String callerName() {
        Principal caller = context.getCallerPrincipal();
        return caller == null || "ANONYMOUS".equals(caller.getName()) ? "anonymous" : caller.getName();
    }
}
