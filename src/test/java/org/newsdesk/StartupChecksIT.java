package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A setting Newsdesk cannot run without, missing, on a real Payara Micro started the way the run command
 * starts one ({@link SecondInstance}): the process stops with one line saying what to set. Both tests' servers
 * are started side by side before either test (a start is mostly one thread's work), each with a home and log of its own.
 */
class StartupChecksIT {

    private static SecondInstance withoutSiteUrl;
    private static SecondInstance withUnusableSettings;

    @BeforeAll
    static void startBoth() throws Exception {
        withoutSiteUrl = SecondInstance.launch(Files.createDirectories(Path.of("target", "startup-checks").toAbsolutePath()),
                Path.of("target", "failsafe-reports", "StartupChecksIT-no-site-url.log").toAbsolutePath(),
                Map.of("NEWSDESK_SITE_URL", " "));
        withUnusableSettings = SecondInstance.launch(Files.createDirectories(Path.of("target", "startup-checks-invalid").toAbsolutePath()),
                Path.of("target", "failsafe-reports", "StartupChecksIT-invalid-settings.log").toAbsolutePath(),
                Map.of("NEWSDESK_PAGE_CACHE_MB", "lots", "NEWSDESK_TIMEZONE", "Mars/Olympus_Mons", "NEWSDESK_COMMENTS_HONEYPOT", "perhaps"));
    }

    @AfterAll
    static void stopBoth() {
        for (SecondInstance site : new SecondInstance[] {withoutSiteUrl, withUnusableSettings}) {
            if (site != null) {
                site.close();
            }
        }
    }

    @Test
    void withoutItsPublicAddressTheServerStopsWithOneLineSayingWhatToSetAndTouchesNoDatabase() throws Exception {
        try (SecondInstance site = withoutSiteUrl) {
            Integer status = site.waitForExit(Duration.ofMinutes(3));
            assertEquals(78, status, "before: the deployment failed and Payara Micro went on answering 404 to everyone;"
                    + " log:\n" + site.log());
            String written = site.log();
            List<String> lines = written.lines().filter(l -> l.contains("NEWSDESK_SITE_URL")).toList();
            assertEquals(1, lines.size(), written);
            assertTrue(lines.get(0).contains("Newsdesk cannot start: NEWSDESK_SITE_URL is not set: set it to the site's public"
                    + " address, e.g. https://news.example.org"), lines.get(0));
            assertFalse(written.contains("\tat "), "no stack trace:\n" + written);
            assertFalse(written.contains("Database at "), "the database is not touched first:\n" + written);
            assertEquals(Set.of(), site.unpackedRuntimes(), "the server's unpacked runtime (160 MB) is not left in the temporary directory");
        }
    }

    /**
     * Settings that cannot be used stop the start the same way, each named with what it takes, however many
     * there are. Before, a page cache size that was no number surfaced as a stack trace at the first request.
     */
    @Test
    void settingsThatCannotBeUsedStopTheServerNamingEachVariable() throws Exception {
        try (SecondInstance site = withUnusableSettings) {
            Integer status = site.waitForExit(Duration.ofMinutes(3));
            assertEquals(78, status, site.log());
            String written = site.log();
            List<String> lines = written.lines().filter(l -> l.contains("Newsdesk cannot start")).toList();
            assertEquals(3, lines.size(), written);
            assertTrue(written.contains("Newsdesk cannot start: NEWSDESK_TIMEZONE must be a time zone such as UTC or"
                    + " Asia/Baghdad, not 'Mars/Olympus_Mons'."), written);
            assertTrue(written.contains("Newsdesk cannot start: NEWSDESK_PAGE_CACHE_MB must be a whole number from 0 to 65536,"
                    + " not 'lots'."), written);
            assertTrue(written.contains("Newsdesk cannot start: NEWSDESK_COMMENTS_HONEYPOT must be true or false, not 'perhaps'."),
                    written);
            assertFalse(written.contains("\tat "), "no stack trace:\n" + written);
        }
    }
}
