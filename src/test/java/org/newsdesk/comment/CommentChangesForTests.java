package org.newsdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test deployments only: remembers every CommentChanged event, as a page cache would receive them. */
@ApplicationScoped
public class CommentChangesForTests {

    private final List<CommentChanged> seen = new CopyOnWriteArrayList<>();

    void on(@Observes CommentChanged change) {
        seen.add(change);
    }

    public boolean saw(long commentId, CommentStatus status) {
        return seen.stream().anyMatch(c -> c.commentId() == commentId && c.status() == status);
    }
}
