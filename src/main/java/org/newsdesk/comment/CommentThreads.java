package org.newsdesk.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

    /**
     * The same for one page of threads: the top-level comments in the order of {@code roots} (the page's
     * threads as the query found them), with any other top-level comment in the list (the reader's own,
     * held) where new threads go: last, or first when the newest come first.
     */
    static List<Comment> inThreadOrder(Collection<Comment> comments, List<Long> roots, boolean newestFirst) {
        List<Comment> ordered = inThreadOrder(comments);
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < roots.size(); i++) {
            rank.put(roots.get(i), i);
        }
        int held = newestFirst ? -1 : roots.size();
        // Stable: each comment keeps its place within its thread.
        List<Comment> sorted = new ArrayList<>(ordered);
        sorted.sort(Comparator.comparingInt(c -> rank.getOrDefault(c.getThreadId(), held)));
        return sorted;
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
