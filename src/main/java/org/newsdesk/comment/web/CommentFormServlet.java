package org.newsdesk.comment.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.newsdesk.comment.CommentDraft;
import org.newsdesk.comment.CommentFormToken;
import org.newsdesk.platform.PageTags;
import org.newsdesk.site.SiteUrls;

/**
 * The comment form's own address, for comments.js; the form works without it (it is a Faces form, sent
 * to the post page), but a page of comments is not rendered again only to take one.
 * <ul>
 * <li>{@code GET /comment-form?post=12}: what the shared, cached post page leaves out of its comment form,
 * for this reader only: a fresh signed token (the form's CSRF protection and the start of its minimum
 * time), and the name, email and website this browser asked to have remembered. Asked for when the reader
 * starts writing.</li>
 * <li>{@code POST /comment-form?post=12} with the form's fields, as the form would send them: the comment,
 * taken through {@link CommentIntake} exactly as the form takes it (the same token, honeypot, rules and
 * cookies). The answer is {@code 200 {"comment": 7, "location": "/post/...?comment=7#comment-7"}} once it
 * is saved, or {@code 400 {"errors": [{"field": "email", "message": "..."}]}} (a null field is the whole
 * form's), for comments.js to show at the fields while everything typed stays in them. (Not 422: the
 * container knows no reason phrase for it and sends "422 CUSTOM".)</li>
 * </ul>
 * Never cached by anyone; readable and writable by the site's own pages only (no CORS, and a POST needs
 * a token that only a GET from this site gives).
 */
@WebServlet("/comment-form")
public class CommentFormServlet extends HttpServlet {

    @Inject
    private CommentFormToken formToken;

    @Inject
    private RememberedReader rememberedReader;

    @Inject
    private CommentIntake intake;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long post = post(request, response);
        if (post == null) {
            return;
        }
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("token", formToken.issue(post, Instant.now(Clock.systemUTC())));
        rememberedReader.details().ifPresent(details -> {
            answer.add("name", details.getName());
            answer.add("email", details.getEmail());
            answer.add("website", details.getWebsite() == null ? "" : details.getWebsite());
        });
        answer(response, HttpServletResponse.SC_OK, answer);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long post = post(request, response);
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
            JsonArrayBuilder errors = Json.createArrayBuilder();
            for (CommentIntake.Refusal refusal : sent.refusals()) {
                errors.add(Json.createObjectBuilder()
                        .add("field", refusal.field() == null ? JsonValue.NULL : Json.createValue(refusal.field()))
                        .add("message", refusal.message()));
            }
            answer(response, HttpServletResponse.SC_BAD_REQUEST, Json.createObjectBuilder().add("errors", errors));
            return;
        }
        long id = sent.comment().getId();
        answer(response, HttpServletResponse.SC_OK, Json.createObjectBuilder().add("comment", id).add("location",
                request.getContextPath() + SiteUrls.post(sent.comment().getPost().getSlug()) + "?comment=" + id
                        + "#comment-" + id));
    }

    /** The post named by {@code ?post=}, or null once a 400 has said it names none. */
    private static Long post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String post = request.getParameter("post");
        if (post == null || !post.matches("[1-9]\\d{0,17}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Which post? Add ?post= and its number.");
            return null;
        }
        return Long.valueOf(post);
    }

    /** A field as the form names it ({@code comment-form:name}); empty is null, as Faces takes it. */
    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(CommentFormBacking.FORM_ID + ":" + name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static void answer(HttpServletResponse response, int status, JsonObjectBuilder answer) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", PageTags.PRIVATE_CACHE_CONTROL);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(answer.build().toString());
    }
}
