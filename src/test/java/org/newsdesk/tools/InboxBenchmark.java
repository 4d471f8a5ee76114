package org.newsdesk.tools;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.newsdesk.SiteClient;

/**
 * The source inbox at a newsroom's scale, on this machine: FEEDS outlets' feeds served locally (a feed farm on
 * 127.0.0.1 whose articles repeat across outlets so that stories form), read by Newsdesk's feed reader round after
 * round (each round, every feed lists ITEMS new articles), until the inbox holds about STORED articles. Prints, per
 * round, the articles read a second and the server's memory (resident set); then the inbox page's time, signed in,
 * unfiltered and filtered. Run by {@code bench/inbox.sh}; bounded in rounds and time; talks to 127.0.0.1 only.
 *
 * <pre>
 * InboxBenchmark PORT ADMIN_PASSWORD SERVER_PID FEEDS ITEMS STORED   (database from NEWSDESK_DB_URL/_USER/_PASSWORD)
 * </pre>
 */
public final class InboxBenchmark {

    /** Words of the stories: each story has its own rare words, so that its articles read alike across outlets. */
    private static final String[] COMMON = {"says", "after", "new", "over", "amid", "report", "officials", "week", "talks", "plan"};

    private InboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String password = args[1];
        long serverPid = Long.parseLong(args[2]);
        int feeds = Integer.parseInt(args[3]);
        int items = Integer.parseInt(args[4]);
        int stored = Integer.parseInt(args[5]);
        AtomicInteger round = new AtomicInteger(0);
        HttpServer farm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        farm.createContext("/f/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring(3).replace(".xml", "");
                int feed = Integer.parseInt(name);
                byte[] body = feed(feed, round.get(), items).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.getResponseHeaders().set("ETag", "\"" + feed + "-" + round.get() + "\"");
                if (("\"" + feed + "-" + round.get() + "\"").equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        farm.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "feed-farm");
            thread.setDaemon(true); // the benchmark ends when its work does
            return thread;
        }));
        farm.start();
        try (Connection db = DriverManager.getConnection(System.getenv("NEWSDESK_DB_URL"), System.getenv("NEWSDESK_DB_USER"),
                System.getenv("NEWSDESK_DB_PASSWORD"))) {
            follow(db, feeds, farm.getAddress().getPort());
            SiteClient site = new SiteClient(() -> url("http://127.0.0.1:" + port + "/"));
            org.jsoup.Connection admin = site.signedIn("admin", password.toCharArray().length > 0 ? password : "");
            System.out.printf("%d feeds, %d new articles in each per round; the server's memory before: %d MB%n", feeds, items, rss(serverPid));
            int rounds = Math.max(1, (stored + feeds * items - 1) / (feeds * items));
            List<Long> memory = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                round.set(r);
                update(db, "update outlet_feed set next_read_at = utc_timestamp() - interval 1 second");
                long before = count(db, "select count(*) from inbox_item");
                long started = System.nanoTime();
                Document feedsPage = admin.newRequest(site.url("/admin/inbox/feeds")).get();
                site.press(admin, (FormElement) feedsPage.selectFirst("form#run"), "run:readAll");
                long deadline = started + Duration.ofMinutes(15).toNanos();
                Thread.sleep(1000);
                while (System.nanoTime() < deadline && (count(db, "select count(*) from outlet_feed where next_read_at <= utc_timestamp()") > 0
                        || count(db, "select count(*) from job_lease where name = 'feed-reader' and held_until > utc_timestamp()") > 0)) {
                    Thread.sleep(250);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long after = count(db, "select count(*) from inbox_item");
                long unfiled = count(db, "select count(*) from inbox_item where story_id is null");
                long mb = rss(serverPid);
                memory.add(mb);
                System.out.printf("round %d: %d new articles in %.1f s = %.0f articles a second (%d feeds, %.0f feeds a second); %d stored, %d stories,"
                                + " %d not yet in a story; server memory %d MB%n", r, after - before, seconds, (after - before) / seconds, feeds,
                        feeds / seconds, after, count(db, "select count(*) from inbox_story"), unfiled, mb);
            }
            System.out.printf("server memory over the rounds: %s MB%n", memory);
            // How well stories formed: each article's link ends in its made-up story's number.
            long truth = count(db, "select count(distinct substring_index(url, '-s', -1)) from inbox_item");
            long formed = count(db, "select count(*) from inbox_story s where exists (select 1 from inbox_item i where i.story_id = s.id)");
            long mixed = count(db, "select count(*) from inbox_item i where substring_index(i.url, '-s', -1) <> (select substring_index(f.url, '-s', -1)"
                    + " from inbox_item f where f.story_id = i.story_id order by f.id limit 1)");
            long articles = count(db, "select count(*) from inbox_item");
            System.out.printf("stories: %d formed for %d made-up stories (%.2f per story: a story split in two counts twice); %d of %d articles"
                    + " (%.2f%%) on a card of another story%n", formed, truth, (double) formed / truth, mixed, articles, 100.0 * mixed / articles);
            page(site, admin, "/admin/inbox/", "unfiltered");
            page(site, admin, "/admin/inbox/?q=" + word(7, 0), "words");
            page(site, admin, "/admin/inbox/?unread=true", "unread only");
            page(site, admin, "/admin/inbox/?outlet=" + count(db, "select min(id) from outlet"), "one outlet");
        } finally {
            farm.stop(0);
        }
    }

    /** An RSS feed of outlet {@code feed}: {@code items} articles for each round so far (the newest round's first). */
    static String feed(int feed, int round, int items) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Outlet ")
                .append(feed).append("</title><link>https://outlet").append(feed).append(".example/</link>");
        Random random = new Random(feed * 31L + round);
        for (int k = 0; k < items; k++) {
            // Stories of this round: about FEEDS*ITEMS/4 articles over 2,000 stories, some told by many outlets.
            int story = round * 10_000 + (int) Math.floor(2_000 * Math.pow(random.nextDouble(), 2));
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 5; w++) {
                words.add(word(story, w));
            }
            Collections.shuffle(words, random);
            String title = COMMON[random.nextInt(COMMON.length)] + " " + String.join(" ", words.subList(0, 4)) + " " + COMMON[random.nextInt(COMMON.length)];
            rss.append("<item><title>").append(title).append("</title><link>https://outlet").append(feed).append(".example/").append(round)
                    .append('/').append(k).append("-s").append(story).append("</link><guid>o").append(feed).append("-r").append(round).append('-').append(k)
                    .append("</guid><description>").append(String.join(" ", words)).append(' ').append(COMMON[random.nextInt(COMMON.length)])
                    .append(" and more of the story</description><pubDate>Mon, 07 Dec 2026 08:00:00 GMT</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    /** A made-up word of story {@code story}: rare, so that its articles share it and no other story's do. */
    static String word(int story, int which) {
        String letters = "bcdfghjklmnpqrstvwxz";
        String vowels = "aeiou";
        Random random = new Random(story * 1_000_003L + which * 7_919L);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            word.append(letters.charAt(random.nextInt(letters.length()))).append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return word.toString();
    }

    private static void follow(Connection db, int feeds, int farmPort) throws SQLException {
        for (int i = 0; i < feeds; i++) {
            update(db, "insert into outlet (name, domain) values (?, ?)", "Outlet " + i, "outlet" + i + ".example");
            update(db, "insert into outlet_feed (outlet_id, url, url_hash, section, next_read_at, created_at) select id, ?, sha2(?, 256), ?,"
                            + " utc_timestamp() + interval 1 day, utc_timestamp() from outlet where domain = ?",
                    "http://127.0.0.1:" + farmPort + "/f/" + i + ".xml", "http://127.0.0.1:" + farmPort + "/f/" + i + ".xml",
                    i % 3 == 0 ? "World" : "Region", "outlet" + i + ".example");
        }
    }

    private static void page(SiteClient site, org.jsoup.Connection admin, String path, String label) throws IOException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long started = System.nanoTime();
            org.jsoup.Connection.Response response = admin.newRequest(site.url(path)).execute();
            millis.add((System.nanoTime() - started) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        List<Double> sorted = new ArrayList<>(millis.subList(5, millis.size()));
        Collections.sort(sorted);
        System.out.printf("inbox page, %s: median %.0f ms, p95 %.0f ms, slowest %.0f ms (20 loads after 5 to warm up)%n", label,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static URL url(String text) {
        try {
            return new URL(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
