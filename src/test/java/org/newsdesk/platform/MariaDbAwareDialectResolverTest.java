package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.hibernate.dialect.DatabaseVersion;
import org.junit.jupiter.api.Test;

class MariaDbAwareDialectResolverTest {

    @Test
    void findsMariaDbBehindConnectorJsMySqlFiveFiveFiveDisguise() {
        DatabaseVersion version = MariaDbAwareDialectResolver.mariaDbVersion("5.5.5-10.11.19-MariaDB-0+deb12u1");
        assertEquals(10, version.getMajor());
        assertEquals(11, version.getMinor());
        assertEquals(19, version.getMicro());
    }

    @Test
    void leavesRealMySqlToHibernate() {
        assertNull(MariaDbAwareDialectResolver.mariaDbVersion("8.4.3"));
        assertNull(MariaDbAwareDialectResolver.mariaDbVersion(null));
    }
}
