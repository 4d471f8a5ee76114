package org.newsdesk.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.newsdesk.comment.Comment;
import org.newsdesk.comment.CommentService;
import org.newsdesk.comment.web.HeldComments;
import org.newsdesk.post.Post;
import org.newsdesk.site.SiteService;
import org.newsdesk.site.SiteUrls;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Serves {@code post.xhtml} at {@code /post/{slug}}: one published post with its excerpts and its
 * conversation. Loads on first use rather than in a view action, because the comment form posts back
 * to this same stateless page and needs the post too.
 */
@Named("postPage")
@RequestScoped
public class PostPageBacking {

    @Inject
    private SiteService site;

    @Inject
    private CommentService commentService;

    @Inject
    private HeldComments heldComments;

    @Inject
    @Param(pathIndex = 0)
    private String slug;

    @Inject
    @Param(pathIndex = 1)
    private String extraPath;

    private Post post;
    private boolean loaded;
    private List<Comment> comments;

    public void onload() throws IOException {
        if (getPost() == null || extraPath != null) {
            Faces.responseSendError(404, "No such post");
        }
    }

    public Post getPost() {
        if (!loaded) {
            loaded = true;
            post = slug == null ? null : site.publishedPost(slug).orElse(null);
        }
        return post;
    }

    /** Approved comments in thread order, plus this reader's own comments still awaiting moderation. */
    public List<Comment> getComments() {
        if (comments == null) {
            comments = getPost() == null ? List.of() : commentService.thread(post.getId(), heldComments.ids());
        }
        return comments;
    }

    public long getApprovedCount() {
        return getComments().stream().filter(Comment::isApproved).count();
    }

    public String getCommentCountLabel() {
        long n = getApprovedCount();
        return n == 1 ? "1 Comment" : n + " Comments";
    }

    public String getUrl() {
        return SiteUrls.post(getPost().getSlug());
    }

    public int getMaxDepth() {
        return CommentService.maxDepth();
    }
}
