package org.newsdesk.comment.web;

import java.util.List;
import org.newsdesk.comment.Comment;
import org.newsdesk.comment.CommentWindow;
import org.newsdesk.post.Post;

/**
 * The page that carries a post's conversation, as the comment and report forms on it need it: the post,
 * whether it takes comments, and the comments shown. The public site's post page implements it, so the
 * forms depend on this rather than on the site that uses them (the arrow points from the site to comments).
 */
public interface CommentedPage {

    /** The post whose conversation this is, or null where the address names none a reader may see. */
    Post getPost();

    /** Whether the post takes comments now, and if not, since when. */
    CommentWindow getWindow();

    /** The comments on this page of the conversation. */
    List<Comment> getComments();
}
