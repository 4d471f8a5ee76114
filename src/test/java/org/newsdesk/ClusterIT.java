package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Newsdesk instances on one database, clustered as the run command clusters them
 * ({@code NEWSDESK_CLUSTER_MEMBERS}): Payara Micro processes of their own, found by each other over
 * Hazelcast on the loopback interface. A change saved on one reaches the other's page cache within a
 * second, and a desk session moves between them with every request: a form opened on one is saved on
 * the other. Comment settings saved on one reach the other's pages as quickly.
 */
class ClusterIT {

    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final Path LOGS = Path.of("target", "failsafe-reports").toAbsolutePath();

    private static SecondInstance first;
    private static SecondInstance second;
    private static long post;
    private static String slug;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path home = Path.of("target", "cluster-instances").toAbsolutePath();
        // A name of their own, so that they never join another cluster running on this machine.
        String cluster = "newsdesk-it-" + UUID.randomUUID();
        // And ports of their own: another cluster on this machine may hold Payara's default, 6900.
        int port = freePorts();
        Map<String, String> clustered = Map.of("NEWSDESK_CLUSTER_MEMBERS", "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1),
                "NEWSDESK_CLUSTER_NAME", cluster, "NEWSDESK_CLUSTER_PORT", String.valueOf(port));
        first = SecondInstance.start(home.resolve("first"), LOGS.resolve("ClusterIT-first.log"), BOOT, clustered);
        second = SecondInstance.start(home.resolve("second"), LOGS.resolve("ClusterIT-second.log"), BOOT, clustered);
        // Payara lists the data grid's members as an instance joins it: the second saw both.
        long members = second.log().lines().filter(line -> line.contains("DataGrid: " + cluster + " ")).count();
        assertEquals(2, members, "the two instances form one data grid; see " + second.logFile());
        slug = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        post = DeskFixtures.demoPostCopy(slug, "Before the cluster", null, "published");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aChangeOnEitherInstanceReachesTheOthersCacheAndTheDeskSessionFollowsEveryRequest() throws Exception {
        SiteClient one = new SiteClient(() -> url(first));
        SiteClient two = new SiteClient(() -> url(second));
        String page = "/post/" + slug;
        for (SiteClient instance : List.of(one, two)) {
            assertTrue(instance.get(page).body().contains("Before the cluster"));
        }
        // Changed behind the application's back: both instances go on serving the page they keep.
        TestDatabase.update("update post set headline = 'Changed behind their backs' where id = ?", post);
        for (SiteClient instance : List.of(one, two)) {
            assertTrue(instance.get(page).body().contains("Before the cluster"), "the page comes from the cache");
        }

        // Signed in on the first; the desk's list on the second knows who it is.
        Connection desk = one.signedIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
        Connection.Response list = desk.newRequest(two.url("/admin/posts/")).followRedirects(false).execute();
        assertEquals(200, list.statusCode(), "the session holds on the other instance: " + list.header("Location"));
        assertNotNull(list.parse().selectFirst(".desk-user"));

        // The compose form opened on the first, saved on the second: the second finds the form's view in the
        // session, and the first drops its copy of the public page.
        String headline = "Saved on the second: Ελληνικά, עברית, العربية 🚀";
        long savedAt = saveHeadline(desk, one, two, headline);
        assertEquals(headline, TestDatabase.single("select headline from post where id = ?", post));
        long shownAfter = millisUntilShown(one, page, headline, savedAt);
        assertTrue(shownAfter < 1_000, "the first instance showed the change after " + shownAfter + " ms");
        assertSaidSaved(desk, one);
        assertTrue(two.get(page).body().contains(headline));

        // And the other way round.
        String again = "Saved on the first: Ünïcödé ✓";
        long shownAgain = millisUntilShown(two, page, again, saveHeadline(desk, two, one, again));
        assertTrue(shownAgain < 1_000, "the second instance showed the change after " + shownAgain + " ms");
        assertSaidSaved(desk, two);
        System.out.printf("ClusterIT: a change showed on the other instance after %d ms and %d ms%n", shownAfter, shownAgain);

        // Comment settings saved on the first: the second's pages follow at once, and are not rendered from the
        // settings it read a moment ago (it kept them for five seconds, and kept the page it rendered with them).
        // The post was published ten days ago; comments now close three days after publication.
        List<List<Object>> settingsBefore = TestDatabase.query("select name, value from setting where name like 'comments.%'");
        TestDatabase.update("update post set published_at = now() - interval 10 day where id = ?", post);
        try {
            FormElement settings = (FormElement) desk.newRequest(one.url("/admin/comments/settings")).get().selectFirst("form#settings");
            settings.selectFirst("[name=settings:closeAfterDays]").val("3");
            Connection.Response saved = one.press(desk, settings, "settings:save");
            assertEquals(302, saved.statusCode(), "the settings are saved");
            long closedAfter = millisUntilShown(two, page, "Comments closed on", System.nanoTime());
            assertTrue(closedAfter < 1_000, "the second instance closed the comments after " + closedAfter + " ms");
        } finally {
            TestDatabase.update("delete from setting where name like 'comments.%'");
            for (List<Object> row : settingsBefore) {
                TestDatabase.update("insert into setting (name, value) values (?, ?)", row.get(0), row.get(1));
            }
        }

        for (SecondInstance instance : List.of(first, second)) {
            List<String> troubles = instance.log().lines()
                    .filter(line -> line.contains("SEVERE") || line.contains("serializ") || line.contains("Exception"))
                    .toList();
            assertEquals(List.of(), troubles, "logged by " + instance.logFile());
        }
    }

