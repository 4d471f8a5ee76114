package org.newsdesk.comment.web;

import jakarta.inject.Inject;
import org.newsdesk.platform.Texts;
import org.newsdesk.platform.SiteLanguage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.newsdesk.comment.CommentDraft;

/**
 * The comment form as comments.js sends it: to the post page's own address, as the form itself goes, but
 * asking for JSON ({@code Accept: application/json}) and naming the post ({@code post=12}). It is taken here,
 * ahead of Faces, through {@link CommentIntake} exactly as the form takes it (the same token, honeypot,
 * rules and cookies), without the page of comments that Faces would build again only to take it:
 * <ul>
 * <li>{@code 200 {"comment": 7, "location": "/post/...?comment=7#comment-7"}} once it is saved;</li>
 * <li>{@code 400 {"errors": [{"field": "email", "message": "..."}]}} (a null field is the whole form's), for
 * comments.js to show at the fields while everything typed stays in them. (Not 422: the container knows no
 * reason phrase for it and sends "422 CUSTOM".)</li>
 * </ul>
 * The address is the page's, where the form itself goes. Anything else, the form sent without JavaScript
 * included, passes on to Faces. (A POST sent by fetch does not make the browser drop its cached copy of the
 * page, as the form's own POST does; comments.js fetches the page again once the comment is taken.)
 */
@WebFilter(urlPatterns = "/post/*", asyncSupported = true)
public class CommentScriptFilter extends HttpFilter {

    @Inject
    private SiteLanguage language;

    @Inject
    private CommentIntake intake;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String accept = request.getHeader("Accept");
        if (!"POST".equals(request.getMethod()) || accept == null || !accept.startsWith("application/json")
                || request.getParameter(CommentFormBacking.FORM_ID) == null) {
            chain.doFilter(request, response);
            return;
        }
        Long post = CommentFormServlet.post(request, response);
        if (post == null) {
            return;
        }
        CommentDraft draft = new CommentDraft(field(request, "name"), field(request, "email"), field(request, "website"),
                field(request, "body"));
        draft.setNotifyOnApproval(field(request, "notify") != null);
        String parent = field(request, "parent");
        List<CommentIntake.Refusal> refusals = intake.slips(parent, draft);
        CommentIntake.Sent sent = refusals.isEmpty()
                ? intake.send(post, parent, draft, request.getParameter("token"), field(request, "remember") != null, response)
                : new CommentIntake.Sent(null, refusals);
        if (sent.comment() == null) {
            Texts words = Texts.of(Texts.Family.SITE, language.locale());
            JsonArrayBuilder errors = Json.createArrayBuilder();
            for (CommentIntake.Refusal refusal : sent.refusals()) {
                errors.add(Json.createObjectBuilder()
                        .add("field", refusal.field() == null ? JsonValue.NULL : Json.createValue(refusal.field()))
                        .add("message", words.say(refusal.message())));
            }
            CommentFormServlet.answer(response, HttpServletResponse.SC_BAD_REQUEST, Json.createObjectBuilder().add("errors", errors));
            return;
        }
        CommentFormServlet.answer(response, HttpServletResponse.SC_OK, Json.createObjectBuilder()
                .add("comment", sent.comment().getId()).add("location", request.getContextPath() + sent.url()));
    }

    /** A field as the form names it ({@code comment-form:name}); empty is null, as Faces takes it. */
    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(CommentFormBacking.FORM_ID + ":" + name);
        return value == null || value.isEmpty() ? null : value;
    }
}
