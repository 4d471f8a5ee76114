package org.newsdesk;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one way integration tests deploy Newsdesk: the real WAR that {@code mvn package} built, deployed
 * at the root context, plus the test classes a test names.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive newsdesk(Class<?>... testClasses) {
        File war = new File(System.getProperty("newsdesk.war", "target/newsdesk.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClasses(testClasses);
    }

    /** Adds what a test class needs to be loaded in the server when its client-side methods use {@link SiteClient}. */
    public static WebArchive withSiteClient(WebArchive archive) {
        return archive.addClass(SiteClient.class); // jsoup is in the WAR itself (import from a URL)
    }

    /** The same, with test beans that act as a writer, an editor and a moderator (the *ForTests beans). */
    public static WebArchive newsdeskWithTestStaff(Class<?>... testClasses) {
        return newsdesk(testClasses)
                .addClasses(ModeratorForTests.class, WriterForTests.class, EditorForTests.class, StaffForTests.class,
                        org.newsdesk.account.LegacyPasswordHash.class)
                .addAsWebInfResource("it/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("it/glassfish-web.xml", "glassfish-web.xml");
    }
}
