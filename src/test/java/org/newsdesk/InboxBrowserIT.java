package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.source.SourceSite;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inbox as an editor uses it in the morning, in Chromium: three outlets' feeds read, their articles on one
 * story card, a star set with the keyboard, and "Quote the story" landing on the compose page with one excerpt
 * per outlet, filled from each article; the card then names the post that covers it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboxBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ArquillianResource
    private URL base;

    @RegisterExtension
    final BrowserSession ines = new BrowserSession(() -> base);

    @Test
    void aThreeOutletStoryIsQuotedInOnePostFromTheInbox() {
        String token = "Kalvoran" + Long.toString(System.nanoTime() % 100_000, 36);
        // Other tests' articles tell of the same story and would rightly join this card: they go, and their feeds wait.
        TestDatabase.update("update outlet_feed set active = false");
        TestDatabase.update("delete from inbox_item");
        TestDatabase.update("delete from inbox_story");
        try (SourceSite site = SourceSite.start()) {
            String[][] outlets = {
                {"Nahrain Daily", "Iraqi militias debate a pause in attacks on US forces after the Jordan strike " + token, "/jsonld"},
                {"Gulf Wire", "Iraq's militia leaders debate a pause in attacks on US forces " + token, "/og"},
                {"Harbour Post", "Militias in Iraq weigh pausing attacks on US forces " + token, "/time"},
            };
            for (int i = 0; i < outlets.length; i++) {
                String domain = token.toLowerCase() + i + ".example";
                TestDatabase.update("insert into outlet (name, domain) values (?, ?)", outlets[i][0] + " " + token, domain);
                long outlet = ((Number) TestDatabase.single("select id from outlet where domain = ?", domain)).longValue();
                String path = "/feed-" + i + ".xml";
                site.put(path, "application/rss+xml", """
                        <rss version="2.0"><channel><title>%1$s</title><item><title>%2$s</title><link>%3$s</link><guid>%4$s</guid>
                        <description>Armed factions weigh halting attacks on American troops.</description></item></channel></rss>"""
                        .formatted(outlets[i][0], outlets[i][1], site.url(outlets[i][2]), token + i), null);
                TestDatabase.update("insert into outlet_feed (outlet_id, url, url_hash, next_read_at, created_at)"
                        + " values (?, ?, sha2(?, 256), utc_timestamp() - interval 1 second, utc_timestamp())", outlet, site.url(path), site.url(path));
            }
            DeskFixtures.user("inbox-editor", "Ines Inbox", "EDITOR");
            ines.signIn("inbox-editor", DeskFixtures.PASSWORD);
            ines.open("/admin/inbox/feeds");
            ines.click("run:readAll");
            ines.open("/admin/inbox/feeds");
            ines.screenshot("inbox-feeds");
            WebDriver browser = ines.driver();
            new WebDriverWait(browser, PATIENCE).until(b -> {
                ines.open("/admin/inbox/?q=" + token);
                return !b.findElements(By.cssSelector(".inbox-story .inbox-article")).isEmpty()
                        && b.findElements(By.cssSelector(".inbox-story .inbox-article")).size() == 3;
            });
            WebElement story = browser.findElement(By.cssSelector(".inbox-story"));
            assertTrue(story.getText().contains("3 outlets"), story.getText());
            ines.screenshot("inbox-story");

            // j focuses the first article, s stars it.
            browser.findElement(By.tagName("body")).sendKeys("j");
            assertEquals("inbox-article unread", browser.switchTo().activeElement().getAttribute("class"));
            browser.switchTo().activeElement().sendKeys("s");
            new WebDriverWait(browser, PATIENCE).until(b -> b.findElements(By.cssSelector("[data-key='s'][aria-pressed='true']")).size() == 1);

            browser.findElement(By.cssSelector("input[id$=':quoteStory']")).click();
            new WebDriverWait(browser, PATIENCE).until(b -> b.getCurrentUrl().contains("/admin/posts/edit?id="));
            ines.waitFor("[id='edit:excerpts:2:articleUrl']");
            ines.screenshot("inbox-quoted");
            Set<String> addresses = IntStream.range(0, 3)
                    .mapToObj(i -> browser.findElement(By.id("edit:excerpts:" + i + ":articleUrl")).getAttribute("value"))
                    .collect(Collectors.toSet());
            assertEquals(3, addresses.size(), addresses.toString());
            assertTrue(addresses.contains(site.url("/jsonld")), addresses.toString());
            assertTrue(!browser.findElement(By.id("edit:headline")).getAttribute("value").isBlank());
            assertTrue(browser.findElements(By.id("edit:excerpts:3:articleUrl")).isEmpty(), "one excerpt per outlet, no empty one");
            String postId = browser.getCurrentUrl().replaceFirst(".*id=", "");
            assertEquals(3L, ((Number) TestDatabase.single("select count(*) from excerpt where post_id = ?", Long.parseLong(postId))).longValue());

            ines.open("/admin/inbox/?q=" + token);
            assertTrue(browser.findElement(By.cssSelector(".inbox-story .covered")).getText().contains("Covered by our post"));
            ines.screenshot("inbox-covered");
            List<WebElement> quoted = browser.findElements(By.cssSelector(".inbox-article .quoted"));
            assertEquals(3, quoted.size());
            assertTrue(quoted.get(0).getText().contains("Ines Inbox"), quoted.get(0).getText());
            assertEquals(3, browser.findElements(By.cssSelector(".inbox-article.read")).size(), "what one quoted, one has read");

            // What is typed into the inbox's forms comes back as typed: a nomination's note, a watch's words.
            String note = "לבדוק שוב — café 🗞 الفصائل";
            WebElement noteField = browser.findElement(By.cssSelector("input[id$=':note']"));
            noteField.sendKeys(note);
            browser.findElement(By.cssSelector("input[id$=':nominate']")).click();
            new WebDriverWait(browser, PATIENCE).until(b -> !b.findElements(By.cssSelector(".inbox-article .nominated")).isEmpty());
            assertTrue(browser.findElement(By.cssSelector(".inbox-article .nominated")).getText().contains(note),
                    browser.findElement(By.cssSelector(".inbox-article .nominated")).getText());
            String words = "Σύνοδος " + token;
            browser.findElement(By.id("watches:watchWords")).sendKeys(words);
            browser.findElement(By.id("watches:addWatch")).click();
            new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(By.cssSelector(".watch-list")).getText().contains(words));
            // No words: refused at the field.
            browser.findElement(By.id("watches:addWatch")).click();
            new WebDriverWait(browser, PATIENCE).until(b -> b.getPageSource().contains("Give the words to watch for"));
            ines.screenshot("inbox-typed");
        }
    }
}
