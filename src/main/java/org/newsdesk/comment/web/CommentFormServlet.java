package org.newsdesk.comment.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.newsdesk.comment.CommentFormToken;
import org.newsdesk.platform.PageTags;

/**
 * {@code GET /comment-form?post=12}: what the shared, cached post page leaves out of its comment form,
 * for this reader only: a fresh signed token (the form's CSRF protection and the start of its minimum
 * time), and the name, email and website this browser asked to have remembered. comments.js asks for it
 * when the reader starts writing; the comment itself goes to the post page ({@link CommentScriptFilter}).
 * Never cached by anyone; readable by the site's own pages only (no CORS).
 */
@WebServlet("/comment-form")
public class CommentFormServlet extends HttpServlet {

    @Inject
    private CommentFormToken formToken;

    @Inject
    private RememberedReader rememberedReader;

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

    /** The post named by {@code ?post=}, or null once a 400 has said it names none. */
    static Long post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String post = request.getParameter("post");
        if (post == null || !post.matches("[1-9]\\d{0,17}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Which post? Add ?post= and its number.");
            return null;
        }
        return Long.valueOf(post);
    }

    static void answer(HttpServletResponse response, int status, JsonObjectBuilder answer) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", PageTags.PRIVATE_CACHE_CONTROL);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(answer.build().toString());
    }
}
