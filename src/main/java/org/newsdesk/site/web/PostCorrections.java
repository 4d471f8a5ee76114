package org.newsdesk.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.newsdesk.post.Correction;
import org.newsdesk.post.Corrections;
import org.newsdesk.post.Post;

/**
 * The corrections under a post, for the post page and the desk's preview: {@code #{postCorrections.of(post)}}. A post
 * knows how many it has ({@link Post#getCorrectionCount}), so one without any is not asked again.
 */
@Named
@RequestScoped
public class PostCorrections {

    @Inject
    private Corrections corrections;

    private Long postId;
    private List<Correction> found;

    public List<Correction> of(Post post) {
        if (post == null || post.getId() == null || post.getCorrectionCount() == 0) {
            return List.of();
        }
        Long id = post.getId();
        if (!id.equals(postId)) {
            postId = id;
            found = corrections.of(id);
        }
        return found;
    }
}
