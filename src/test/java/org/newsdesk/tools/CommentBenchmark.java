package org.newsdesk.tools;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts comments to a running Newsdesk as many distinct readers would (each one GETs the post page, asks
 * for a fresh form token as comments.js does, then POSTs), prints accepted comments per second and POST
 * latency percentiles, then checks that every comment the site acknowledged (naming its id) is in the
 * database with the text that was sent. Bounded in count and in time; talks to 127.0.0.1 only. Run by
 * {@code bench/comments.sh}.
 *
 * <pre>
 * CommentBenchmark PORT SLUG COUNT CONCURRENCY MAX_SECONDS [script|form]   (database from NEWSDESK_DB_URL/_USER/_PASSWORD)
 * </pre>
 * {@code script} (the default) sends the comment as comments.js does, to the post page asking for JSON; {@code form} sends the page's own form to the post page, as a browser without JavaScript does,
 * answered by Faces with a redirect.
 */
public final class CommentBenchmark {

    private static final Pattern FORM_URL = Pattern.compile("data-form-url=\"([^\"]+)\"");
    private static final Pattern ISSUED_TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern POST_ID = Pattern.compile("name=\"post\" value=\"(\\d+)\"");
    private static final Pattern ACKNOWLEDGED = Pattern.compile("^\\{\"comment\":(\\d+),");
    private static final Pattern COMMENT_ID = Pattern.compile("[?&]comment=(\\d+)");

    private CommentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String slug = args[1];
        int count = Math.min(Integer.parseInt(args[2]), 100_000);
        int concurrency = Math.min(Integer.parseInt(args[3]), 64);
        long maxSeconds = Math.min(Long.parseLong(args[4]), 3600);
        boolean script = args.length < 6 || !"form".equals(args[5]);
        String page = "http://127.0.0.1:" + port + "/post/" + slug;
        String run = Long.toString(System.currentTimeMillis(), 36);

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);

        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                    String body = "Bench comment " + run + "-" + i + ": a reader's view on the round-up, number " + i + ".";
                    try {
                        long[] postedAt = new long[1];
                        HttpResponse<String> response = comment(http, page, "Bench Reader " + run + "-" + i,
                                "bench-" + run + "-" + i + "@example.org", body, script, postedAt);
                        latenciesMicros.add((System.nanoTime() - postedAt[0]) / 1000);
                        Long id = acknowledgedId(response);
                        if (id != null) {
                            acknowledged.put(id, body);
                        } else if (response.statusCode() == 200 || response.statusCode() == 400) {
                            refused.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(maxSeconds + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("posted %d comments with %d workers in %.1f s, %s%n", sorted.size(), concurrency, seconds,
                script ? "as comments.js sends them (JSON)" : "as the form without JavaScript (Faces POST)");
        System.out.printf("accepted %d (%.1f comments/s, page GET + token GET + POST per comment), refused %d, failed %d%n",
                acknowledged.size(), acknowledged.size() / seconds, refused.get(), failed.get());
        if (!sorted.isEmpty()) {
            System.out.printf("POST latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
        }

        int missing = 0;
        try (Connection db = DriverManager.getConnection(System.getenv("NEWSDESK_DB_URL"),
                System.getenv("NEWSDESK_DB_USER"), System.getenv("NEWSDESK_DB_PASSWORD"));
             PreparedStatement find = db.prepareStatement("select body from comment where id = ?")) {
            for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                find.setLong(1, ack.getKey());
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next() || !ack.getValue().equals(row.getString(1))) {
                        missing++;
                        System.out.println("MISSING or changed: comment " + ack.getKey());
                    }
                }
            }
        }
        System.out.printf("verified in the database: %d of %d acknowledged comments present and intact%n",
                acknowledged.size() - missing, acknowledged.size());
        System.exit(missing == 0 && failed.get() == 0 ? 0 : 1);
    }

    /** Comments as a reader's browser with JavaScript does (see {@link #comment(HttpClient, String, String, String, String, boolean, long[])}). */
    public static HttpResponse<String> comment(HttpClient http, String page, String name, String email, String body,
            long[] postedAt) throws IOException, InterruptedException {
        return comment(http, page, name, email, body, true, postedAt);
    }

    /**
     * Comments as a reader's browser does: GETs the post page, asks for a form token as comments.js does,
     * then POSTs the comment to the page, asking for JSON as comments.js does ({@code script}) or as the
     * form itself goes. The answer is that of the POST (naming the comment once it is saved),
     * or that of the GET when it was not a page with the form; {@code postedAt[0]} gets the moment the
     * answer was asked for.
     */
    public static HttpResponse<String> comment(HttpClient http, String page, String name, String email, String body,
            boolean script, long[] postedAt) throws IOException, InterruptedException {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(page)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        postedAt[0] = System.nanoTime();
        if (get.statusCode() != 200) {
            return get;
        }
        String html = get.body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("comment-form", "comment-form");
        // The shared page carries no token; comments.js asks for one as the reader starts writing.
        URI formUrl = URI.create(page).resolve(find(FORM_URL, html).replace("&amp;", "&"));
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(formUrl).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        form.put("token", find(ISSUED_TOKEN, issued.body()));
        form.put("comment-form:parent", "");
        form.put("comment-form:name", name);
        form.put("comment-form:email", email);
        form.put("comment-form:website", "");
        form.put("comment-form:body", body);
        form.put("comment-form:submit", "Post Comment");
        form.put("jakarta.faces.ViewState", find(VIEW_STATE, html));
        postedAt[0] = System.nanoTime();
        form.put("post", find(POST_ID, html));
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(page));
        if (script) {
            post.header("Accept", "application/json");
        }
        return http.send(post
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The id of the comment the answer acknowledges (the form's redirect to it, or the script's JSON naming
     * it), or null when it acknowledges none.
     */
    public static Long acknowledgedId(HttpResponse<String> response) {
        Matcher id = response.statusCode() == 200 ? ACKNOWLEDGED.matcher(response.body())
                : COMMENT_ID.matcher(response.headers().firstValue("Location").orElse(""));
        return (response.statusCode() == 302 || response.statusCode() == 200) && id.find() ? Long.parseLong(id.group(1)) : null;
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in the post page");
        }
        return m.group(1);
    }

    private static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
