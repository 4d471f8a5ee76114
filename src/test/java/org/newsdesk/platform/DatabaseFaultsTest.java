package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DatabaseFaultsTest {

    @Test
    void theDatabaseIsTriedAgainAfterOneTwoFourEightSixteenAndThenEveryThirtySeconds() {
        List<Long> waits = new ArrayList<>();
        for (int failures = 1; failures <= 8; failures++) {
            waits.add(DatabaseMigrations.waitAfter(failures).toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), waits);
    }

    @Test
    void theDatabaseIsNamedInTheLogWithoutItsParametersOrPassword() {
        System.setProperty("newsdesk.db.url", "jdbc:mysql://newsdesk:s3cret@db.internal:3306/news?password=s3cret&sslMode=REQUIRED");
        try {
            assertEquals("db.internal:3306/news", NewsdeskDataSource.address());
        } finally {
            System.clearProperty("newsdesk.db.url");
        }
        assertEquals("127.0.0.1:3307/newsdesk", NewsdeskDataSource.address(), "the run command's embedded database");
    }

    @Test
    void aConnectionThatCannotBeHadIsAnOutageAndARefusedStatementIsNot() {
        Exception refused = new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Error in allocating a connection", new ConnectException("Connection refused")));
        assertTrue(Faults.databaseUnreachable(refused));
        assertTrue(Faults.databaseUnreachable(new SQLException("Communications link failure", "08S01")));
        assertFalse(Faults.databaseUnreachable(new RuntimeException("could not execute statement",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))));
        assertEquals("ConnectException: Connection refused", Faults.firstLine(refused));
        assertEquals("SQLException: first line", Faults.firstLine(new SQLException("first line\n\nsecond line")));
    }

    @Test
    void aDatabaseThatCouldNotBeAskedIsSpokenToAsConfigured() {
        assertEquals("MariaDBDialect", DialectFallback.configured(null).getClass().getSimpleName());
        assertEquals("MySQLDialect", DialectFallback.configured(" MySQL ").getClass().getSimpleName());
        assertThrows(IllegalStateException.class, () -> DialectFallback.configured("oracle"));
    }

    @Test
    void repeatsWithinThePeriodAreCountedIntoTheNextLine() throws InterruptedException {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        List<String> lines = new ArrayList<>();
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        RepeatedFailures failures = new RepeatedFailures(Duration.ofMillis(200));
        for (int i = 0; i < 50; i++) {
            failures.log(log, "failed " + i);
        }
        Thread.sleep(250);
        failures.log(log, "failed again");
        assertEquals(List.of("failed 0", "failed again (and 49 more like it since the last line, left out)"), lines);
    }

    @Test
    void aMigrationThatCannotRunIsNotCalledAnUnreachableDatabase() {
        String unreachable = DatabaseMigrations.failureMessage("127.0.0.1:3306/newsdesk",
                new RuntimeException(new ConnectException("Connection refused")), 2, Duration.ofSeconds(2));
        assertTrue(unreachable.startsWith("Database at 127.0.0.1:3306/newsdesk not reachable (attempt 2: "), unreachable);
        String invalid = DatabaseMigrations.failureMessage("127.0.0.1:3306/newsdesk", new RuntimeException(
                "Validate failed: Migrations have failed validation\nMigration checksum mismatch for migration version 11\n"
                        + "-> Applied to database : 123\n-> Resolved locally    : 456"), 1, Duration.ofSeconds(1));
        assertEquals("Database at 127.0.0.1:3306/newsdesk reached, but its schema could not be migrated (attempt 1): Validate failed:"
                + " Migrations have failed validation Migration checksum mismatch for migration version 11 -> Applied to database : 123"
                + " -> Resolved locally    : 456; readers get the 503 page; next attempt in 1 s", invalid);
    }
}
