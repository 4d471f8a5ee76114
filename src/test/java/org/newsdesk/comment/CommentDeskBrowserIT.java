package org.newsdesk.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.BrowserSession;
import org.newsdesk.SeedPage;
import org.newsdesk.SiteClient;
import org.newsdesk.TestDatabase;
import org.newsdesk.newsletter.TestMailServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A reader and a moderator in a real browser, with a real SMTP server (GreenMail) catching the mail:
 * the reader's comment waits, the moderator is told, approves it from the keyboard, the reader is told;
 * a reply nests under it; a comment full of links is held naming the link rule; a report reaches the
 * reported queue. Also: a comment typed in any script comes back exactly, a refused comment is answered
 * at the form, and a ban by network address says whom else it would shut out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommentDeskBrowserIT {

    private static final String SLUG = "comments-browser-conversation";
    private static final String READER = "Rania Browser";
    private static final String READER_EMAIL = "rania.browser@example.org";
    private static final String MODERATOR_EMAIL = "desk.moderator@newsdesk.test";
    private static final String FIRST = "A first comment, written in a real browser.";

    private static GreenMail mail;

    @ArquillianResource
    private URL base;

    @RegisterExtension
    final BrowserSession session = new BrowserSession(() -> base);

    private WebDriver browser;

    @BeforeAll
    static void startMailServer() throws InterruptedException {
        mail = TestMailServer.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    @BeforeEach
    void browser() {
        browser = session.driver();
    }

    @Test
    void aReaderCommentsAModeratorApprovesItAndTheConversationGoesOn() throws Exception {
        CommentTestPosts.published(SLUG);
        String post = session.url("/post/" + SLUG);

        // An administrator makes a moderator account, through the users page.
        session.signIn("admin", "it-admin-password");
        browser.get(session.url("/admin/users/edit"));
        session.type("user:username", "desk-moderator");
        session.type("user:displayName", "Desk Moderator");
        session.type("user:email", MODERATOR_EMAIL);
        browser.findElement(By.cssSelector("input[name='user:roles'][value=MODERATOR]")).click();
        session.type("user:newPassword", "moderator-gravel-hums-in-october");
        browser.findElement(By.id("user:save")).click();
        session.waitForText(".flash", "Account desk-moderator created.");
        browser.manage().deleteAllCookies();

        // A reader comments for the first time, asking to be told when it is approved.
        browser.get(post);
        session.type("comment-form:name", READER);
        session.type("comment-form:email", READER_EMAIL);
        session.type("comment-form:body", FIRST);
        browser.findElement(By.id("comment-form:notify")).click();
        browser.findElement(By.id("comment-form:remember")).click();
        browser.findElement(By.id("comment-form:submit")).click();
        WebElement held = session.waitFor(".comment.held");
        assertTrue(held.getText().contains("Your comment is awaiting moderation."), held.getText());
        session.screenshot("comment-awaiting-moderation");
        MimeMessage toModerator = mailTo(MODERATOR_EMAIL, "Comment held (first-comment)");
        assertTrue(GreenMailUtil.getBody(toModerator).contains(FIRST));

        // The same reader, remembered, posts a comment full of links.
        browser.get(post);
        assertEquals(READER, browser.findElement(By.id("comment-form:name")).getAttribute("value"), "remembered");
        session.type("comment-form:body", "Read https://one.example/a https://two.example/b https://three.example/c https://four.example/d");
        browser.findElement(By.id("comment-form:submit")).click();
        // This reader's first comment is held on this page already: wait for the second, on the page sent to.
        session.waitForText(".comment-list", "four.example");

        // The moderator signs in, finds both in the pending queue with the rule that held each.
        browser.manage().deleteAllCookies();
        session.signIn("desk-moderator", "moderator-gravel-hums-in-october");
        browser.get(session.url("/admin/comments/"));
        List<WebElement> items = browser.findElements(By.cssSelector(".queue-item"));
        WebElement links = item("four.example");
        assertEquals("links", links.findElement(By.cssSelector(".held-by .rule")).getText());
        assertTrue(links.getText().contains("4 links (more than 2 allowed)."));
        WebElement first = item(FIRST);
        assertEquals("first comment", first.findElement(By.cssSelector(".held-by .rule")).getText(), "the rule by its name in words");
        assertTrue(first.getText().contains(READER_EMAIL) && first.getText().contains("0 approved from this email"));
        session.screenshot("moderation-queue");

        // ... and approves the first comment from the keyboard: j to move to it, a to approve.
        int steps = items.indexOf(first);
        for (int i = 0; i < steps; i++) {
            new Actions(browser).sendKeys("j").perform();
        }
        new Actions(browser).sendKeys("a").perform();
        session.waitForText(".flash", "Approved the comment by " + READER + ".");
        MimeMessage toReader = mailTo(READER_EMAIL, "is published");
        assertTrue(GreenMailUtil.getBody(toReader).contains("/post/" + SLUG));

        // Everyone now sees it; the reader replies to it and the reply, shown at once, nests beneath.
        browser.manage().deleteAllCookies();
        browser.get(post);
        WebElement approved = browser.findElement(By.xpath("//li[contains(@class,'comment')][.//p[text()='" + FIRST + "']]"));
        String parentId = approved.getAttribute("id");
        approved.findElement(By.cssSelector(".reply-link")).click();
        assertTrue(browser.findElement(By.cssSelector(".replying")).getText().contains(READER));
        session.type("comment-form:name", READER);
        session.type("comment-form:email", READER_EMAIL);
        session.type("comment-form:body", "And a reply to my own comment.");
        browser.findElement(By.id("comment-form:submit")).click();
        WebElement reply = session.waitFor("li.comment.depth-1");
        assertTrue(reply.getText().contains("And a reply to my own comment."));
        List<WebElement> thread = browser.findElements(By.cssSelector("li.comment"));
        assertEquals(parentId, thread.get(thread.indexOf(reply) - 1).getAttribute("id"), "right under its parent");
        session.screenshot("threaded-reply");

        // Another reader reports the first comment.
        browser.manage().deleteAllCookies();
        browser.get(post);
        browser.findElement(By.cssSelector("#" + parentId + " .report-link")).click();
        browser.findElement(By.cssSelector("#report-form input[value=ABUSE]")).click();
        browser.findElement(By.id("report-form:send")).click();
        session.waitForText("#" + parentId + " .reported-thanks", "Thank you for your report.");

        // It reaches the reported queue, still shown to readers.
        session.signIn("desk-moderator", "moderator-gravel-hums-in-october");
        browser.get(session.url("/admin/comments/?queue=reported"));
        WebElement reported = item(FIRST);
        assertEquals("1 report · still shown to readers", reported.findElement(By.cssSelector(".reports p")).getText());
        assertEquals("Abusive, hateful or threatening", reported.findElement(By.cssSelector(".reports .report-reason")).getText());
        assertTrue(reported.findElements(By.cssSelector(".held-by")).isEmpty(),
                "approved, it is no longer presented as held by the first-comment rule: " + reported.getText());
        // Other test classes share the database: the tab must count what the database holds.
        assertEquals(String.valueOf(TestDatabase.single("select count(*) from comment where status = 'APPROVED'"
                + " and reports_open > 0")), browser.findElement(By.cssSelector("#queue-reported .count")).getText());
        session.screenshot("reported-queue");
        assertEquals("APPROVED", TestDatabase.single("select status from comment where body = ?", FIRST));
    }

    @Test
    void aReaderWritingInEveryScriptSeesExactlyWhatTheyTyped() {
        String slug = "comments-browser-every-script";
        CommentTestPosts.published(slug);
        String name = "José Núñez مرحبا שלום Καλημέρα 你好";
        String body = "Café, señor: مرحبا بالعالم — שלום — Καλημέρα — 你好";
        String emoji = " 👍🏽";
        session.open("/post/" + slug);
        session.type("comment-form:name", name);
        session.type("comment-form:email", "every.script@example.org");
        session.type("comment-form:body", body);
        // chromedriver types only characters of the Basic Multilingual Plane; the emoji (4 bytes in UTF-8)
        // is added by script to what was typed, and the browser sends the form as it would any other.
        for (String field : List.of("comment-form:name", "comment-form:body")) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].value += arguments[1]",
                    browser.findElement(By.id(field)), emoji);
        }
        browser.findElement(By.id("comment-form:submit")).click();

        WebElement held = session.waitFor(".comment.held");
        assertEquals(name + emoji, held.findElement(By.cssSelector(".author")).getText());
        assertEquals(body + emoji, held.findElement(By.cssSelector(".comment-body")).getText());
        assertEquals(List.of(name + emoji, body + emoji, utf8Hex(name + emoji), utf8Hex(body + emoji)),
                TestDatabase.query("select author_name, body, hex(author_name), hex(body) from comment"
                        + " where author_email = 'every.script@example.org'").get(0), "stored byte for byte as UTF-8");
        session.screenshot("comment-in-every-script");
    }

    @Test
    void aRefusedCommentIsAnsweredAtTheFormWithTheTextKept() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        session.open("/post/" + SeedPage.SLUG);
        WebElement form = browser.findElement(By.id("comment-form"));
        assertFalse(onScreen(form), "the form starts below the first screen of the post");
        session.type("comment-form:email", "nameless.reader@example.org");
        session.type("comment-form:body", "Written with care, but without a name.");
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true");
        browser.findElement(By.id("comment-form:submit")).click();

        // comments.js sent it to /comment-form: the answer is shown in the page the reader is on.
        WebElement message = session.waitFor("[id='comment-form:name'] ~ .field-error");
        assertEquals("Please give your name.", message.getText());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true"),
                "the page was not loaded again");
        assertTrue(onScreen(message), "the message is on screen, next to its field");
        assertEquals("comment-form:name", browser.switchTo().activeElement().getAttribute("id"), "the reader is put in the field");
        assertEquals("true", browser.findElement(By.id("comment-form:name")).getAttribute("aria-invalid"));
        assertEquals("Written with care, but without a name.",
                browser.findElement(By.id("comment-form:body")).getAttribute("value"), "nothing typed is lost");
        session.screenshot("comment-refused-at-the-form");

        // Corrected and sent again: the old message goes, the comment is taken and shown to its author.
        session.type("comment-form:name", "Named At Last");
        browser.findElement(By.id("comment-form:submit")).click();
        session.waitForText(".comment-list", "Written with care, but without a name.");
        assertTrue(browser.getCurrentUrl().contains("?comment="), browser.getCurrentUrl());
        WebElement held = browser.findElement(By.id(browser.getCurrentUrl().replaceFirst(".*#", "")));
        assertEquals("Written with care, but without a name.", held.findElement(By.cssSelector(".comment-body")).getText());
        assertTrue(held.getAttribute("class").contains("held"), "shown to its author, awaiting moderation");
    }

    @Test
    void beforeBanningANetworkAddressTheModeratorLearnsWhoElseUsesItAndMayBanTheEmailInstead() throws Exception {
        String slug = "comments-browser-shared-address";
        CommentTestPosts.published(slug);
        SiteClient site = new SiteClient(() -> base);
        for (String reader : List.of("first.flatmate", "second.flatmate")) {
            assertEquals(302, SiteClient.fillCommentForm(site.get("/post/" + slug).parse(), "Flatmate " + reader,
                    reader + "@example.org", "Hello from the shared flat, says " + reader + ".")
                    .submit().followRedirects(false).execute().statusCode());
        }
        long id = ((Number) TestDatabase.single("select id from comment where author_email = 'first.flatmate@example.org'"))
                .longValue();
        // Every browser test comments from 127.0.0.1: count as the desk must, from what the database holds.
        long others = ((Number) TestDatabase.single("select count(distinct lower(author_email)) from comment where ip_hash ="
                + " (select ip_hash from comment where id = ?) and lower(author_email) <> 'first.flatmate@example.org'", id))
                .longValue();
        assertTrue(others >= 1, "the second flatmate at least");

        session.signIn("admin", "it-admin-password");
        session.open("/admin/comments/edit?id=" + id);
        browser.findElement(By.id("ban-form:ban-address")).click();
        WebElement confirm = session.waitFor(".ban-confirm");
        assertTrue(confirm.getText().contains(others + (others == 1 ? " other commenter" : " other commenters")),
                confirm.getText());
        assertEquals(0L, TestDatabase.single("select count(*) from comment_ban where comment_id = ?", id),
                "nothing is banned before the moderator confirms");
        session.screenshot("ban-by-address-confirmation");

        browser.findElement(By.id("ban-form:ban-email-instead")).click();
        session.waitForText(".flash", "Banned first.flatmate@example.org");
        assertEquals(List.of(List.of("EMAIL")), TestDatabase.query("select kind from comment_ban where comment_id = ?", id));

        browser.manage().deleteAllCookies();
        assertEquals(302, SiteClient.fillCommentForm(site.get("/post/" + slug).parse(), "Flatmate again",
                "first.flatmate@example.org", "Back under my own email.").submit().followRedirects(false).execute().statusCode());
        assertEquals(List.of("SPAM", "banned"), TestDatabase.query("select status, held_by_rule from comment"
                + " where body = 'Back under my own email.'").get(0));
        assertEquals(302, SiteClient.fillCommentForm(site.get("/post/" + slug).parse(), "Flatmate second",
                "second.flatmate@example.org", "I am not banned.").submit().followRedirects(false).execute().statusCode());
        assertNotEquals("SPAM", TestDatabase.single("select status from comment where body = 'I am not banned.'"),
                "the other reader at the same address is not shut out");
    }

    private boolean onScreen(WebElement element) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    private static String utf8Hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private WebElement item(String text) {
        return browser.findElements(By.cssSelector(".queue-item")).stream()
                .filter(e -> e.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no queue item with " + text + " in " + browser.getPageSource()));
    }

    /** Waits for a mail to this address whose subject contains the words, and returns it. */
    private static MimeMessage mailTo(String address, String subject) throws MessagingException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                boolean to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                if (to && message.getSubject().contains(subject)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address + " about " + subject + "; received: "
                + Arrays.stream(mail.getReceivedMessages()).map(m -> {
                    try {
                        return m.getSubject();
                    } catch (MessagingException e) {
                        return "?";
                    }
                }).toList());
    }

}
