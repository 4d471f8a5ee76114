package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.tools.TcpRelay;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The database fails under a real Newsdesk, started as the run command starts it ({@link SecondInstance}),
 * whose database connection goes through a {@link TcpRelay} to the test database: the relay is cut and
 * opened again, so the server meets refused and dropped connections as it would in an outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultsIT {

    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Path LOGS = Path.of("target", "failsafe-reports").toAbsolutePath();
    private static final String DEMO = "/post/iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The instance the browser talks to, once a test started it. */
    private SecondInstance instance;

    /**
     * The tests share one instance behind one relay (a boot each was a minute of the suite): the first test
     * starts it without its database, and the others find it healed (or start it, when run alone). Each test
     * leaves the database reachable, and the next one waits until the site says so.
     */
    private static TcpRelay sharedDatabase;
    private static SecondInstance shared;

    private static SecondInstance running() throws Exception {
        if (shared == null) {
            startShared(true);
        }
        return shared;
    }

    /** Starts the shared instance, with the relay to its database open or (nothing listening on its port yet) not. */
    private static void startShared(boolean databaseThere) throws Exception {
        sharedDatabase = relayToTestDatabase();
        if (databaseThere) {
            sharedDatabase.open();
        }
        shared = SecondInstance.start(home("running"), LOGS.resolve("DatabaseFaultsIT-running.log"), BOOT,
                Map.of("NEWSDESK_DB_URL", urlThrough(sharedDatabase)));
    }

    @AfterEach
    void databaseBack() throws Exception {
        if (sharedDatabase != null) {
            sharedDatabase.thaw();
            sharedDatabase.open();
            SecondInstance site = shared;
            waitFor(() -> status(site, "/health/ready", Duration.ofSeconds(5)) == 200, Duration.ofSeconds(45),
                    "the shared instance's database back");
        }
    }

    @AfterAll
    static void stopShared() {
        if (shared != null) {
            shared.close();
        }
        if (sharedDatabase != null) {
            sharedDatabase.close();
        }
    }

    @RegisterExtension
    final BrowserSession browser = new BrowserSession(() -> {
        try {
            return URI.create(instance.url()).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    });

    /** First: the instance it starts, healed, is the one the other tests share. */
    @Test
    @Order(1)
    void aSiteStartedWithoutItsDatabaseSaysSoAndServesAsSoonAsTheDatabaseIsThere() throws Exception {
        if (shared != null) {
            throw new IllegalStateException("This test starts the shared instance, so it runs first");
        }
        startShared(false);
        TcpRelay database = sharedDatabase;
        SecondInstance site = shared;
        HttpResponse<String> front = get(site, "/");
        assertEquals(503, front.statusCode(), "before: the site had failed to deploy and answered 404 for good");
        assertEquals("10", front.headers().firstValue("Retry-After").orElse(null));
        assertTrue(front.body().contains("Newsdesk is back in a moment"), front.body());
        assertTrue(front.headers().firstValue("Content-Security-Policy").isPresent(), "the site's own page, with its headers");
        assertEquals(503, get(site, "/login").statusCode());
        assertHealth(site, "/health/ready", 503, "database", "DOWN");
        assertHealth(site, "/health/ready", 503, "migrations", "DOWN");
        assertHealth(site, "/health/live", 200, "newsdesk", "UP");

        waitFor(() -> site.log().contains("not reachable (attempt 3"), Duration.ofSeconds(30), "a third attempt");
        List<String> attempts = site.log().lines().filter(l -> l.contains("not reachable (attempt")).toList();
        for (String attempt : attempts) {
            assertTrue(attempt.contains("Database at 127.0.0.1:" + database.port() + "/"), "names the database: " + attempt);
        }
        assertEquals(0L, site.log().lines().filter(l -> l.startsWith("\tat ")).count(),
                "one line per attempt, no stack traces:\n" + site.log());

        database.open();
        long opened = System.nanoTime();
        waitFor(() -> get(site, "/").statusCode() == 200, Duration.ofSeconds(45), "the front page once the database is there");
        long seconds = Duration.ofNanos(System.nanoTime() - opened).toSeconds();
        System.out.println("DatabaseFaultsIT: served " + seconds + " s after the database came up");
        assertEquals(200, get(site, "/health/ready").statusCode());
        assertEquals(200, get(site, DEMO).statusCode(), "no restart needed");
    }

    @Test
    void anOutageWhileRunningGivesReadersTheBackSoonPageLogsLittleAndHeals() throws Exception {
        SecondInstance site = running();
        TcpRelay database = sharedDatabase;
        assertEquals(200, get(site, "/").statusCode());
        assertEquals(200, get(site, DEMO).statusCode());

        database.cut();
        long logBefore = Files.size(site.logFile());
        int failed = 0;
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (int i = 0; i < 200 && System.nanoTime() < end; i++) {
            // A page readers read before the outage is still served, from the page cache; one that
            // needs the database (a search) gets the back-soon page.
            HttpResponse<String> kept = get(site, i % 2 == 0 ? "/" : DEMO);
            assertEquals(200, kept.statusCode(), "request " + i + " in the outage, a page already rendered");
            HttpResponse<String> page = get(site, "/search?q=militias+" + i);
            assertEquals(503, page.statusCode(), "request " + i + " in the outage: " + page.body());
            assertTrue(page.body().contains("Newsdesk is back in a moment"));
            failed++;
            Thread.sleep(50);
        }
        long logBytes = Files.size(site.logFile()) - logBefore;
        String written = Files.readString(site.logFile()).substring((int) logBefore);
        System.out.println("DatabaseFaultsIT: " + failed + " failed requests in a 15 s outage wrote "
                + logBytes + " bytes of log, " + written.lines().count() + " lines");
        assertTrue(written.lines().count() <= 10, "an outage is summarised, not logged per layer:\n" + written);
        assertTrue(written.contains("not reachable"), written);

        database.open();
        waitFor(() -> get(site, DEMO).statusCode() == 200, Duration.ofSeconds(30), "the post once the database is back");
        waitFor(() -> get(site, "/search?q=healed").statusCode() == 200, Duration.ofSeconds(30), "search once the database is back");
    }

    /**
     * A database that hangs rather than refuses (a stopped process): before, every reader waited on the
     * connection pool's time-outs, over a minute each, and no 503 came in 30 seconds.
     */
    @Test
    void aDatabaseThatHangsGivesReadersTheBackSoonPageWithinSecondsAndServesAgainWhenItAnswers() throws Exception {
        SecondInstance site = running();
        TcpRelay database = sharedDatabase;
        assertEquals(200, get(site, DEMO).statusCode());
        long logBefore = Files.size(site.logFile());

        database.freeze();
        long frozen = System.nanoTime();
        waitFor(() -> status(site, "/search?q=hang", Duration.ofSeconds(2)) == 503, Duration.ofSeconds(30),
                "the 503 page while the database hangs");
        System.out.println("DatabaseFaultsIT: readers got the 503 page "
                + Duration.ofNanos(System.nanoTime() - frozen).toSeconds() + " s after the database hung");
        long asked = System.nanoTime();
        HttpResponse<String> page = get(site, "/search?q=militias");
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("Newsdesk is back in a moment"), page.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - asked).toMillis() < 2000, "at once, without waiting on the database");
        assertEquals(200, get(site, DEMO).statusCode(), "the post readers read before is served from the page cache");
        assertHealth(site, "/health/ready", 503, "database", "DOWN");
        assertHealth(site, "/health/ready", 503, "migrations", "UP");
        assertHealth(site, "/health", 503, "database", "DOWN");
        assertHealth(site, "/health/live", 200, "newsdesk", "UP");
        assertHealth(site, "/health/started", 200, "deployed", "UP");
        assertEquals(1L, logSince(site, logBefore).lines().filter(l -> l.contains("does not answer")).count(), site.log());

        database.thaw();
        long thawed = System.nanoTime();
        waitFor(() -> status(site, "/search?q=thawed", Duration.ofSeconds(5)) == 200, Duration.ofSeconds(30),
                "search once the database answers");
        System.out.println("DatabaseFaultsIT: served again " + Duration.ofNanos(System.nanoTime() - thawed).toSeconds()
                + " s after the database answered");
        assertTrue(logSince(site, logBefore).contains("answers again"), site.log());
    }

    @Test
    void aWriterWhoSavesDuringAnOutageStaysOnTheComposePageWithEverythingTypedAndSavesOnceItIsBack() throws Exception {
        String headline = "Saved through an outage " + System.nanoTime() + " " + DeskFixtures.EVERY_SCRIPT;
        String dek = "Dek " + DeskFixtures.EVERY_SCRIPT;
        SecondInstance site = running();
        TcpRelay database = sharedDatabase;
        instance = site;
        browser.signIn("admin", "it-admin-password");
        browser.open("/admin/posts/edit");
        browser.typeText("edit:headline", headline);
        browser.typeText("edit:excerpts:0:dek", dek);

        database.cut();
        browser.click("edit:save");
        browser.waitForText(".flash .flash-error", "Not saved: Newsdesk cannot reach its database just now.");
        browser.screenshot("compose-not-saved-in-outage");
        WebDriver page = browser.driver();
        assertTrue(page.getCurrentUrl().contains("/admin/posts/edit"), "still on the compose page: " + page.getCurrentUrl());
        assertEquals(headline, page.findElement(By.id("edit:headline")).getAttribute("value"));
        assertEquals(dek, page.findElement(By.id("edit:excerpts:0:dek")).getAttribute("value"));
        assertEquals(0L, ((Number) TestDatabase.single("select count(*) from post where headline = ?", headline)).longValue());

        database.open();
        waitFor(() -> get(site, "/health/ready").statusCode() == 200, Duration.ofSeconds(30), "the database back");
        browser.click("edit:save");
        browser.waitForText(".flash-info", "Saved.");
        assertEquals(dek, TestDatabase.single("select e.dek from excerpt e join post p on p.id = e.post_id where p.headline = ?",
                headline), "saved once the database is back, exactly as typed");
    }

    private static String logSince(SecondInstance site, long offset) throws IOException {
        byte[] all = Files.readAllBytes(site.logFile());
        return new String(all, (int) offset, all.length - (int) offset, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static TcpRelay relayToTestDatabase() throws IOException {
        Matcher url = testDatabaseUrl();
        return new TcpRelay(SecondInstance.freePort(), url.group(2), Integer.parseInt(url.group(3)));
    }

    private static String urlThrough(TcpRelay relay) {
        Matcher url = testDatabaseUrl();
        return url.group(1) + "127.0.0.1:" + relay.port() + url.group(4);
    }

    private static Matcher testDatabaseUrl() {
        Matcher url = Pattern.compile("^(jdbc:[a-z]+://)([^:/]+):(\\d+)(/.*)$").matcher(System.getenv("NEWSDESK_DB_URL"));
        if (!url.matches()) {
            throw new IllegalStateException("NEWSDESK_DB_URL has no host and port: run the integration tests through Maven");
        }
        return url;
    }

    private static Path home(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "database-faults", name).toAbsolutePath());
    }

    private HttpResponse<String> get(SecondInstance site, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(site.url() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's status, or 0 when none came within {@code patience}. */
    private int status(SecondInstance site, String path, Duration patience) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(site.url() + path)).timeout(patience).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswer) {
            return 0;
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /**
     * A probe can read health's answer: MicroProfile Health JSON with the named check's status and the answer's
     * status code, never the site's HTML 503 page (which every health path answered during an outage before).
     */
    private void assertHealth(SecondInstance site, String path, int status, String check, String state) throws Exception {
        HttpResponse<String> answer = get(site, path);
        assertEquals(status, answer.statusCode(), path + ": " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path + ": " + answer.body());
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(answer.body()))) {
            jakarta.json.JsonObject health = reader.readObject();
            assertEquals(status == 200 ? "UP" : "DOWN", health.getString("status"), path);
            assertEquals(List.of(state), health.getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals(check)).map(c -> c.getString("status")).toList(), path + ": " + answer.body());
        }
    }

    private static void waitFor(Check check, Duration patience, String what) throws Exception {
        long end = System.nanoTime() + patience.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited " + patience.toSeconds() + " s for " + what);
            }
            Thread.sleep(500);
        }
    }
}
