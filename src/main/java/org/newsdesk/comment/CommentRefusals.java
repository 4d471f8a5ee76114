package org.newsdesk.comment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.comment.rules.Verdict;

/**
 * Records comments a rule refused. A refusal rolls back the submission's transaction, so its audit
 * record is written in a transaction of its own.
 */
@Stateless
public class CommentRefusals {

    @Inject
    private AuditLog audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long postId, String authorEmail, Verdict verdict) {
        audit.recordAs("reader", "comment.refused", "post", postId,
                "rule " + verdict.rule() + ": " + verdict.reason() + " (author " + authorEmail + ")");
    }
}
