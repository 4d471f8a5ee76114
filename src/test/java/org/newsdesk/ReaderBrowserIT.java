package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader in a real browser: finds the seed post, reads it whole, and leaves a comment. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReaderBrowserIT {

    @ArquillianResource
    private URL base;

    @RegisterExtension
    final BrowserSession session = new BrowserSession(() -> base);

    @Test
    void aReaderReadsTheSeedPostAndComments() {
        WebDriver browser = session.driver();
        session.open("/");
        Browsers.screenshot(browser, "front-page");
        // Other test classes publish posts of their own, newer than the seed post: a reader pages back to it.
        for (int pages = 1; browser.findElements(By.linkText(SeedPage.HEADLINE)).isEmpty() && pages < 50; pages++) {
            browser.findElement(By.cssSelector("a[rel=next]")).click();
        }
        browser.findElement(By.linkText(SeedPage.HEADLINE)).click();

        assertTrue(browser.getCurrentUrl().endsWith("/post/" + SeedPage.SLUG), browser.getCurrentUrl());
        assertEquals(SeedPage.HEADLINE, browser.findElement(By.tagName("h1")).getText());
        String page = browser.findElement(By.tagName("body")).getText();
        for (String line : SeedPage.lines()) {
            if (!line.equals("Be the first to comment")) {
                assertTrue(page.contains(line), "the reader sees: " + line);
            }
        }
        // Other test classes may have had comments approved on this post: the heading must say so.
        long approved = ((Number) TestDatabase.single("select count(*) from comment c join post p on p.id = c.post_id"
                + " where p.slug = ? and c.status = 'APPROVED'", SeedPage.SLUG)).longValue();
        assertEquals(approved == 0 ? "Be the first to comment" : approved + (approved == 1 ? " comment" : " comments"),
                browser.findElement(By.cssSelector("#comments h2")).getText());
        for (WebElement photo : browser.findElements(By.cssSelector(".excerpt-photo img"))) {
            assertTrue(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return arguments[0].naturalWidth", photo)).intValue() > 0, "the photo loads");
        }
        Browsers.screenshot(browser, "post-page");

        browser.findElement(By.id("comment-form:name")).sendKeys("Browser Reader");
        browser.findElement(By.id("comment-form:email")).sendKeys("browser.reader@example.org");
        browser.findElement(By.id("comment-form:body")).sendKeys("A clear round-up of two very different reports.");
        browser.findElement(By.id("comment-form:submit")).click();

        WebElement held = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment.held")));
        assertTrue(held.getText().contains("Your comment is awaiting moderation."), held.getText());
        assertTrue(held.getText().contains("Browser Reader"));
        assertTrue(held.getText().contains("A clear round-up of two very different reports."));
        Browsers.screenshot(browser, "comment-held");
    }
}
