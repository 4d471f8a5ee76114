package org.newsdesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC to the database the test server uses (from NEWSDESK_DB_URL), so that client-side tests
 * can check what was really stored.
 */
public final class TestDatabase {

    static {
        try {
            Class.forName("com.mysql.cj.jdbc.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestDatabase() {
    }

    public static List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(System.getenv("NEWSDESK_DB_URL"),
                System.getenv("NEWSDESK_DB_USER"), System.getenv("NEWSDESK_DB_PASSWORD"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(System.getenv("NEWSDESK_DB_URL"),
                System.getenv("NEWSDESK_DB_USER"), System.getenv("NEWSDESK_DB_PASSWORD"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object single(String sql, Object... parameters) {
        List<List<Object>> rows = query(sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row from " + sql + " but got " + rows.size());
        }
        return rows.get(0).get(0);
    }
}
