package org.newsdesk.platform;

import java.util.Map;
import java.util.logging.Logger;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.internal.DialectFactoryImpl;
import org.hibernate.engine.jdbc.dialect.spi.DialectFactory;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfoSource;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Lets Newsdesk start while its database is down. Hibernate asks the database which dialect to speak
 * while the application deploys; when it cannot reach it, it gives up, the deployment fails and the site
 * answers 404 until someone restarts it. Here Hibernate's own dialect factory is asked first, as ever;
 * only when the database could not be reached is the dialect taken from {@code NEWSDESK_DB_SERVER}
 * ({@code mariadb}, the default, or {@code mysql}), and the site waits for the database
 * ({@link DatabaseMigrations}) instead of failing.
 *
 * <p>Hibernate finds this through {@code META-INF/services/org.hibernate.service.spi.ServiceContributor}.
 */
public class DialectFallback implements ServiceContributor {

    private static final Logger LOG = Logger.getLogger(DialectFallback.class.getName());

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addInitiator(new StandardServiceInitiator<DialectFactory>() {
            @Override
            public Class<DialectFactory> getServiceInitiated() {
                return DialectFactory.class;
            }

            @Override
            public DialectFactory initiateService(Map<String, Object> settings, ServiceRegistryImplementor services) {
                return new Factory();
            }
        });
    }

    /** The dialect for a database that could not be asked, from {@code NEWSDESK_DB_SERVER}. */
    static Dialect configured(String server) {
        return switch (server == null ? "mariadb" : server.strip().toLowerCase()) {
            case "mysql" -> new MySQLDialect(DatabaseVersion.make(8, 0));
            case "mariadb", "" -> new MariaDBDialect(DatabaseVersion.make(10, 11));
            default -> throw new IllegalStateException("NEWSDESK_DB_SERVER is 'mariadb' or 'mysql', not '" + server + "'");
        };
    }

    static final class Factory extends DialectFactoryImpl {

        @Override
        public Dialect buildDialect(Map<String, Object> settings, DialectResolutionInfoSource source) {
            Object explicit = settings.get("hibernate.dialect");
            if (source != null || (explicit != null && !explicit.toString().isBlank())) {
                return super.buildDialect(settings, source);
            }
            Dialect dialect = configured(PlatformConfig.DB_SERVER.value());
            LOG.warning(() -> "The database could not be asked which dialect it speaks; starting with "
                    + dialect.getClass().getSimpleName() + " " + dialect.getVersion() + " (NEWSDESK_DB_SERVER)");
            return dialect;
        }
    }
}
