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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.account.PasswordHash;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    private WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.newsdesk();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browsers.headlessChromium();
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) {
        Browsers.screenshot(browser, "last-" + test.getTestMethod().orElseThrow().getName());
        browser.quit();
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        TestDatabase.update("insert into users (username, display_name, email, password_hash, created_at)"
                + " values ('locksmith', 'Lock Smith', 'locksmith@newsdesk.invalid', ?, now())",
                PasswordHash.of("the-right-password".toCharArray()));
        for (int i = 1; i <= 4; i++) {
            signIn("locksmith", "wrong-password-" + i);
            assertEquals("That username and password do not match an active account.", flashError());
        }
        signIn("locksmith", "wrong-password-5");
        assertTrue(flashError().startsWith("Too many failed attempts: this account is locked until"), flashError());
        signIn("locksmith", "the-right-password");
        assertTrue(flashError().startsWith("Too many failed attempts"), "even the right password waits out the lock");
        assertTrue(browser.getCurrentUrl().endsWith("/login"));
        assertEquals(1L, ((Number) TestDatabase.single("select count(*) from audit_event where action = 'user.locked'"
                + " and object_id = (select id from users where username = 'locksmith')")).longValue());
    }

    @Test
    void aPostGoesFromWriterToEditorToReaders() {
        signIn("admin", "it-admin-password");
        createUser("wanda", "Wanda Writer", "WRITER");
        createUser("ed", "Ed Editor", "EDITOR");
        signOut();

        // The writer composes.
        signIn("wanda", "wanda-password-1");
        Instant started = Instant.now();
        open("/admin/posts/edit");
        type("edit:headline", HEADLINE);
        type("edit:section", "Middle East");
        type("edit:tags", "Iraq, Israel");
        browser.findElement(By.cssSelector("#excerpt-1 .add-outlet summary")).click();
        type("edit:excerpts:0:newOutletName", "TIMES OF ISRAEL");
        type("edit:excerpts:0:newOutletDomain", "timesofisrael.com");
        type("edit:excerpts:0:articleUrl", "https://www.timesofisrael.com/iraq-weighs-militias/");
        setValue("edit:excerpts:0:originalPublishedOn", "2024-11-01");
        type("edit:excerpts:0:dek", "Baghdad fears being drawn into the regional war");
        type("edit:excerpts:0:bodyText", "Iraq is working to avoid being drawn in.\n\nOfficials met militia leaders on <b>Thursday</b>.");
        browser.findElement(By.id("edit:excerpts:0:photoFile"))
                .sendKeys(Path.of("src/main/resources/seed/militia-funeral-baghdad.jpg").toAbsolutePath().toString());
        type("edit:excerpts:0:caption", "Mourners in Baghdad, January 25, 2024.");
        type("edit:excerpts:0:creditLine", "AP Photo/Hadi Mizban");
        click("edit:excerpts:0:addRelated");
        type("edit:excerpts:0:related:0:title", "Iraq tries to avoid regional fight");
        type("edit:excerpts:0:related:0:url", "https://www.timesofisrael.com/iraq-tries-to-avoid/");
        click("edit:addExcerpt");
        new Select(browser.findElement(By.id("edit:excerpts:1:outlet"))).selectByVisibleText("REUTERS (reuters.com)");
        type("edit:excerpts:1:articleUrl", "https://www.reuters.com/world/middle-east/iraq-weighs-militias/");
        setValue("edit:excerpts:1:originalPublishedOn", "2024-11-02");
        type("edit:excerpts:1:bodyText", "There was no immediate Iraqi comment.");
        click("edit:submit");
        assertEquals("Submitted for review. An editor will take it from here.", flashInfo());
        Duration composing = Duration.between(started, Instant.now());
        System.out.println("Composing a two-excerpt post with a photo upload took " + composing.toMillis() + " ms");
        assertEquals("in review", browser.findElement(By.cssSelector("h1 .status")).getText());
        assertTrue(browser.findElements(By.id("edit:publish")).isEmpty(), "a writer has no publish button");
        Browsers.screenshot(browser, "desk-compose");
        String editUrl = browser.getCurrentUrl();
        signOut();

        // The editor sends it back.
        signIn("ed", "ed-password-12");
        browser.get(editUrl);
        type("edit:note", "Add the Reuters dek, please.");
        click("edit:reject");
        assertEquals("Sent back to the writer with your note.", flashInfo());
        signOut();

        // The writer sees the note and fixes the post.
        signIn("wanda", "wanda-password-1");
        open("/admin/posts/?author=");
        browser.findElement(By.linkText(HEADLINE)).click();
        assertTrue(browser.findElement(By.cssSelector(".review-note")).getText().contains("Add the Reuters dek, please."));
        type("edit:excerpts:1:dek", "Iraq says it is working to rein in the armed groups");
        click("edit:submit");
        assertEquals("Submitted for review. An editor will take it from here.", flashInfo());
        signOut();

        // The editor publishes.
        signIn("ed", "ed-password-12");
        browser.get(editUrl);
        click("edit:publish");
        assertEquals("Published.", flashInfo());
        signOut();

        // Readers see every field.
        open("/");
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
        Browsers.screenshot(browser, "desk-published-post");
        assertFalse(page.contains("<b>"));
    }

    private void createUser(String username, String name, String role) {
        open("/admin/users/edit");
        type("user:username", username);
        type("user:displayName", name);
        type("user:email", username + "@newsdesk.invalid");
        browser.findElement(By.cssSelector("input[name='user:roles'][value='" + role + "']")).click();
        type("user:newPassword", username + "-password-" + (role.equals("EDITOR") ? "12" : "1"));
        if (role.equals("EDITOR")) {
            // "ed-password-12" and "wanda-password-1" are both at least 10 characters long.
        }
        click("user:save");
        assertEquals("Account " + username + " created.", flashInfo());
    }

    private void signIn(String username, String password) {
        open("/login");
        type("login:username", username);
        type("login:password", password);
        click("login:submit");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !b.getCurrentUrl().endsWith("/login")
                || !b.findElements(By.cssSelector(".flash .flash-error")).isEmpty());
    }

    private void signOut() {
        click("signout:go");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains("/login?signedout"));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + base.getPort() + path);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private String flashInfo() {
        return browser.findElement(By.cssSelector(".flash .flash-info, .flash-info")).getText();
    }

    private String flashError() {
        return browser.findElement(By.cssSelector(".flash .flash-error")).getText();
    }
}
