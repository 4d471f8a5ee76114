package org.newsdesk.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one database connection pool. Payara resolves {@code ${ENV=...}} at deploy time, so the server is
 * chosen by {@code NEWSDESK_DB_URL}, {@code NEWSDESK_DB_USER} and {@code NEWSDESK_DB_PASSWORD} without a
 * rebuild. The default is the embedded MariaDB that the run command starts on port 3307.
 */
@DataSourceDefinition(
        name = NewsdeskDataSource.JNDI_NAME,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${ENV=NEWSDESK_DB_URL:" + NewsdeskDataSource.DEFAULT_URL + "}",
        user = "${ENV=NEWSDESK_DB_USER:root}",
        password = "${ENV=NEWSDESK_DB_PASSWORD:}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true",
                // A database that hangs (a stopped process, a network that drops packets) must not hold a request
                // forever: 5 s to connect, 30 s for any one answer. Giving up still takes a few such waits, as the
                // pool rolls back and closes the connection (over a minute, measured), so DatabaseWatch finds a hung
                // database within seconds and the readers who come after get the 503 page at once.
                "connectTimeout=5000",
                "socketTimeout=30000",
                // Connector/J parses each statement's SQL when it is prepared, character by character; a page's
                // statements are always the same few, so the parse is kept per connection (about a tenth of
                // an uncached page's CPU before, measured with JFR).
                "cachePrepStmts=true",
                "prepStmtCacheSize=250",
                "prepStmtCacheSqlLimit=4096"
        })
@ApplicationScoped
public class NewsdeskDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/newsdesk";

    /** The embedded MariaDB of the run command. */
    public static final String DEFAULT_URL =
            "jdbc:mysql://127.0.0.1:3307/newsdesk?createDatabaseIfNotExist=true&sslMode=DISABLED&characterEncoding=UTF-8";

    /**
     * Where the database is, for log lines: host, port and database name of {@code NEWSDESK_DB_URL}, never its
     * parameters (they may hold a password).
     */
    public static String address() {
        String url = PlatformConfig.DB_URL.value();
        String rest = url.replaceFirst("^jdbc:[a-z:]+//", "");
        int end = rest.indexOf('?');
        rest = end < 0 ? rest : rest.substring(0, end);
        // A user:password@ in front of the host is not for the log either.
        return rest.substring(rest.lastIndexOf('@') + 1);
    }
}
