package org.newsdesk.tools;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.newsdesk.SiteClient;
import org.newsdesk.TestDatabase;

/**
 * Works the desk through a proxy in front of several Newsdesk instances, as an editor behind a load
 * balancer would, and times how soon each instance's public page shows what was saved. Each round: both
 * instances serve the post page (so it is in their caches), the compose form is opened and saved through
 * the proxy, the page after the save must say "Saved.", and each instance is asked directly until its page
 * shows the new headline. The proxy names the instance that answered in {@code X-Upstream}, so the output
 * shows the desk's requests landing on both. Bounded in rounds and time; 127.0.0.1 only. Run by
 * {@code bench/cluster.sh}.
 *
 * <pre>
 * ClusterCheck PROXY_URL ADMIN_PASSWORD ROUNDS SLUG INSTANCE_URL...   (database from NEWSDESK_DB_URL/_USER/_PASSWORD)
 * </pre>
 */
public final class ClusterCheck {

    private ClusterCheck() {
    }

    public static void main(String[] args) throws Exception {
        String proxy = args[0];
        String password = args[1];
        int rounds = Integer.parseInt(args[2]);
        String slug = args[3];
        List<String> instances = List.of(args).subList(4, args.length);
        long post = ((Number) TestDatabase.single("select id from post where slug = ?", slug)).longValue();
        String page = "/post/" + slug;

        SiteClient site = new SiteClient(() -> url(proxy));
        Connection desk = site.signedIn("admin", password);
        Map<String, Integer> answeredBy = new LinkedHashMap<>();
        List<Long> latencies = new ArrayList<>();
        int failures = 0;
        for (int round = 1; round <= rounds; round++) {
            for (String instance : instances) {
                Jsoup.connect(instance + page).execute();
            }
            Connection.Response opened = desk.newRequest(site.url("/admin/posts/edit?id=" + post)).execute();
            count(answeredBy, opened);
            FormElement form = (FormElement) opened.parse().selectFirst("form#edit");
            String headline = "Round " + round + " of the cluster check: Ελληνικά, עברית, العربية 🚀";
            form.selectFirst("[name=edit:headline]").val(headline);
            Connection.Response saved = site.press(desk, form, "edit:save");
            long savedAt = System.nanoTime();
            count(answeredBy, saved);
            Connection.Response after = desk.newRequest(site.url("/admin/posts/edit?id=" + post)).execute();
            count(answeredBy, after);
            if (saved.statusCode() != 302 || !after.parse().select(".flash .flash-info").text().equals("Saved.")) {
                failures++;
                System.out.printf("round %d: the save answered %d, the next page said \"%s\"%n", round, saved.statusCode(),
                        after.parse().select(".flash").text());
                continue;
            }
            for (String instance : instances) {
                long deadline = savedAt + 5_000_000_000L;
                while (!Jsoup.connect(instance + page).execute().body().contains(headline) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                long millis = (System.nanoTime() - savedAt) / 1_000_000;
                if (millis >= 5_000) {
                    failures++;
                    System.out.printf("round %d: %s still showed the old page after 5 s%n", round, instance);
                } else {
                    latencies.add(millis);
                }
            }
        }
        latencies.sort(null);
        System.out.printf("desk requests through the proxy, by the instance that answered: %s%n", answeredBy);
        System.out.printf("saves: %d, failed: %d%n", rounds, failures);
        if (!latencies.isEmpty()) {
            System.out.printf("from a save's answer to each instance's public page showing it (ms, polling every 5 ms):"
                    + " min %d, median %d, max %d (%d pages)%n", latencies.get(0), latencies.get(latencies.size() / 2),
                    latencies.get(latencies.size() - 1), latencies.size());
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static void count(Map<String, Integer> answeredBy, Connection.Response response) {
        String upstream = response.header("X-Upstream");
        answeredBy.merge(upstream == null ? "?" : upstream, 1, Integer::sum);
    }

    private static URL url(String address) {
        try {
            return URI.create(address).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
