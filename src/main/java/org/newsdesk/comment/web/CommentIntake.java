package org.newsdesk.comment.web;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.comment.Comment;
import org.newsdesk.comment.CommentDraft;
import org.newsdesk.comment.CommentRefusedException;
import org.newsdesk.comment.CommentService;
import org.newsdesk.comment.rules.HoneypotRule;
import org.newsdesk.platform.ClientAddress;
import org.newsdesk.platform.Phrase;
import org.omnifaces.util.Exceptions;

/**
 * Takes one sending of the "Leave a Reply" form, whichever way it arrives: as the page's own form (Faces,
 * {@link CommentFormBacking}, the way without JavaScript) or from comments.js ({@link CommentScriptFilter},
 * which answers in JSON and spares the server the page). Both ask the same questions in the same order,
 * so a comment is taken or refused, with the same message at the same field, either way.
 *
 * <pre>
 * List&lt;Refusal&gt; slips = intake.slips(parent, draft);     // before anything is sent
 * Sent sent = intake.send(postId, parent, draft, token, remember, response);
 * sent.comment()  // taken (shown, or held and remembered in this browser), or null with sent.refusals()
 * sent.url()      // where the reader sees it
 * </pre>
 */
@RequestScoped
public class CommentIntake {

    static final Phrase NO_SUCH_PARENT = Phrase.of("comment.refused.noParent");

    /** What to tell the reader, next to {@code field} (a form field's name), or for the form when it is null. */
    public record Refusal(String field, Phrase message) {
    }

    /** The comment taken, or why not. */
    public record Sent(Comment comment, List<Refusal> refusals) {

        /** The taken comment's address (without the context path): the page of the post that shows it, at it. */
        public String url() {
            return comment.getPost().getPath() + "?comment=" + comment.getId() + "#comment-" + comment.getId();
        }
    }

    @Inject
    private CommentService comments;

    @Inject
    private Validator validator;

    @Inject
    private HeldComments heldComments;

    @Inject
    private RememberedReader rememberedReader;

    @Inject
    private HttpServletRequest request;

    /**
     * The reader's slips, answered at the fields before the comment is sent: the service would refuse them
     * too (its parameters are validated), but as a system exception that the container logs with a stack.
     */
    public List<Refusal> slips(String parent, CommentDraft draft) {
        List<Refusal> slips = new ArrayList<>();
        if (parent != null && !parent.isBlank() && parentId(parent) == null) {
            slips.add(new Refusal("parent", NO_SUCH_PARENT));
        }
        slips.addAll(atFields(validator.validate(draft)));
        return slips;
    }

    /**
     * Sends the comment to the service as this reader (their address and browser), and answers the browser
     * as the service decided: a held comment is remembered in the held-comments cookie so its author sees
     * it awaiting moderation, and the name, email and website are remembered or forgotten as the reader
     * ticked the box. Cookies are set only here, in answer to a POST; the shared pages never set one.
     */
    public Sent send(long postId, String parent, CommentDraft draft, String token, boolean remember,
                     HttpServletResponse response) {
        try {
            Comment comment = comments.submit(postId, parentId(parent), draft, token,
                    request.getParameter(HoneypotRule.FIELD), ClientAddress.of(request), request.getHeader("User-Agent"));
            if (!comment.isApproved()) {
                heldComments.remember(comment.getId(), response);
            }
            if (remember) {
                rememberedReader.remember(draft, response);
            } else {
                rememberedReader.forget(response);
            }
            return new Sent(comment, List.of());
        } catch (CommentRefusedException e) {
            return new Sent(null, List.of(new Refusal(e.field(), e.phrase())));
        } catch (EJBException e) {
            return new Sent(null, atFields(Optional.ofNullable(Exceptions.extract(e, ConstraintViolationException.class)).orElseThrow(() -> e)
                    .getConstraintViolations()));
        }
    }

    /** The reply target's id, if the form names one that could be a comment. */
    static Long parentId(String parent) {
        return parent != null && parent.matches("\\d{1,18}") ? Long.valueOf(parent) : null;
    }

    /**
     * Each broken constraint of the draft at its field. A constraint's message is a key of the site's words in
     * braces ({@code {comment.name.required}}); a size limit is the message's argument.
     */
    static List<Refusal> atFields(Set<? extends ConstraintViolation<?>> violations) {
        List<Refusal> refusals = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String field = null;
            for (Path.Node node : violation.getPropertyPath()) {
                field = node.getName();
            }
            refusals.add(new Refusal(field, Phrase.of(violation)));
        }
        return refusals;
    }
}
