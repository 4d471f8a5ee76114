package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsdesk.tools.TestFiles;

/**
 * The run command ({@code bin/run}, as the README gives it) under a supervisor's worst cases, on a home of its own:
 * its embedded database killed with SIGKILL is started again and the site serves within 10 s; the server killed
 * with SIGKILL leaves its database running, and the run command started again on the same home stops that one
 * and serves, with everything written before the crash (measured: about 0.5 s and 20 s here). A backup taken while
 * it runs ({@code bin/backup}) and restored into a fresh home ({@code bin/restore}) is the same site.
 */
class RunCommandIT {

    private static final Path BUILD = Path.of("target").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void killedDatabaseOrKilledServerTheSiteServesAgainWithNothingLostAndNothingToCleanByHand() throws Exception {
        Path home = Files.createDirectories(BUILD.resolve("run-command-it")).resolve("home-" + System.nanoTime());
        int port = freePort();
        int dbPort = freePort();
        Process first = runCommand(home, port, dbPort, home.resolveSibling(home.getFileName() + "-first.log"));
        Process second = null;
        Process third = null;
        try {
            awaitReady(first, home.resolveSibling(home.getFileName() + "-first.log"));
            URI search = URI.create("http://127.0.0.1:" + port + "/search?q=militias");
            assertEquals(200, status(search));
            for (String path : new String[] {"/", "/health/ready", "/no-such-page", "/login"}) {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertEquals(java.util.Optional.empty(), answer.headers().firstValue("Server"), path + " names the server software");
                assertEquals(java.util.Optional.empty(), answer.headers().firstValue("X-Powered-By"), path);
            }
            try (Connection db = connect(home, dbPort); Statement sql = db.createStatement()) {
                sql.execute("insert into comment (post_id, author_name, author_email, body, status, created_at)"
                        + " select min(id), 'Reader ✓ قارئ', 'reader@example.org', 'Kept by the backup — נשמר 🚀', 'APPROVED', utc_timestamp() from post");
                sql.execute("insert into comment_count (post_id, shown, threads) select min(id), 1, 1 from post"
                        + " on duplicate key update shown = shown + 1, threads = threads + 1");
            }
            long posts = posts(home, dbPort);
            assertTrue(posts > 0, "the demo post is there");
            java.util.Map<String, Long> before = contents(home, dbPort);

            // 0. A backup while it runs.
            Path backups = home.resolveSibling(home.getFileName() + "-backups");
            String backedUp = command(List.of("bin/backup", backups.toString()), java.util.Map.of("NEWSDESK_HOME", home.toString()));
            assertTrue(backedUp.contains("Backed up to "), backedUp);
            Path backup;
            try (java.util.stream.Stream<Path> made = Files.list(backups)) {
                backup = made.findFirst().orElseThrow();
            }

            // 1. The database dies: started again, the site serves within 10 s.
            ProcessHandle database = ProcessHandle.of(Long.parseLong(Files.readString(home.resolve("mariadb.pid")).strip())).orElseThrow();
            long killed = System.nanoTime();
            database.destroyForcibly();
            database.onExit().get(10, TimeUnit.SECONDS);
            int answer = 0;
            while (answer != 200 && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(100);
                answer = status(URI.create("http://127.0.0.1:" + port + "/search?q=militias+" + System.nanoTime()));
            }
            assertEquals(200, answer, "the site serves again within 10 s of its database's death");
            assertEquals(posts, posts(home, dbPort), "nothing lost");

            // 2. The server dies outright: its database stays behind, holding the port.
            ProcessHandle left = ProcessHandle.of(Long.parseLong(Files.readString(home.resolve("mariadb.pid")).strip())).orElseThrow();
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertTrue(left.isAlive(), "SIGKILL of the server leaves its database running (the case this is about)");

            Path secondLog = home.resolveSibling(home.getFileName() + "-second.log");
            second = runCommand(home, port, dbPort, secondLog);
            awaitReady(second, secondLog);
            assertFalse(left.isAlive(), "the database left behind was stopped");
            assertTrue(Files.readString(secondLog).contains("Stopping the embedded database a previous run left behind (process " + left.pid() + ")"));
            assertEquals(200, status(search));
            assertEquals(posts, posts(home, dbPort), "nothing lost");
            stop(second);

            // 3. The backup, restored into a fresh home, is the same site: posts, photos (files too) and comments.
            Path fresh = home.resolveSibling(home.getFileName() + "-restored");
            int freshDb = freePort();
            String restored = command(List.of("bin/restore", backup.toString()),
                    java.util.Map.of("NEWSDESK_HOME", fresh.toString(), "NEWSDESK_EMBEDDED_DB_PORT", String.valueOf(freshDb)));
            assertTrue(restored.contains("Restored "), restored);
            String again = command(List.of("bin/restore", backup.toString()),
                    java.util.Map.of("NEWSDESK_HOME", fresh.toString(), "NEWSDESK_EMBEDDED_DB_PORT", String.valueOf(freshDb)));
            assertTrue(again.contains("already holds a site") && again.contains("--replace"), "a site is never overwritten unasked: " + again);
            Path thirdLog = home.resolveSibling(home.getFileName() + "-restored.log");
            third = runCommand(fresh, port, freshDb, thirdLog);
            awaitReady(third, thirdLog);
            assertEquals(before, contents(fresh, freshDb));
            assertEquals(fileSums(home.resolve("media")), fileSums(fresh.resolve("media")), "every photo file, byte for byte");
            String post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/post/iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(post.contains("Kept by the backup — נשמר 🚀"), "the comment is on the restored site");
            java.util.regex.Matcher photo = java.util.regex.Pattern.compile("/media/[A-Za-z0-9_-]+/medium").matcher(post);
            assertTrue(photo.find(), "the post shows its photo");
            assertEquals(200, status(URI.create("http://127.0.0.1:" + port + photo.group())));
        } finally {
            if (third != null) {
                stop(third);
            }
            stop(first);
            if (second != null) {
                stop(second);
            }
            TestFiles.delete(home); // the database's binaries alone are 200 MB
            TestFiles.delete(home.resolveSibling(home.getFileName() + "-backups"));
            TestFiles.delete(home.resolveSibling(home.getFileName() + "-restored"));
        }
    }


