package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.account.PasswordHash;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The editorial desk in a real browser: an administrator creates a writer and an editor; the writer
 * composes a two-excerpt post with a photo upload and submits it; the editor sends it back with a
 * note; the writer fixes it; the editor publishes; readers see every field. And five wrong passwords
 * lock an account.
 */
@ExtendWith(ArquillianExtension.class)
class DeskBrowserIT {

    private static final String HEADLINE = "Iraq weighs how to restrain militias firing at Israel";

    @ArquillianResource
    private URL base;

    @RegisterExtension
    final BrowserSession session = new BrowserSession(() -> base);

    private WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.newsdesk();
    }

    @BeforeEach
    void browser() {
        browser = session.driver();
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        TestDatabase.update("insert into users (username, display_name, email, password_hash, created_at)"
                + " values ('locksmith', 'Lock Smith', 'locksmith@newsdesk.invalid', ?, now())",
                PasswordHash.of("the-right-password".toCharArray()));
        for (int i = 1; i <= 4; i++) {
            session.signIn("locksmith", "wrong-password-" + i);
            assertEquals("That username and password do not match an active account.", flashError());
        }
        session.signIn("locksmith", "wrong-password-5");
        assertTrue(flashError().startsWith("Too many failed attempts: this account is locked until"), flashError());
        session.signIn("locksmith", "the-right-password");
        assertTrue(flashError().startsWith("Too many failed attempts"), "even the right password waits out the lock");
        assertTrue(browser.getCurrentUrl().endsWith("/login"));
        assertEquals(1L, ((Number) TestDatabase.single("select count(*) from audit_event where action = 'user.locked'"
                + " and object_id = (select id from users where username = 'locksmith')")).longValue());
    }

    @Test
    void aPostGoesFromWriterToEditorToReaders() {
        session.signIn("admin", "it-admin-password");
        createUser("wanda", "Wanda Writer", "WRITER");
        createUser("ed", "Ed Editor", "EDITOR");
        session.signOut();

        // The writer composes.
        session.signIn("wanda", "wanda-password-1");
        Instant started = Instant.now();
        session.open("/admin/posts/edit");
        session.type("edit:headline", HEADLINE);
        session.type("edit:section", "Middle East");
        session.type("edit:tags", "Iraq, Israel");
        browser.findElement(By.cssSelector("#excerpt-1 .add-outlet summary")).click();
        session.type("edit:excerpts:0:newOutletName", "TIMES OF ISRAEL");
        session.type("edit:excerpts:0:newOutletDomain", "timesofisrael.com");
        session.type("edit:excerpts:0:articleUrl", "https://www.timesofisrael.com/iraq-weighs-militias/");
        session.setValue("edit:excerpts:0:originalPublishedOn", "2024-11-01");
        session.type("edit:excerpts:0:dek", "Baghdad fears being drawn into the regional war");
        session.type("edit:excerpts:0:bodyText", "Iraq is working to avoid being drawn in.\n\nOfficials met militia leaders on <b>Thursday</b>.");
        browser.findElement(By.id("edit:excerpts:0:photoFile"))
                .sendKeys(Path.of("src/main/resources/seed/militia-funeral-baghdad.jpg").toAbsolutePath().toString());
        session.type("edit:excerpts:0:caption", "Mourners in Baghdad, January 25, 2024.");
        session.type("edit:excerpts:0:creditLine", "AP Photo/Hadi Mizban");
        session.click("edit:excerpts:0:addRelated");
        session.type("edit:excerpts:0:related:0:title", "Iraq tries to avoid regional fight");
        session.type("edit:excerpts:0:related:0:url", "https://www.timesofisrael.com/iraq-tries-to-avoid/");
        session.click("edit:addExcerpt");
        new Select(browser.findElement(By.id("edit:excerpts:1:outlet"))).selectByVisibleText("REUTERS (reuters.com)");
        session.type("edit:excerpts:1:articleUrl", "https://www.reuters.com/world/middle-east/iraq-weighs-militias/");
        session.setValue("edit:excerpts:1:originalPublishedOn", "2024-11-02");
        session.type("edit:excerpts:1:bodyText", "There was no immediate Iraqi comment.");
        session.click("edit:submit");
        assertEquals("Submitted for review. An editor will take it from here.", flashInfo());
        Duration composing = Duration.between(started, Instant.now());
        System.out.println("Composing a two-excerpt post with a photo upload took " + composing.toMillis() + " ms");
        assertEquals("in review", browser.findElement(By.cssSelector("h1 .status")).getText());
        assertTrue(browser.findElements(By.id("edit:publish")).isEmpty(), "a writer has no publish button");
        session.screenshot("desk-compose");
        String editUrl = browser.getCurrentUrl();
        session.signOut();

        // The editor sends it back.
        session.signIn("ed", "ed-password-12");
        browser.get(editUrl);
        session.type("edit:note", "Add the Reuters dek, please.");
        session.click("edit:reject");
        assertEquals("Sent back to the writer with your note.", flashInfo());
        session.signOut();

        // The writer sees the note and fixes the post.
        session.signIn("wanda", "wanda-password-1");
        session.open("/admin/posts/?author=");
        browser.findElement(By.linkText(HEADLINE)).click();
        assertTrue(browser.findElement(By.cssSelector(".review-note")).getText().contains("Add the Reuters dek, please."));
        session.type("edit:excerpts:1:dek", "Iraq says it is working to rein in the armed groups");
        session.click("edit:submit");
        assertEquals("Submitted for review. An editor will take it from here.", flashInfo());
        session.signOut();

        // The editor publishes.
        session.signIn("ed", "ed-password-12");
        browser.get(editUrl);
        session.click("edit:publish");
        assertEquals("Published.", flashInfo());
        session.signOut();

        // Readers see every field.
        session.open("/");
        browser.findElement(By.linkText(HEADLINE)).click();
        String page = browser.findElement(By.tagName("body")).getText();
        for (String expected : List.of(HEADLINE, "MIDDLE EAST", "TIMES OF ISRAEL", "REUTERS", "Published November 1, 2024",
                "Published November 2, 2024", "Baghdad fears being drawn into the regional war",
                "Iraq says it is working to rein in the armed groups", "Iraq is working to avoid being drawn in.",
                "Officials met militia leaders on Thursday.", "There was no immediate Iraqi comment.",
                "Mourners in Baghdad, January 25, 2024.", "AP Photo/Hadi Mizban", "SOURCE: www.timesofisrael.com",
                "SOURCE: www.reuters.com", "RELATED: Iraq tries to avoid regional fight", "Be the first to comment")) {
            assertTrue(page.contains(expected), "the public page shows: " + expected);
        }
        assertEquals("Thursday", browser.findElement(By.cssSelector(".excerpt-body b")).getText());
        List<WebElement> readMore = browser.findElements(By.linkText("READ FULL ARTICLE"));
        assertEquals("https://www.timesofisrael.com/iraq-weighs-militias/", readMore.get(0).getAttribute("href"));
        WebElement photo = browser.findElement(By.cssSelector(".excerpt-photo img"));
        assertTrue(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", photo)).intValue() > 0);
        session.screenshot("desk-published-post");
        assertFalse(page.contains("<b>"));
    }

    private void createUser(String username, String name, String role) {
        session.open("/admin/users/edit");
        session.type("user:username", username);
        session.type("user:displayName", name);
        session.type("user:email", username + "@newsdesk.invalid");
        browser.findElement(By.cssSelector("input[name='user:roles'][value='" + role + "']")).click();
        session.type("user:newPassword", username + "-password-" + (role.equals("EDITOR") ? "12" : "1"));
        session.click("user:save");
        assertEquals("Account " + username + " created.", flashInfo());
    }

    private String flashInfo() {
        return browser.findElement(By.cssSelector(".flash .flash-info, .flash-info")).getText();
    }

    private String flashError() {
        return browser.findElement(By.cssSelector(".flash .flash-error")).getText();
    }
}
