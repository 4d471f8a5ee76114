package org.newsdesk.inbox.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.newsdesk.inbox.Inbox;
import org.newsdesk.inbox.InboxItem;

/**
 * {@code /admin/inbox/open?item=ID}: marks the article read for the person opening it and sends the browser to
 * the article. Only an article's stored address is ever the destination, so the link cannot be made to send
 * anyone elsewhere; the inbox's area constraint in {@code web.xml} keeps it to staff.
 */
@WebServlet("/admin/inbox/open")
public class InboxOpenServlet extends HttpServlet {

    @EJB
    private Inbox inbox;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("item"));
        } catch (NumberFormatException | NullPointerException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Which article? The address needs ?item= and its number.");
            return;
        }
        List<InboxItem> found = inbox.items(List.of(id));
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "That article is no longer in the inbox.");
            return;
        }
        inbox.markRead(List.of(id), true);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.sendRedirect(found.get(0).getUrl());
    }
}
