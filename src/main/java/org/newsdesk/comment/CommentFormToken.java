package org.newsdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.newsdesk.platform.Phrase;
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
 * String reportToken = formToken.issue(CommentFormToken.REPORT, postId, Instant.now());
 * </pre>
 * A token names what it is for, so a report form's token cannot post a comment, nor the other way round.
 */
@ApplicationScoped
public class CommentFormToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private CommentConfig config;

    @Inject
    private SiteKey siteKey;

    /** What a valid token vouches for. */
    public record Ticket(long postId, Instant shownAt, String nonce) {
    }

    /** What a token is for: the comment form (the default) or the report form. */
    public static final String COMMENT = "comment";
    public static final String REPORT = "report";

    public String issue(long postId, Instant now) {
        return issue(COMMENT, postId, now);
    }

    public Ticket check(String token, long postId, Instant now) {
        return check(COMMENT, token, postId, now);
    }

    public String issue(String purpose, long postId, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = prefix(purpose) + postId + ":" + now.getEpochSecond() + ":" + HexFormat.of().formatHex(nonce);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
        return encoded + "." + siteKey.sign(payload);
    }

    public Ticket check(String purpose, String token, long postId, Instant now) {
        Phrase expired = Phrase.of("comment.form.expired");
        Phrase invalid = Phrase.of("comment.form.invalid");
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
        if (!payload.startsWith(prefix(purpose))) {
            throw new CommentRefusedException(null, invalid);
        }
        String[] parts = payload.substring(prefix(purpose).length()).split(":");
        if (parts.length != 3 || !parts[0].equals(String.valueOf(postId)) || !parts[1].matches("\\d{1,12}")) {
            throw new CommentRefusedException(null, invalid);
        }
        Instant shownAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (shownAt.plus(config.formMaxAge()).isBefore(now)) {
            throw new CommentRefusedException(null, expired);
        }
        return new Ticket(postId, shownAt, parts[2]);
    }

    /** Comment tokens keep the original form (no prefix), so forms open when this was deployed stay good. */
    private static String prefix(String purpose) {
        return COMMENT.equals(purpose) ? "" : purpose + ":";
    }
}
