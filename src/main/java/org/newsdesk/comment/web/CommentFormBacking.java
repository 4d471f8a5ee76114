package org.newsdesk.comment.web;

import jakarta.annotation.PostConstruct;
import org.newsdesk.platform.SiteWords;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.newsdesk.comment.Comment;
import org.newsdesk.comment.CommentDraft;
import org.newsdesk.comment.CommentFormToken;
import org.newsdesk.comment.CommentRefusedException;
import org.newsdesk.comment.CommentWindow;
import org.newsdesk.comment.rules.HoneypotRule;
import org.newsdesk.platform.PageTags;
import org.newsdesk.post.Post;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The "Leave a Reply" form under a post. Post/Redirect/Get: a comment taken is followed by a redirect
 * back to the post, where it is shown, or (held) the held-comments cookie shows it awaiting moderation;
 * a comment refused is shown again with what the reader typed and a message at the field. Cookies are
 * only ever set in answer to a POST, so the page itself stays cookie-free and cacheable.
 */
@Named("commentForm")
@RequestScoped
public class CommentFormBacking {

    static final String FORM_ID = "comment-form";

    @Inject
    private SiteWords words;

    @Inject
    private CommentIntake intake;

    @Inject
    private CommentFormToken formToken;

    @Inject
    private CommentedPage postPage;

    @Inject
    private HttpServletRequest request;

    @Inject
    @Param(name = "replyto")
    private Long replyTo;

    @Inject
    private RememberedReader rememberedReader;

    private final CommentDraft draft = new CommentDraft();
    private String parent;
    private String token;
    private boolean remember;

    @Inject
    private PageTags pageTags;

    /**
     * A returning reader who asked to be remembered finds the form filled in: on a page of their own (a
     * reply link followed without JavaScript); the page every reader shares is filled in by comments.js.
     */
    @PostConstruct
    void fillInRememberedReader() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && !faces.isPostback() && !pageTags.isPlainRequest()) {
            rememberedReader.details().ifPresent(details -> {
                draft.setName(details.getName());
                draft.setEmail(details.getEmail());
                draft.setWebsite(details.getWebsite());
                remember = true;
            });
        }
    }

    /** Whether the post takes comments now, and if not, since when (for the notice under the thread). */
    public CommentWindow getWindow() {
        return postPage.getWindow();
    }

    public boolean isOpen() {
        return getWindow().isOpen();
    }

    /**
     * Whether the page carries the form: while the post takes comments, and whenever a reader has just
     * sent it, so that a comment sent as the post closed is answered at the form with its text, not lost.
     */
    public boolean isShown() {
        return isOpen() || FacesContext.getCurrentInstance().isPostback() && Faces.getRequestParameter(FORM_ID) != null;
    }

    /**
     * The reply target as the form carries it: from {@code ?replyto=} on a page view, from the hidden
     * field on a post. Kept as text so a forged value reaches the service's message at the field instead
     * of a Faces conversion error (which on this stateless view would drop what the reader typed).
     */
    public String getParent() {
        if (parent == null && replyTo != null
                && !FacesContext.getCurrentInstance().isPostback()) {
            parent = String.valueOf(replyTo);
        }
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    /** The reply target's id, if the form names one that could be a comment. */
    public Long getParentId() {
        return CommentIntake.parentId(getParent());
    }

    /**
     * A fresh signed token for each rendering of the form, except on the page every reader shares: there
     * comments.js fetches one from {@link CommentFormServlet} when the reader starts writing, and without
     * JavaScript the first press of the button answers with the form, a token in it, asking for a second.
     */
    public String getToken() {
        if (token == null) {
            Post post = postPage.getPost();
            token = post == null || pageTags.isPlainRequest() ? "" : formToken.issue(post.getId(), Instant.now(Clock.systemUTC()));
        }
        return token;
    }

    /**
     * The form sent back for a correction carries the token it came with, while that token is still good:
     * the reader's writing time keeps counting from when they started, and fixing a mistyped address at once
     * is not mistaken for a bot's haste (a fresh token held such a comment as "sent 0 s after the form").
     */
    private void keepWritingTime(Post post, String sentToken) {
        if (sentToken == null || sentToken.isBlank()) {
            return;
        }
        try {
            formToken.check(sentToken, post.getId(), Instant.now(Clock.systemUTC()));
            token = sentToken;
        } catch (CommentRefusedException forged) {
            // Not a good token: the form gets a fresh one, as before.
        }
    }

    /** The name of the comment being replied to, for "Replying to ..." */
    public String getReplyingTo() {
        Long id = getParentId();
        return id == null ? null : postPage.getComments().stream()
                .filter(c -> c.getId().equals(id) && c.isApproved())
                .map(Comment::getAuthorName).findFirst().orElse(null);
    }

    public void submit() throws IOException {
        Post post = postPage.getPost();
        if (post == null) {
            if (!Faces.isResponseComplete()) {
                Faces.responseSendError(404, "No such post");
            }
            return;
        }
        String sentToken = Faces.getRequestParameter("token");
        List<CommentIntake.Refusal> slips = intake.slips(parent, draft);
        if (!slips.isEmpty()) {
            keepWritingTime(post, sentToken);
            show(slips);
            return;
        }
        if (sentToken == null || sentToken.isBlank()) {
            // The shared page carries no token; without JavaScript this answer is the first to carry one.
            Messages.addGlobalInfo("comment.confirm", words.get("comments.submit"));
            return;
        }
        CommentIntake.Sent sent = intake.send(post.getId(), parent, draft, sentToken, remember, Faces.getResponse());
        if (sent.comment() == null) {
            show(sent.refusals());
            return;
        }
        Faces.redirect(request.getContextPath() + sent.url());
    }

    /** Each message at its field, or above the form; a reply target that is gone is dropped from the form. */
    private void show(List<CommentIntake.Refusal> refusals) {
        for (CommentIntake.Refusal refusal : refusals) {
            if (refusal.field() == null) {
                Messages.addGlobalError(words.say(refusal.message()));
            } else {
                Messages.addError(FORM_ID + ":" + refusal.field(), words.say(refusal.message()));
            }
            if ("parent".equals(refusal.field())) {
                parent = null;
            }
        }
    }

    public CommentDraft getDraft() {
        return draft;
    }

    public String getHoneypotField() {
        return HoneypotRule.FIELD;
    }

    public boolean isRemember() {
        return remember;
    }

    public void setRemember(boolean remember) {
        this.remember = remember;
    }
}
