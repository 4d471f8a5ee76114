package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.account.LegacyPasswordHash;
import org.newsdesk.newsletter.TestMailServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The editorial desk in a real browser: an administrator creates a writer and an editor; the writer
 * composes a two-excerpt post with a photo upload and submits it; the editor sends it back with a
 * note; the writer fixes it; the editor publishes; readers see every field. And signing in: every failure
 * says the same, repeated failures are slowed down rather than locking the account, and a guessable
 * password is refused at the field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeskBrowserIT {

    private static final String NO_MATCH = "That username and password do not match an active account.";
    private static final String HEADLINE = "Iraq weighs how to restrain militias firing at Israel";

    @ArquillianResource
    private URL base;

    @RegisterExtension
    final BrowserSession session = new BrowserSession(() -> base);

    private WebDriver browser;

    @BeforeEach
    void browser() {
        browser = session.driver();
    }

    @AfterEach
    void forgetFailures() {
        forgetFailedSignIns();
    }

    @Test
    void everyFailedSignInSaysTheSame() {
        forgetFailedSignIns();
        account("locksmith", true, null);
        account("sleeper", false, null);
        account("frozen", true, "UTC_TIMESTAMP() + INTERVAL 1 HOUR");
        String[][] attempts = {{"nobody-here", "the-right-password"}, {"locksmith", "wrong-password"},
            {"sleeper", "the-right-password"}, {"frozen", "the-right-password"}};
        for (String[] attempt : attempts) {
            session.signIn(attempt[0], attempt[1]);
            assertEquals(NO_MATCH, flashError(), "unknown, wrong, disabled and locked look alike: " + attempt[0]);
            assertTrue(browser.getCurrentUrl().endsWith("/login"));
        }
    }

    @Test
    void repeatedFailuresSlowTheAddressDownWithoutLockingTheAccount() {
        forgetFailedSignIns();
        account("keysmith", true, null);
        for (int i = 1; i <= 6; i++) {
            session.signIn("keysmith", "wrong-password-" + i);
            // The failure that sets a wait says it, as the README does: 2, 4, 8 ... seconds.
            assertEquals(i < 6 ? NO_MATCH : NO_MATCH + " Wait 2 seconds before trying again.", flashError(), "attempt " + i);
        }
        // The sixth failure from one address, one more than it gets free, makes the next attempt wait 2 seconds.
        assertEquals(6L, count("select failures from signin_throttle where subject = 'address:127.0.0.1'"));
        assertEquals(2L, count("select timestampdiff(second, last_failure, not_before) from signin_throttle"
                + " where subject = 'address:127.0.0.1'"));
        // A slow machine may take longer than that to open the page again: the wait is stretched here, so that
        // the attempt below surely falls within it (CI once signed in after the 2 seconds had passed).
        TestDatabase.update("update signin_throttle set not_before = UTC_TIMESTAMP() + INTERVAL 6 SECOND"
                + " where subject = 'address:127.0.0.1'");
        for (int early = 1; early <= 3; early++) {
            session.signIn("keysmith", "the-right-password");
            assertTrue(flashError().matches("Too many failed sign-ins\\. Wait [1-6] seconds? before trying again\\."), flashError());
            assertTrue(browser.getCurrentUrl().endsWith("/login"), "the right password waits too: it is not even checked");
        }
        // Three refused attempts in a minute are one entry of the audit log, not three (a brute force wrote 24 a second).
        assertEquals(1L, count("select count(*) from audit_event where action = 'signin.throttled' and actor = 'keysmith'"));
        assertEquals(0L, count("select count(*) from audit_event where action = 'signin.throttled' and detail like '%wait 0 s%'"));

        // Seven seconds later: the throttle's clock is the database's, moved on here rather than waited for.
        TestDatabase.update("update signin_throttle set last_failure = last_failure - INTERVAL 7 SECOND,"
                + " not_before = not_before - INTERVAL 7 SECOND");
        session.signIn("keysmith", "the-right-password");
        assertTrue(browser.getCurrentUrl().contains("/admin"), "six failures lock nobody out: " + browser.getCurrentUrl());
        assertEquals(0L, count("select count(*) from audit_event where action = 'user.locked'"));
        assertEquals(1L, count("select count(*) from audit_event where action = 'signin.throttled' and actor = 'keysmith'"));
    }

    @Test
    void aUsernamesWaitSparesTheAddressItsOwnerSignsInFromAndSaysNothingAboutWhetherItExists() {
        forgetFailedSignIns();
        account("traveller", true, null);
        TestDatabase.update("update users set last_signin_address = '127.0.0.1' where username = 'traveller'");
        for (String name : new String[] {"traveller", "no-such-traveller"}) {
            TestDatabase.update("insert into signin_throttle (subject, failures, last_failure, not_before)"
                    + " values (?, 30, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 MINUTE)", "account:" + name);
        }
        session.signIn("traveller", "the-right-password");
        assertTrue(browser.getCurrentUrl().contains("/admin"), "someone guessing elsewhere does not keep the owner out");
        session.signOut();

        TestDatabase.update("update users set last_signin_address = '192.0.2.1' where username = 'traveller'");
        session.signIn("traveller", "the-right-password");
        String traveller = flashError();
        session.signIn("no-such-traveller", "the-right-password");
        assertTrue(traveller.startsWith("Too many failed sign-ins. Wait "), "from a new address the owner waits too");
        assertEquals(traveller.replaceAll("\\d+ seconds?", "N"), flashError().replaceAll("\\d+ seconds?", "N"),
                "and so does a name no account has");
    }

    @Test
    void theFiftiethFailureInARowLocksTheAccountAndTellsItsOwner() throws InterruptedException {
        GreenMail mail = TestMailServer.start();
        try {
            account("lockable", true, null);
            TestDatabase.update("update users set failed_logins = 49 where username = 'lockable'");
            session.signIn("lockable", "wrong-password");
            assertEquals(NO_MATCH, flashError());
            session.signIn("lockable", "the-right-password");
            assertEquals(NO_MATCH, flashError(), "locked, and says no more than any other failure");
            assertEquals(1L, count("select count(*) from audit_event where action = 'user.locked'"
                    + " and object_id = (select id from users where username = 'lockable')"));
            assertTrue(mail.waitForIncomingEmail(15_000, 1), "the owner is told");
            MimeMessage told = mail.getReceivedMessages()[0];
            assertEquals("lockable@newsdesk.invalid", GreenMailUtil.getAddressList(told.getAllRecipients()));
            assertTrue(GreenMailUtil.getBody(told).contains("50 times in a row"), GreenMailUtil.getBody(told));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } finally {
            mail.stop();
        }
    }

    @Test
    void aGuessablePasswordIsRefusedAtTheField() {
        session.signIn("admin", "it-admin-password");
        session.open("/admin/users/edit");
        session.type("user:username", "weakling");
        session.type("user:displayName", "Weak Ling");
        session.type("user:email", "weakling@newsdesk.invalid");
        browser.findElement(By.cssSelector("input[name='user:roles'][value='WRITER']")).click();
        session.type("user:newPassword", "password1234");
        session.click("user:save");
        assertTrue(fieldError("user:newPassword").startsWith("That password is too easy to guess"), fieldError("user:newPassword"));
        assertEquals(0L, count("select count(*) from users where username = 'weakling'"));
        // Every desk form: a summary at the top names the problem, and the keyboard is at the field.
        assertTrue(browser.findElement(By.cssSelector(".error-summary")).getText().startsWith("One thing to fix\nThat password is too easy"),
                browser.findElement(By.cssSelector(".error-summary")).getText());
        assertEquals("user:newPassword", browser.switchTo().activeElement().getAttribute("id"));

        session.open("/admin/account/password");
        session.type("password:currentPassword", "it-admin-password");
        session.type("password:newPassword", "short-one");
        session.type("password:repeatPassword", "short-one");
        session.click("password:save");
        assertEquals("Use at least 12 characters.", fieldError("password:newPassword"));
        session.signOut();
        session.signIn("admin", "it-admin-password");
        assertTrue(browser.getCurrentUrl().contains("/admin"), "the admin's password, shorter than today's rule, still works");
    }

    @Test
    void aPostGoesFromWriterToEditorToReaders() {
        session.signIn("admin", "it-admin-password");
        createUser("wanda", "Wanda Writer", "WRITER");
        createUser("ed", "Ed Editor", "EDITOR");
        session.signOut();

        // The writer composes.
        session.signIn("wanda", "wanda-gravel-hums-in-october");
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
        session.typeRich("edit:excerpts:0:bodyText", "Iraq is working to avoid being drawn in.\n\nOfficials met militia leaders on <b>Thursday</b>.");
        browser.findElement(By.id("edit:excerpts:0:photoFile"))
                .sendKeys(Path.of("src/main/resources/seed/militia-funeral-baghdad.jpg").toAbsolutePath().toString());
        // Uploaded as soon as it is chosen, in place.
        session.waitForText("#excerpt-1 .chosen-photo .photo-name", "militia-funeral-baghdad.jpg");
        session.type("edit:excerpts:0:caption", "Mourners in Baghdad, January 25, 2024.");
        session.type("edit:excerpts:0:creditLine", "AP Photo/Hadi Mizban");
        session.click("edit:excerpts:0:addRelated");
        session.type("edit:excerpts:0:related:0:title", "Iraq tries to avoid regional fight");
        session.type("edit:excerpts:0:related:0:url", "https://www.timesofisrael.com/iraq-tries-to-avoid/");
        session.click("edit:addExcerpt");
        new Select(browser.findElement(By.id("edit:excerpts:1:outlet"))).selectByVisibleText("REUTERS (reuters.com)");
        session.type("edit:excerpts:1:articleUrl", "https://www.reuters.com/world/middle-east/iraq-weighs-militias/");
        session.setValue("edit:excerpts:1:originalPublishedOn", "2024-11-02");
        session.typeRich("edit:excerpts:1:bodyText", "There was no immediate Iraqi comment.");
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
        session.signIn("ed", "ed-gravel-hums-in-october");
        browser.get(editUrl);
        session.type("edit:note", "Add the Reuters dek, please.");
        session.click("edit:reject");
        assertEquals("Sent back to the writer with your note.", flashInfo());
        session.signOut();

        // The writer sees the note and fixes the post.
        session.signIn("wanda", "wanda-gravel-hums-in-october");
        session.open("/admin/posts/?author=");
        browser.findElement(By.linkText(HEADLINE)).click();
        assertTrue(browser.findElement(By.cssSelector(".review-note")).getText().contains("Add the Reuters dek, please."));
        session.type("edit:excerpts:1:dek", "Iraq says it is working to rein in the armed groups");
        session.click("edit:submit");
        assertEquals("Submitted for review. An editor will take it from here.", flashInfo());
        session.signOut();

        // The editor publishes.
        session.signIn("ed", "ed-gravel-hums-in-october");
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
        session.type("user:newPassword", username + "-gravel-hums-in-october");
        session.click("user:save");
        assertEquals("Account " + username + " created.", flashInfo());
    }

    private String fieldError(String id) {
        return browser.findElement(By.cssSelector("[id='" + id + "'] ~ .field-error")).getText();
    }

    /** An account made straight in the database, with the password "the-right-password". */
    private static void account(String username, boolean enabled, String lockedUntilSql) {
        TestDatabase.update("insert into users (username, display_name, email, password_hash, enabled, locked_until, created_at)"
                + " values (?, ?, ?, ?, ?, " + (lockedUntilSql == null ? "null" : lockedUntilSql) + ", now())",
                username, username, username + "@newsdesk.invalid", LegacyPasswordHash.of("the-right-password".toCharArray()), enabled);
        TestDatabase.update("insert into user_role (user_id, role) select id, 'WRITER' from users where username = ?", username);
    }

    /** Failed sign-ins from this machine would slow down the other tests' sign-ins. */
    private static void forgetFailedSignIns() {
        TestDatabase.update("delete from signin_throttle");
    }

    private static long count(String sql) {
        return ((Number) TestDatabase.single(sql)).longValue();
    }

    private String flashInfo() {
        return browser.findElement(By.cssSelector(".flash .flash-info, .flash-info")).getText();
    }

    private String flashError() {
        List<WebElement> errors = browser.findElements(By.cssSelector(".flash .flash-error"));
        assertFalse(errors.isEmpty(), () -> "no error message on " + browser.getCurrentUrl() + ": "
                + browser.findElement(By.tagName("body")).getText());
        return errors.get(0).getText();
    }
}
