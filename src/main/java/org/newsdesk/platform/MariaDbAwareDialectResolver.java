package org.newsdesk.platform;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks Hibernate's MariaDB dialect when MySQL Connector/J is talking to MariaDB. Connector/J reports
 * MariaDB 10.x as "MySQL 5.5.5-10.11.x-MariaDB", which Hibernate's own resolver takes for an unsupported
 * MySQL 5.5. Real MySQL servers fall through to Hibernate's standard resolution, so production on
 * MySQL 8 needs no setting at all.
 */
public class MariaDbAwareDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        DatabaseVersion mariaDb = mariaDbVersion(info.getDatabaseVersion());
        return mariaDb == null ? null : new MariaDBDialect(mariaDb);
    }

    /** The MariaDB version hidden in a product version such as {@code 5.5.5-10.11.19-MariaDB-0+deb12u1}. */
    static DatabaseVersion mariaDbVersion(String productVersion) {
        if (productVersion == null || !productVersion.contains("MariaDB")) {
            return null;
        }
        String version = productVersion.startsWith("5.5.5-") ? productVersion.substring(6) : productVersion;
        String[] parts = version.split("[.-]");
        try {
            return DatabaseVersion.make(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts.length > 2 && parts[2].chars().allMatch(Character::isDigit) ? Integer.parseInt(parts[2]) : 0);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }
}
