package org.newsdesk.tools;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Connection;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.newsdesk.SiteClient;
import org.newsdesk.TestDatabase;

/**
 * How long a change takes to reach readers through nginx's proxy cache (docker/nginx.conf) in front of Newsdesk,
 * as a newsroom works: an editor saves a published post's new headline through the proxy, a reader comments (and
 * must see their own comment at once: the held-comment cookie makes nginx pass their requests by its cache), a
 * moderator approves it; anonymous readers ask the proxy every 50 ms until each shows. Prints each time beside
 * {@code NEWSDESK_PAGE_MAX_AGE_SECONDS}, the target being max-age + 1 s. Run by {@code bench/read.sh}.
 *
 * <pre>
 * ProxyChangeCheck PROXY_URL ADMIN_PASSWORD SLUG ROUNDS MAX_AGE_SECONDS   (database from NEWSDESK_DB_URL/_USER/_PASSWORD)
 * </pre>
 */
public final class ProxyChangeCheck {

    private ProxyChangeCheck() {
    }

    public static void main(String[] args) throws Exception {
        String proxy = args[0];
        String password = args[1];
        String slug = args[2];
        int rounds = Integer.parseInt(args[3]);
        int maxAge = Integer.parseInt(args[4]);
        long post = ((Number) TestDatabase.single("select id from post where slug = ?", slug)).longValue();
        String page = proxy + "/post/" + slug;
        HttpClient anonymous = HttpClient.newHttpClient();
        SiteClient site = new SiteClient(() -> url(proxy));
        Connection desk = site.signedIn("admin", password);
        List<Double> publishes = new ArrayList<>();
        List<Double> approvals = new ArrayList<>();
        int ownAtOnce = 0;
        for (int round = 1; round <= rounds; round++) {
            // The page is in nginx's cache, as a read page is.
            for (int i = 0; i < 50 && !"HIT".equals(get(anonymous, page).headers().firstValue("X-Cache").orElse("")); i++) {
                Thread.sleep(100);
            }
            // 1. A change to a published post.
            FormElement form = (FormElement) desk.newRequest(site.url("/admin/posts/edit?id=" + post)).get().selectFirst("form#edit");
            String headline = "Through the proxy, round " + round + " — " + System.nanoTime();
            form.selectFirst("[name=edit:headline]").val(headline);
            if (site.press(desk, form, "edit:save").statusCode() != 302) {
                throw new IllegalStateException("the save was not taken");
            }
            publishes.add(secondsUntilShown(anonymous, page, headline));

            // 2. A reader's comment: theirs at once, everyone's once a moderator approves it.
            HttpClient reader = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String words = "Round " + round + " through the proxy, a reader writes — رأي " + System.nanoTime();
            HttpResponse<String> sent = CommentBenchmark.comment(reader, page, "Proxy reader", "proxy-" + round + "-"
                    + System.nanoTime() + "@example.org", words, false, new long[1]);
            if (sent.statusCode() != 302) {
                throw new IllegalStateException("the comment was not taken: " + sent.statusCode());
            }
            if (get(reader, page).body().contains(words)) {
                ownAtOnce++;
            }
            long id = ((Number) TestDatabase.single("select max(id) from comment where post_id = ?", post)).longValue();
            FormElement queue = (FormElement) desk.newRequest(site.url("/admin/comments/?queue=pending")).get().selectFirst("form#queue");
            Element item = queue.selectFirst("#item-" + id);
            if (item == null) {
                throw new IllegalStateException("the comment is not in the pending queue");
            }
            String approve = item.selectFirst("input[type=submit][name$=:approve]").attr("name");
            if (site.press(desk, queue, approve).statusCode() != 302) {
                throw new IllegalStateException("the approval was not taken");
            }
            approvals.add(secondsUntilShown(anonymous, page, words));
        }
        System.out.printf("through the proxy (max-age %d s; target %d s): a saved headline showed to readers after %s s;"
                + " an approved comment after %s s; the commenter saw their own comment at once %d of %d times%n",
                maxAge, maxAge + 1, list(publishes), list(approvals), ownAtOnce, rounds);
        boolean met = ownAtOnce == rounds && publishes.stream().allMatch(s -> s <= maxAge + 1)
                && approvals.stream().allMatch(s -> s <= maxAge + 1);
        System.exit(met ? 0 : 1);
    }

    private static double secondsUntilShown(HttpClient reader, String page, String text) throws Exception {
        long since = System.nanoTime();
        while (!get(reader, page).body().contains(text)) {
            if (System.nanoTime() - since > 120_000_000_000L) {
                return Double.POSITIVE_INFINITY;
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    private static HttpResponse<String> get(HttpClient client, String page) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String list(List<Double> seconds) {
        return seconds.stream().map(s -> String.format("%.1f", s)).reduce((a, b) -> a + ", " + b).orElse("-");
    }

    private static URL url(String address) {
        try {
            return URI.create(address).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
