package org.newsdesk.post;

import java.util.List;
import java.util.Map;

/**
 * One page of the desk's post list, with the number of posts in each status and of the drafts among them that
 * an editor sent back ({@link Post#isSentBack()}).
 */
public record DeskPage(List<Post> posts, int page, boolean hasNext, Map<PostStatus, Long> countsByStatus, long sentBack) {

    public long count(String status) {
        return countsByStatus.getOrDefault(PostStatus.valueOf(status), 0L);
    }

    public long total() {
        return countsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
