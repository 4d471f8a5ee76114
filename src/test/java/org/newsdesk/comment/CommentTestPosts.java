package org.newsdesk.comment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Published posts of the comment tests' own, written straight to the database, so these tests never
 * change what the seed post's tests count. Published long ago, they sort after the seed post on the
 * front page.
 */
public final class CommentTestPosts {

    private CommentTestPosts() {
    }

    /** Creates (or finds) a published post with this slug and returns its id. */
    public static long published(String slug) {
        try (Connection c = DriverManager.getConnection(System.getenv("NEWSDESK_DB_URL"),
                System.getenv("NEWSDESK_DB_USER"), System.getenv("NEWSDESK_DB_PASSWORD"))) {
            try (PreparedStatement insert = c.prepareStatement("insert ignore into post (slug, headline, status, created_at,"
                    + " updated_at, published_at, comments_open, version) values (?, ?, 'PUBLISHED', '2001-01-01 10:00:00',"
                    + " '2001-01-01 10:00:00', '2001-01-01 10:00:00', true, 0)")) {
                insert.setString(1, slug);
                insert.setString(2, "Comment test: " + slug);
                insert.executeUpdate();
            }
            try (PreparedStatement find = c.prepareStatement("select id from post where slug = ?")) {
                find.setString(1, slug);
                var result = find.executeQuery();
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