    /**
     * The README's "Several instances" as an operator runs it: nginx with docker/nginx-upstream-cluster.conf in front
     * of two instances (readers' requests to either, a desk session to one while it is up), a person composing in
     * Chromium. Each round opens a new post, adds a second excerpt in place, types both
     * deks and saves; every field must arrive, and no page may have expired (before: 14 of 21 rounds failed, 7
     * "This page has expired" and 7 "Saved." with the second excerpt dropped; 10 of 10 right on one instance).
     */
    @Test
    void composingThroughNginxInFrontOfTwoInstancesLosesNothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/sbin/nginx")),
                "nginx is installed (bin/test installs it)");
        try (RoundRobin proxy = RoundRobin.start(first, second)) {
            nginx = proxy;
            browser.signIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
            List<String> failures = new java.util.ArrayList<>();
            int rounds = 21;
            for (int round = 1; round <= rounds; round++) {
                String headline = "Round " + round + " through nginx — جولة " + round + " ✓ " + UUID.randomUUID().toString().substring(0, 6);
                browser.open("/admin/posts/edit");
                browser.type("edit:headline", headline);
                browser.click("edit:addExcerpt");
                try {
                    browser.waitFor("[id='edit:excerpts:1:dek']");
                } catch (org.openqa.selenium.TimeoutException e) {
                    failures.add("round " + round + ": the second excerpt never appeared");
                    continue;
                }
                browser.type("edit:excerpts:0:dek", "First dek " + round + " — Ελληνικά");
                browser.type("edit:excerpts:1:dek", "Second dek " + round + " — עברית");
                browser.click("edit:save");
                String page = browser.driver().findElement(org.openqa.selenium.By.tagName("body")).getText();
                List<List<Object>> deks = TestDatabase.query("select e.dek from excerpt e join post p on p.id = e.post_id"
                        + " where p.headline = ? order by e.position", headline);
                List<Object> saved = deks.stream().map(row -> row.get(0)).toList();
                List<Object> typed = List.of("First dek " + round + " — Ελληνικά", "Second dek " + round + " — עברית");
                if (page.contains("expired") || !saved.equals(typed)) {
                    failures.add("round " + round + ": " + (page.contains("expired") ? "the page expired; " : "") + "saved " + saved);
                }
            }
            browser.screenshot("cluster-compose-through-nginx");
            System.out.printf("ClusterIT: %d of %d rounds through nginx lost something%n", failures.size(), rounds);
            assertEquals(List.of(), failures);
        } finally {
            nginx = null;
        }
    }

    /** nginx in front of both instances, sending requests to each in turn, once a test started it. */
    private static RoundRobin nginx;

    @org.junit.jupiter.api.extension.RegisterExtension
    final BrowserSession browser = new BrowserSession(() -> {
        try {
            return URI.create(nginx.url()).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    });

    /** nginx on a free port of 127.0.0.1, round robin over two instances, its files in target/cluster-nginx. */
    private record RoundRobin(Process process, int port) implements AutoCloseable {

        static RoundRobin start(SecondInstance one, SecondInstance two) throws Exception {
            Path dir = java.nio.file.Files.createDirectories(Path.of("target", "cluster-nginx").toAbsolutePath());
            int port = SecondInstance.freePort();
            java.nio.file.Files.writeString(dir.resolve("nginx.conf"), """
                    daemon off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log;
                    events { worker_connections 256; }
                    http {
                      access_log %1$s/access.log;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      %2$s
                      server {
                        listen 127.0.0.1:%4$d;
                        client_max_body_size 110m;
                        location / {
                          proxy_pass http://newsdesk;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_set_header Host $host:$server_port;
                          proxy_set_header X-Forwarded-For $remote_addr;
                        }
                      }
                    }
                    """.formatted(dir, upstream(one, two), "", port));
            Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-c", dir.resolve("nginx.conf").toString(), "-p", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                    return new RoundRobin(nginx, port);
                } catch (IOException notYet) {
                    assertTrue(nginx.isAlive() && System.nanoTime() < deadline, "nginx starts; see " + dir.resolve("nginx.out"));
                    Thread.sleep(100);
                }
            }
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        /** docker/nginx-upstream-cluster.conf, what an operator deploys, with this test's two instances in it. */
        private static String upstream(SecondInstance one, SecondInstance two) throws IOException {
            return java.nio.file.Files.readString(Path.of("docker", "nginx-upstream-cluster.conf"))
                    .replace("server app:8080", "server 127.0.0.1:" + URI.create(one.url()).getPort())
                    .replace("server app2:8080", "server 127.0.0.1:" + URI.create(two.url()).getPort());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * Opens the post's compose form on {@code openOn}, types the headline and presses Save on {@code saveOn},
     * Returns when the save was answered ({@link System#nanoTime()}); {@link #assertSaidSaved} follows the redirect
     * back on {@code openOn} once the public page was read (rendering the compose page is not the cache's time).
     */
    private static long saveHeadline(Connection desk, SiteClient openOn, SiteClient saveOn, String headline) throws IOException {
        FormElement form = (FormElement) desk.newRequest(openOn.url("/admin/posts/edit?id=" + post)).get().selectFirst("form#edit");
        assertNotNull(form, "the compose page opens");
        form.selectFirst("[name=edit:headline]").val(headline);
        Connection.Response saved = saveOn.press(desk, form, "edit:save");
        long answeredAt = System.nanoTime();
        assertEquals(302, saved.statusCode(), () -> "saved and sent back to the post: " + saved.body());
        assertTrue(saved.header("Location").contains("/admin/posts/edit?id=" + post), saved.header("Location"));
        return answeredAt;
    }

    /** The page after the save, on the instance where the form was opened: it says so. */
    private static void assertSaidSaved(Connection desk, SiteClient openOn) throws IOException {
        Connection.Response after = desk.newRequest(openOn.url("/admin/posts/edit?id=" + post)).execute();
        assertEquals(200, after.statusCode());
        assertEquals("Saved.", after.parse().select(".flash .flash-info").text());
    }

    /** How long after {@code start} the public page on {@code instance} shows {@code text}; fails after 5 s. */
    private static long millisUntilShown(SiteClient instance, String page, String text, long start) throws Exception {
        while (!Jsoup.connect(instance.url(page)).execute().body().contains(text)) {
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited < 5_000, "not shown after 5 s");
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The first of two free ports side by side. */
    private static int freePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = SecondInstance.freePort();
            try (java.net.ServerSocket next = new java.net.ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // Try another.
            }
        }
        throw new IllegalStateException("no two free ports side by side");
    }

    private static URL url(SecondInstance instance) {
        try {
            return URI.create(instance.url()).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
