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

    /** The same, with a test bean allowed to run as a moderator (see ModeratorForTests). */
    public static WebArchive newsdeskWithTestModerator(Class<?>... testClasses) {
        return newsdesk(testClasses)
                .addClass(ModeratorForTests.class)
                .addAsWebInfResource("it/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("it/glassfish-web.xml", "glassfish-web.xml");
    }
}
