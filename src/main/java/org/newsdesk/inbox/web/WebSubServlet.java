package org.newsdesk.inbox.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Logger;
import org.newsdesk.inbox.FeedDocument;
import org.newsdesk.inbox.FeedFormats;
import org.newsdesk.inbox.FeedUnreadableException;
import org.newsdesk.inbox.InboxConfig;
import org.newsdesk.inbox.WebSub;

/**
 * {@code /websub/ID}, the callback WebSub hubs call for feed ID: a GET verifies Newsdesk's intent to subscribe
 * (the challenge echoed, or 404), a POST brings the feed's new content, filed when its signature is right. Any
 * POST within the size limit is answered 202 whatever it held, as the specification asks, so a hub learns
 * nothing from the answer; what was wrong is logged.
 */
@WebServlet("/websub/*")
public class WebSubServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(WebSubServlet.class.getName());
    /** The largest push read: a feed, not a site. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    @EJB
    private WebSub webSub;

    @Inject
    private InboxConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = feedId(request);
        if (id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String mode = request.getParameter("hub.mode");
        if ("denied".equals(mode)) {
            webSub.denied(id);
            LOG.info(() -> "WebSub: the hub refused the subscription of feed " + id + ": " + request.getParameter("hub.reason"));
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        String challenge = webSub.verify(id, mode, request.getParameter("hub.topic"), request.getParameter("hub.challenge"),
                request.getParameter("hub.lease_seconds"), Instant.now());
        if (challenge == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(challenge.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = feedId(request);
        if (id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
        String secret = webSub.secret(id);
        if (!WebSub.signed(secret, body, request.getHeader("X-Hub-Signature"))) {
            LOG.info(() -> "WebSub: a push for feed " + id + " came " + (secret == null ? "for a feed not subscribed" : "without a right signature")
                    + "; ignored");
            return;
        }
        try {
            String topic = webSub.topic(id);
            FeedDocument document = FeedFormats.read(body, request.getContentType(), URI.create(topic));
            int added = webSub.pushed(id, document, Instant.now(), config.storyWindow());
            LOG.fine(() -> "WebSub: feed " + id + " pushed " + document.entries().size() + " articles, " + added + " new");
        } catch (FeedUnreadableException e) {
            LOG.info(() -> "WebSub: a push for feed " + id + " could not be read: " + e.getMessage());
        }
    }

    private static Long feedId(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(path.substring(1));
    }
}
