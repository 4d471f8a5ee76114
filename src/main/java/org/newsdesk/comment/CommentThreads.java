package org.newsdesk.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders comments for display: each comment followed by its replies, oldest first at every level.
 * A reply whose parent is not in the list (not approved) is not shown, nor are its replies.
 */
final class CommentThreads {

    private CommentThreads() {
    }

    static List<Comment> inThreadOrder(Collection<Comment> comments) {
        Map<Long, List<Comment>> children = new LinkedHashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : comments) {
            if (c.getParentId() == null) {
                roots.add(c);
            } else {
                children.computeIfAbsent(c.getParentId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Comment> ordered = new ArrayList<>(comments.size());
        roots.forEach(root -> append(root, children, ordered));
        return ordered;
    }

    private static void append(Comment comment, Map<Long, List<Comment>> children, List<Comment> ordered) {
        ordered.add(comment);
        children.getOrDefault(comment.getId(), List.of()).forEach(child -> append(child, children, ordered));
    }
}