    private static Process runCommand(Path home, int port, int dbPort, Path log) throws IOException {
        ProcessBuilder command = new ProcessBuilder(Path.of("bin", "run").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The suite's own server's settings are not the run command's.
        command.environment().keySet().removeIf(name -> name.startsWith("NEWSDESK_"));
        command.environment().put("NEWSDESK_HOME", home.toString());
        command.environment().put("NEWSDESK_PORT", String.valueOf(port));
        command.environment().put("NEWSDESK_EMBEDDED_DB_PORT", String.valueOf(dbPort));
        command.environment().put("NEWSDESK_ADMIN_PASSWORD", "Run-command-passphrase-4471");
        return command.start();
    }

    private static void awaitReady(Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!Files.readString(log).contains("Newsdesk is ready")) {
            assertTrue(server.isAlive(), () -> "the run command ended: " + tail(log));
            assertTrue(System.nanoTime() < deadline, () -> "not ready after 4 minutes: " + tail(log));
            Thread.sleep(250);
        }
    }

    private int status(URI page) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long posts(Path home, int dbPort) throws Exception {
        return contents(home, dbPort).get("post");
    }

    private static Connection connect(Path home, int dbPort) throws Exception {
        String password = Files.readString(home.resolve("db-password")).strip();
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + dbPort + "/newsdesk?sslMode=DISABLED", "newsdesk", password);
    }

    /** What a newsroom would miss: each table's rows, and the comments' words. */
    private static java.util.Map<String, Long> contents(Path home, int dbPort) throws Exception {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection db = connect(home, dbPort); Statement sql = db.createStatement()) {
            for (String table : List.of("post", "excerpt", "photo", "photo_variant", "comment", "users", "outlet", "audit_event")) {
                try (ResultSet count = sql.executeQuery("select count(*) from " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
            try (ResultSet words = sql.executeQuery("select coalesce(sum(crc32(body)), 0) from comment")) {
                words.next();
                counts.put("comment words", words.getLong(1));
            }
        }
        return counts;
    }

    private static java.util.Map<String, String> fileSums(Path dir) throws Exception {
        java.util.Map<String, String> sums = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(dir.relativize(file).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return sums;
    }

    /** Runs one of the README's commands to its end, with these settings; what it said. */
    private static String command(List<String> command, java.util.Map<String, String> settings) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("NEWSDESK_"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        String said = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " ends");
        return said;
    }

    /** SIGTERM, as a supervisor stops it, then by force; and whatever database it left. */
    private static void stop(Process server) throws InterruptedException {
        java.util.List<ProcessHandle> children = server.descendants().toList();
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(Path log) {
        try {
            java.util.List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
