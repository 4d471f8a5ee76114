package org.newsdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.newsdesk.platform.Config;
import org.newsdesk.platform.SiteKey;

/**
 * The hidden token in every comment form. Public pages keep no session (so they can be cached), which
 * means Faces' view state cannot protect the form; instead the token carries the post, the time the
 * form was shown and a one-time nonce, signed with the site key. A forged, expired, reused or
 * transplanted token is refused.
 *
 * <pre>
 * String token = formToken.issue(postId, Instant.now());
 * CommentFormToken.Ticket ticket = formToken.check(token, postId, Instant.now()); // or CommentRefusedException
 * </pre>
 */
@ApplicationScoped
public class CommentFormToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration maxAge = Duration.ofHours(Config.integer("COMMENT_FORM_MAX_AGE_HOURS", 24));

    @Inject
    private SiteKey siteKey;

    /** What a valid token vouches for. */
    public record Ticket(long postId, Instant shownAt, String nonce) {
    }

    public String issue(long postId, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = postId + ":" + now.getEpochSecond() + ":" + HexFormat.of().formatHex(nonce);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
        return encoded + "." + siteKey.sign(payload);
    }

    public Ticket check(String token, long postId, Instant now) {
        String expired = "This form has expired. Your comment is still here: please send it again.";
        String invalid = "This form could not be verified. Please reload the page and send your comment again.";
        if (token == null || token.length() > 200 || token.indexOf('.') < 0) {
            throw new CommentRefusedException(null, invalid);
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new CommentRefusedException(null, invalid);
        }
        if (!siteKey.verify(payload, token.substring(token.indexOf('.') + 1))) {
            throw new CommentRefusedException(null, invalid);
        }
        String[] parts = payload.split(":");
        if (parts.length != 3 || Long.parseLong(parts[0]) != postId) {
            throw new CommentRefusedException(null, invalid);
        }
        Instant shownAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (shownAt.plus(maxAge).isBefore(now)) {
            throw new CommentRefusedException(null, expired);
        }
        return new Ticket(postId, shownAt, parts[2]);
    }
}
