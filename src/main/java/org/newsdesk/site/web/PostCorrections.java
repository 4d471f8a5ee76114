package org.newsdesk.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.newsdesk.post.Correction;
import org.newsdesk.post.Corrections;

/** The corrections under a post, for the post page and the desk's preview: {@code #{postCorrections.of(post.id)}}. */
@Named
@RequestScoped
public class PostCorrections {

    @Inject
    private Corrections corrections;

    private Long postId;
    private List<Correction> found;

    public List<Correction> of(Long id) {
        if (id == null) {
            return List.of();
        }
        if (!id.equals(postId)) {
            postId = id;
            found = corrections.of(id);
        }
        return found;
    }
}
