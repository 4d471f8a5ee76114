package org.newsdesk;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.newsdesk.comment.CommentTestPosts;
import org.newsdesk.launcher.LocalServer;
import org.newsdesk.media.TestImages;
import org.newsdesk.source.SourceSite;
import org.newsdesk.tools.TestFiles;

/**
 * The one deployment every Arquillian class of the suite runs against (arquillian.xml's {@code suite} extension):
 * one Payara Micro boots for all of them instead of one per class, which was most of the suite's time.
 *
 * <p>It is the real WAR plus what the in-container classes need inside the server: the classes themselves (the
 * servlet protocol loads a test class from the deployment), their helpers, and the test staff beans. The
 * browser classes run as clients ({@code @RunAsClient}) against the same server. The classes share one database
 * as they always did; they share the server's memory too (page cache, settings read at boot), so a class leaves
 * what it changes as it found it, or uses data of its own.
 */
public final class SuiteDeployment {

    /** The classes whose tests run inside the server (named: some are package-private elsewhere). */
    static final String[] IN_SERVER = {
        "org.newsdesk.PublishingIT", "org.newsdesk.SourcesIT", "org.newsdesk.MediaLibraryIT",
        "org.newsdesk.HostileRequestsIT", "org.newsdesk.PublicSiteIT", "org.newsdesk.site.PageCacheIT",
        "org.newsdesk.site.SiteSettingsIT", "org.newsdesk.comment.CommentModerationIT", "org.newsdesk.InboxIT",
    };

    private SuiteDeployment() {
    }

    @Deployment
    public static WebArchive deployment() {
        WebArchive archive = Deployments.newsdeskWithTestStaff();
        for (String name : IN_SERVER) {
            archive.addClass(name); // with its nested classes
        }
        return Deployments.withSiteClient(archive
                .addClasses(TestDatabase.class, SeedPage.class, DeskFixtures.class, TestImages.class,
                        SourceSite.class, CommentTestPosts.class, SecondInstance.class, LocalServer.class,
                        TestFiles.class, ServerLogForTests.class)
                .addAsResource("source-pages/jsonld-only.html").addAsResource("source-pages/opengraph-only.html")
                .addAsResource("source-pages/time-only.html").addAsResource("seed/militia-funeral-baghdad.jpg"));
    }
}
