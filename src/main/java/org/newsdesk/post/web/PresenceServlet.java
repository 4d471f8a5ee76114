package org.newsdesk.post.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.newsdesk.post.ComposeAssist;

/**
 * {@code POST /admin/posts/leave?post=ID}: the compose page says, as it is put away ({@code pagehide}, by
 * {@code navigator.sendBeacon}), that this member of staff left the post, so that the others stop seeing them
 * "also editing now" at once rather than a minute later. Only the caller's own presence goes; a request from
 * another site (which a beacon could be) is refused, as it carries no {@code Sec-Fetch-Site: same-origin}.
 * The posts area's constraint in {@code web.xml} keeps it to staff.
 */
@WebServlet("/admin/posts/leave")
public class PresenceServlet extends HttpServlet {

    @EJB
    private ComposeAssist assist;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !"same-origin".equals(site)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String post = request.getParameter("post");
        if (post == null || !post.matches("\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        assist.leave(Long.parseLong(post));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
