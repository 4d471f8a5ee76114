package org.newsdesk.newsletter.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.newsdesk.newsletter.NewsletterRefusedException;
import org.newsdesk.newsletter.NewsletterService;

/**
 * Leaving with one click. A mail program's one-click unsubscribe (RFC 8058: a POST of
 * {@code List-Unsubscribe=One-Click} to the {@code List-Unsubscribe} address) ends the subscription and answers 200
 * with no page and no session; the visible link in the mail (a GET) ends it too and shows the subscriber's page,
 * which offers to subscribe again. A token that is not ours is a 404.
 */
@WebServlet("/newsletter/unsubscribe")
public class UnsubscribeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private NewsletterService newsletter;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!leave(request, response)) {
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("Unsubscribed.\n");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (leave(request, response)) {
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(request.getContextPath() + "/newsletter/manage?t="
                    + URLEncoder.encode(request.getParameter("t"), StandardCharsets.UTF_8) + "&done=left");
        }
    }

    private boolean leave(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            newsletter.leave(request.getParameter("t"));
            return true;
        } catch (NewsletterRefusedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return false;
        }
    }
}
