package org.newsdesk.comment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.newsdesk.comment.CommentDraft;

/**
 * "Save my name, email and website in this browser": a cookie set only when a reader ticks the box and
 * sends a comment (never on a page view), read to fill in the form next time, and removed when they send
 * a comment with the box unticked. It holds only what the reader typed, so it needs no signature.
 */
@RequestScoped
public class RememberedReader {

    static final String COOKIE = "newsdesk_commenter";
    private static final int MAX_AGE_SECONDS = 365 * 24 * 3600;

    @Inject
    private HttpServletRequest request;

    /** Name, email and website from the cookie, if this browser carries one. */
    public Optional<CommentDraft> details() {
        Cookie[] cookies = request.getCookies();
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                try {
                    String[] parts = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8)
                            .split("\n", -1);
                    if (parts.length == 3) {
                        return Optional.of(new CommentDraft(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2], null));
                    }
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    public void remember(CommentDraft draft, HttpServletResponse response) {
        String value = String.join("\n", strip(draft.getName()), strip(draft.getEmail()), strip(draft.getWebsite()));
        set(response, Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
                MAX_AGE_SECONDS);
    }

    public void forget(HttpServletResponse response) {
        if (details().isPresent()) {
            set(response, "", 0);
        }
    }

    private void set(HttpServletResponse response, String value, int maxAge) {
        response.addCookie(HeldComments.readerCookie(request, COOKIE, value, maxAge));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip().replace("\n", " ");
    }
}
