package org.newsdesk.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.newsdesk.comment.Comment;
import org.newsdesk.comment.CommentPage;
import org.newsdesk.comment.CommentService;
import org.newsdesk.comment.CommentWindow;
import org.newsdesk.comment.web.CommentedPage;
import org.newsdesk.comment.web.HeldComments;
import org.newsdesk.platform.PageNumber;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.post.Post;
import org.newsdesk.site.ArticleMetadata;
import org.newsdesk.site.PublicPages;
import org.newsdesk.site.SiteService;
import org.newsdesk.site.SiteSettings;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;
import org.omnifaces.util.Faces;

/**
 * Serves {@code post.xhtml} at {@code /post/{slug}}: one published post with its excerpts and one page of
 * its conversation ({@code ?page=2}; {@code ?comment=123} opens the page that shows comment 123). Loads on
 * first use rather than in a view action, because the comment form posts back to this same stateless page
 * and needs the post too.
 */
@Named("postPage")
@RequestScoped
public class PostPageBacking implements CommentedPage {

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

    @Inject
    @Param(name = "page")
    private ParamValue<Integer> pageParameter;

    @Inject
    @Param(name = "comment")
    private Long commentParameter;

    @Inject
    private PublicPages publicPages;

    @Inject
    private PlatformConfig platform;

    @Inject
    private SiteSettings settings;

    @Inject
    private PostCorrections corrections;

    private CommentWindow window;
    private Post post;
    private boolean loaded;
    private CommentPage commentPage;

    public void onload() throws IOException {
        if (getPost() == null || extraPath != null || PageNumber.of(pageParameter) < 1) {
            Faces.responseSendError(404, "No such post");
            return;
        }
        if (getCommentPage().page() > getCommentPage().pages()) {
            Faces.responseSendError(404, "No such page of comments");
            return;
        }
        // The same for every plain reader (PageTags decides which requests are); the form closing by age
        // changes the page without any event.
        publicPages.post(post, getWindow().isOpen() ? getWindow().closesAt() : null);
    }

    /** Whether the post takes comments now, and if not, since when (for the notice under the thread). */
    @Override
    public CommentWindow getWindow() {
        if (window == null) {
            window = getPost() == null ? new CommentWindow(false, null, 0) : commentService.commentWindow(post);
        }
        return window;
    }

    @Override
    public Post getPost() {
        if (!loaded) {
            loaded = true;
            post = slug == null ? null : site.publishedPost(slug).orElse(null);
        }
        return post;
    }

    /**
     * This page of the conversation: whole threads of approved comments, plus this reader's own comments
     * still awaiting moderation. {@code ?comment=} picks the page showing that comment.
     */
    public CommentPage getCommentPage() {
        if (commentPage == null) {
            if (getPost() == null) {
                commentPage = new CommentPage(List.of(), 1, 1, 0, false);
            } else {
                int page = PageNumber.orFirst(pageParameter);
                if (commentParameter != null) {
                    page = commentService.pageOf(post.getId(), commentParameter, heldComments.ids()).orElse(page);
                }
                commentPage = commentService.page(post.getId(), page, heldComments.ids());
            }
        }
        return commentPage;
    }

    @Override
    public List<Comment> getComments() {
        return getCommentPage().comments();
    }

    public long getApprovedCount() {
        return getCommentPage().shown();
    }

    public String getCommentCountLabel() {
        long n = getApprovedCount();
        return n == 1 ? "1 Comment" : n + " Comments";
    }

    public String getUrl() {
        return getPost().getPath();
    }

    /** The address of one page of the conversation: the post's own for the first. */
    public String pageUrl(int page) {
        return page <= 1 ? getUrl() : getUrl() + "?page=" + page;
    }

    /**
     * This page's own address, whole, for the canonical link: built on the configured site address
     * ({@code NEWSDESK_SITE_URL}), never on the request's host, so search engines and share cards get one address.
     */
    public String getCanonicalUrl() {
        return platform.siteUrl() + pageUrl(getCommentPage().page());
    }

    /** Open Graph and Twitter card tags for the post ({@link ArticleMetadata}). */
    public List<ArticleMetadata.Tag> getShareTags() {
        // Asked for on a post back too, while Faces decodes the page (ui:repeat): the post may be gone by then.
        return getPost() == null ? List.of()
                : ArticleMetadata.shareTags(post, settings.identity(), platform.siteUrl(), getCanonicalUrl());
    }

    /** The post as a NewsArticle based on its sources, and its breadcrumb, as JSON-LD safe inside a script element. */
    public String getJsonLd() {
        return getPost() == null ? "" : ArticleMetadata.jsonLd(post, corrections.of(post), settings.identity(), platform.siteUrl(),
                getCanonicalUrl());
    }

    public int getMaxDepth() {
        return CommentService.maxDepth();
    }
}
