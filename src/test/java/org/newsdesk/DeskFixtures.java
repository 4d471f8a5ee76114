package org.newsdesk;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.newsdesk.account.LegacyPasswordHash;
import org.newsdesk.comment.CommentCounts;

/**
 * What client-side desk tests start from, written straight into the test server's database: staff
 * accounts with one role each, and copies of the demo post in any workflow state.
 */
public final class DeskFixtures {

    /** Every account made here signs in with this password. */
    public static final String PASSWORD = "fixture-password-1";

    /** Accents, Arabic and Hebrew (right to left), Greek, CJK and emoji (outside the BMP, with a skin tone). */
    public static final String EVERY_SCRIPT = "Crème brûlée à Zürich — مرحبا بالعالم — שלום עולם — Καλημέρα κόσμε — 你好，世界 — 👍🏽🗞️";

    private DeskFixtures() {
    }

    public static long user(String username, String name, String role) {
        List<List<Object>> existing = TestDatabase.query("select id from users where username = ?", username);
        if (!existing.isEmpty()) {
            return ((Number) existing.get(0).get(0)).longValue();
        }
        TestDatabase.update("insert into users (username, display_name, email, password_hash, created_at) values (?, ?, ?, ?, now())",
                username, name, username + "@newsdesk.invalid", LegacyPasswordHash.of(PASSWORD.toCharArray()));
        long id = userId(username);
        TestDatabase.update("insert into user_role (user_id, role) values (?, ?)", id, role);
        return id;
    }

    public static long userId(String username) {
        return ((Number) TestDatabase.single("select id from users where username = ?", username)).longValue();
    }

    /**
     * A copy of the demo post, with its excerpts and related links, in a workflow state: draft,
     * in-review, sent-back, scheduled (a month ahead), published or unpublished.
     */
    public static long demoPostCopy(String slug, String headline, Long author, String state) {
        long demo = ((Number) TestDatabase.single("select min(id) from post")).longValue();
        List<List<Object>> existing = TestDatabase.query("select id from post where slug = ?", slug);
        if (!existing.isEmpty()) {
            return ((Number) existing.get(0).get(0)).longValue();
        }
        String status = switch (state) {
            case "in-review" -> "IN_REVIEW";
            case "sent-back" -> "DRAFT";
            default -> state.toUpperCase();
        };
        TestDatabase.update("insert into post (slug, headline, section_id, status, author_id, created_at, updated_at, publish_at,"
                + " published_at, comments_open, review_note, version)"
                + " select ?, ?, section_id, ?, ?, now(), now(), ?, ?, true, ?, 0 from post where id = ?",
                slug, headline, status, author,
                state.equals("scheduled") ? Timestamp.from(Instant.now().plus(Duration.ofDays(30))) : null,
                state.equals("published") || state.equals("unpublished") ? Timestamp.from(Instant.now().minusSeconds(3600)) : null,
                state.equals("sent-back") ? "Walk: please add the Reuters dek." : null, demo);
        long id = ((Number) TestDatabase.single("select id from post where slug = ?", slug)).longValue();
        TestDatabase.update("insert into post_tag (post_id, tag_id) select ?, tag_id from post_tag where post_id = ?", id, demo);
        for (List<Object> excerpt : TestDatabase.query("select id from excerpt where post_id = ? order by position", demo)) {
            long from = ((Number) excerpt.get(0)).longValue();
            TestDatabase.update("insert into excerpt (post_id, position, outlet_id, article_url, original_published_on, dek, body,"
                    + " photo_id, caption, credit_line, length_override_reason) select ?, position, outlet_id, article_url,"
                    + " original_published_on, dek, body, photo_id, caption, credit_line, length_override_reason"
                    + " from excerpt where id = ?", id, from);
            long to = ((Number) TestDatabase.single("select max(id) from excerpt where post_id = ?", id)).longValue();
            TestDatabase.update("insert into related_link (excerpt_id, position, title, url)"
                    + " select ?, position, title, url from related_link where excerpt_id = ?", to, from);
        }
        return id;
    }

    /**
     * A top-level comment under the post, written straight to the database; returns its id. The post's
     * comment count is recounted as the application recounts it. Pages already in the page cache do not
     * know of it: nothing fired an event.
     */
    public static long comment(long post, String authorName, String authorEmail, String body, String status) {
        TestDatabase.update("insert into comment (post_id, author_name, author_email, body, status, depth, created_at)"
                + " values (?, ?, ?, ?, ?, 0, now())", post, authorName, authorEmail, body, status);
        long id = ((Number) TestDatabase.single("select max(id) from comment where post_id = ?", post)).longValue();
        recountComments(post);
        return id;
    }

    /** An approved reply to {@code parent}, in its thread, written straight to the database; returns its id. */
    public static long reply(long post, long parent, String authorName, String body) {
        TestDatabase.update("insert into comment (post_id, parent_id, thread_id, author_name, author_email, body, status, depth,"
                + " created_at) select post_id, id, coalesce(thread_id, id), ?, 'reply@example.org', ?, 'APPROVED', depth + 1, now()"
                + " from comment where id = ?", authorName, body, parent);
        long id = ((Number) TestDatabase.single("select max(id) from comment where post_id = ?", post)).longValue();
        recountComments(post);
        return id;
    }

    /** Many approved top-level comments at once (numbered from 1 in their text); recounts once. */
    public static void comments(long post, int count, String authorPrefix) {
        for (int i = 1; i <= count; i++) {
            TestDatabase.update("insert into comment (post_id, author_name, author_email, body, status, depth, created_at)"
                    + " values (?, ?, 'many@example.org', ?, 'APPROVED', 0, now())", post, authorPrefix + " " + i, "Comment " + i + ".");
        }
        recountComments(post);
    }

    /** The application's own recount of a post's comments ({@link CommentCounts#RECOUNT}). */
    public static void recountComments(long post) {
        TestDatabase.update(CommentCounts.RECOUNT.replace("?1", "?"), post, post);
    }
}
