package org.newsdesk.comment;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.platform.Config;
import org.newsdesk.platform.SiteKey;
import org.newsdesk.post.Post;

/** Takes readers' comments in, and answers what readers may see of a post's conversation. */
@Stateless
public class CommentService {

    /** How deep replies nest; a reply to a comment at the deepest level joins its parent's thread. */
    private static final int MAX_DEPTH = Config.integer("COMMENT_MAX_DEPTH", 3);

    public static int maxDepth() {
        return MAX_DEPTH;
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CommentFormToken formToken;

    @Inject
    private SiteKey siteKey;

    @Inject
    private AuditLog audit;

    /**
     * Stores a reader's comment, held for moderation. Refuses it, with a message for the reader, when
     * the form token is not good, the post takes no comments, or the parent is not a visible comment
     * of the same post.
     */
    public Comment submit(long postId, Long parentId, @NotNull @Valid CommentDraft draft, String token,
                          String clientAddress, String userAgent) {
        Instant now = Instant.now(Clock.systemUTC());
        CommentFormToken.Ticket ticket = formToken.check(token, postId, now);
        Post post = em.find(Post.class, postId);
        if (post == null || !post.isPublished()) {
            throw new CommentRefusedException(null, "This post is not published, so it cannot take comments.");
        }
        if (!post.isCommentsOpen()) {
            throw new CommentRefusedException(null, "Comments on this post are closed.");
        }
        Comment parent = parentId == null ? null : replyTarget(post, parentId);
        int spent = em.createNativeQuery("insert ignore into spent_form_token (nonce, spent_at) values (?1, ?2)")
                .setParameter(1, ticket.nonce())
                .setParameter(2, now)
                .executeUpdate();
        if (spent == 0) {
            throw new CommentRefusedException(null, "This comment has already been sent.");
        }
        Comment comment = new Comment(post, parent, draft, now);
        comment.recordClient(clientAddress == null ? null : siteKey.sign("address:" + clientAddress), userAgent);
        comment.hold("moderation-queue", "Every new comment waits for a moderator.");
        em.persist(comment);
        audit.recordAs("reader", "comment.submitted", "comment", comment.getId(),
                "on post " + postId + (parent == null ? "" : ", replying to comment " + parent.getId()));
        return comment;
    }

    /** The comment a reply attaches to: the parent itself, or its nearest ancestor that leaves room to nest. */
    private Comment replyTarget(Post post, long parentId) {
        Comment parent = em.find(Comment.class, parentId);
        if (parent == null || !parent.getPost().getId().equals(post.getId()) || !parent.isApproved()) {
            throw new CommentRefusedException("parent",
                    "The comment you are replying to is no longer available. You can post yours as a new comment.");
        }
        while (parent.getDepth() >= MAX_DEPTH - 1 && parent.getParent() != null) {
            parent = parent.getParent();
        }
        return parent;
    }

    /**
     * A post's conversation as readers see it, in thread order: approved comments, plus the held ones
     * listed in {@code alsoShow} (the reader's own comments still awaiting moderation).
     */
    public List<Comment> thread(long postId, Collection<Long> alsoShow) {
        List<Comment> comments = em.createNamedQuery("Comment.findApprovedOrListedForPost", Comment.class)
                .setParameter("postId", postId)
                .setParameter("alsoShow", alsoShow.isEmpty() ? List.of(-1L) : alsoShow)
                .getResultList();
        return CommentThreads.inThreadOrder(comments);
    }

    /** Approved comments per post, for the front page. */
    public Map<Long, Long> approvedCounts(Collection<Long> postIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!postIds.isEmpty()) {
            for (Object[] row : em.createNamedQuery("Comment.countApprovedByPost", Object[].class)
                    .setParameter("postIds", new ArrayList<>(postIds))
                    .getResultList()) {
                counts.put((Long) row[0], (Long) row[1]);
            }
        }
        return counts;
    }
}
