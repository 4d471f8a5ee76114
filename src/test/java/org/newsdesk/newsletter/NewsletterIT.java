package org.newsdesk.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.newsdesk.BrowserSession;
import org.newsdesk.SiteClient;
import org.newsdesk.TestDatabase;

/**
 * Subscribing to the daily digest as a reader does, with a real SMTP server (GreenMail) catching the mail: double
 * opt-in (a subscription never confirmed gets nothing more), the same answer for a known address (whose owner is
 * told by mail), leaving by a mail program's one-click POST with no session, choosing sections and coming back,
 * refusals at the field, and an address the mail server refuses for good marked bounced.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NewsletterIT {

    private static final Pattern LINK = Pattern.compile("https://news\\.newsdesk\\.test(/newsletter/\\S+)");

    private static GreenMail mail;

    @ArquillianResource
    private URL base;

    private final SiteClient site = new SiteClient(() -> base);

    @RegisterExtension
    final BrowserSession session = new BrowserSession(() -> base);

    @BeforeAll
    static void startMailServer() throws InterruptedException {
        mail = TestMailServer.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aReaderSubscribesFromTheFrontPageInABrowserAndConfirmsFromTheMail() throws Exception {
        WebDriver browser = session.driver();
        session.open("/");
        // A typo first: the answer is /newsletter/'s form, with the message at the field and the address as typed.
        session.type("subscribe-box-email", "layla.front-page.example.org");
        browser.findElement(By.cssSelector("#subscribe-box button[type=submit]")).click();
        session.waitFor("#subscribe\\:email-message");
        assertTrue(browser.findElement(By.id("subscribe:email-message")).getText().contains("typo"),
                browser.findElement(By.tagName("main")).getText());
        assertEquals("layla.front-page.example.org", browser.findElement(By.id("subscribe:email")).getAttribute("value"));
        assertEquals("true", browser.findElement(By.id("subscribe:email")).getAttribute("aria-invalid"));
        assertTrue(browser.findElements(By.id("subscribe:all")).stream().allMatch(WebElement::isSelected), "still every section");

        session.open("/");
        session.type("subscribe-box-email", "layla.front-page@example.org");
        browser.findElement(By.cssSelector("#subscribe-box button[type=submit]")).click();
        session.waitFor(".form-info");
        assertTrue(browser.getCurrentUrl().endsWith("/newsletter/?asked=1"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector(".form-info")).getText().contains("Check your inbox"));
        assertEquals("PENDING", status("layla.front-page@example.org"), "every section, waiting for the reader's click");

        browser.get(session.url(link(mailTo("layla.front-page@example.org"), "/newsletter/confirm")));
        assertTrue(browser.findElement(By.cssSelector(".form-info")).getText().contains("you will get"));
        assertEquals("CONFIRMED", status("layla.front-page@example.org"));
        assertEquals(1L, count("select cast(all_sections as unsigned) from subscriber where email_key = 'layla.front-page@example.org'"));
        session.screenshot("newsletter-confirmed");
    }

    @Test
    void aConfirmedSubscriptionGetsThroughAndOneNeverConfirmedGetsNothingMore() throws Exception {
        Connection.Response asked = subscribe("Amira.Haddad+digest@example.org", "198.51.100.11");
        assertEquals(302, asked.statusCode());
        assertTrue(asked.header("Location").endsWith("/newsletter/?asked=1"), asked.header("Location"));
        assertEquals(302, subscribe("never.confirms@example.org", "198.51.100.12").statusCode());

        MimeMessage confirmation = mailTo("Amira.Haddad+digest@example.org");
        assertTrue(confirmation.getSubject().endsWith("confirm your subscription"), confirmation.getSubject());
        assertNull(confirmation.getHeader("List-Unsubscribe"), "an address not subscribed yet has nothing to leave");
        String link = link(confirmation, "/newsletter/confirm");
        assertEquals("PENDING", status("amira.haddad+digest@example.org"));

        Document confirmed = Jsoup.connect(site.url(link)).get();
        assertTrue(confirmed.selectFirst(".form-info").text().contains("you will get"), confirmed.text());
        assertEquals("CONFIRMED", status("amira.haddad+digest@example.org"));
        assertNotNull(confirmed.selectFirst("a[href*=/newsletter/manage?t=]"), "the subscriber's own page is linked");
        Jsoup.connect(site.url(link)).get();
        assertEquals("CONFIRMED", status("amira.haddad+digest@example.org"), "a second click changes nothing");

        Document forged = Jsoup.connect(site.url(link.substring(0, link.length() - 3) + "abc")).ignoreHttpErrors(true).get();
        assertTrue(forged.selectFirst(".form-errors").text().contains("expired"), forged.text());
        assertEquals("PENDING", status("never.confirms@example.org"));
        assertEquals(1L, count("select count(*) from mail_outbox m join subscriber s on s.id = m.subscriber_id"
                + " where s.email_key = 'never.confirms@example.org'"), "nothing but the confirmation");
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndItsOwnerIsToldByMail() throws Exception {
        String address = "subscribed.twice@example.org";
        Connection.Response first = subscribe(address, "198.51.100.21");
        confirm(mailTo(address));
        mail.purgeEmailFromAllMailboxes();
        // Asked again later (right away, a second mail is held back: a double click, or someone mail-bombing the address).
        TestDatabase.update("update subscriber set asked_at = asked_at - interval 10 minute where email_key = ?", address);
        Connection.Response again = subscribe(address, "198.51.100.22");
        assertEquals(first.statusCode(), again.statusCode());
        assertEquals(first.header("Location"), again.header("Location"), "no way to learn who reads us");

        MimeMessage told = mailTo(address);
        assertTrue(told.getSubject().endsWith("you are subscribed already"), told.getSubject());
        assertEquals("List-Unsubscribe=One-Click", told.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(told.getHeader("List-Unsubscribe")[0].startsWith("<https://news.newsdesk.test/newsletter/unsubscribe?t="));
        assertEquals("CONFIRMED", status(address), "its sections and status are its own to change");
    }

    @Test
    void oneClickLeavesWithoutASessionAndTheSubscribersPageBringsThemBack() throws Exception {
        String address = "one.click@example.org";
        subscribe(address, "198.51.100.31");
        confirm(mailTo(address));
        mail.purgeEmailFromAllMailboxes();
        TestDatabase.update("update subscriber set asked_at = asked_at - interval 10 minute where email_key = ?", address);
        subscribe(address, "198.51.100.32");
        MimeMessage told = mailTo(address);
        String unsubscribe = told.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "")
                .replace("https://news.newsdesk.test", site.url(""));

        // RFC 8058: the mail program POSTs List-Unsubscribe=One-Click, with no cookie and no form of ours.
        HttpResponse<String> left = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, left.statusCode(), left.body());
        assertTrue(left.headers().firstValue("Set-Cookie").isEmpty(), "no session");
        assertEquals("UNSUBSCRIBED", status(address));

        String manage = link(told, "/newsletter/manage");
        Document page = Jsoup.connect(site.url(manage)).get();
        assertTrue(page.text().contains("does not get the digest"), page.text());
        FormElement rejoin = (FormElement) page.selectFirst("form#rejoin");
        Connection.Response back = site.press(Jsoup.newSession(), rejoin, "rejoin:back");
        assertEquals(302, back.statusCode());
        assertEquals("CONFIRMED", status(address));

        // Choosing sections: every one is the default; one chosen instead.
        TestDatabase.update("insert ignore into section (slug, name) values ('digest-iraq', 'العراق Iraq')");
        long section = ((Number) TestDatabase.single("select id from section where slug = 'digest-iraq'")).longValue();
        Document again = Jsoup.connect(site.url(manage)).get();
        FormElement sections = (FormElement) again.selectFirst("form#manage");
        sections.selectFirst("[name=manage:all]").removeAttr("checked");
        sections.selectFirst("[name=section][value=" + section + "]").attr("checked", "checked");
        assertEquals(302, site.press(Jsoup.newSession(), sections, "manage:save").statusCode());
        assertEquals(List.of(0, section), List.of(((Number) TestDatabase.single("select cast(all_sections as unsigned) from subscriber where email_key = ?", address)).intValue(),
                ((Number) TestDatabase.single("select ss.section_id from subscriber_section ss join subscriber s on s.id = ss.subscriber_id"
                        + " where s.email_key = ?", address)).longValue()));

        // The visible link in the mail leaves too, with one click, and says so.
        Document gone = Jsoup.connect(site.url(link(told, "/newsletter/manage").replace("/manage?", "/unsubscribe?"))).get();
        assertTrue(gone.selectFirst(".form-info").text().contains("unsubscribed"), gone.text());
        assertEquals("UNSUBSCRIBED", status(address));
    }

    @Test
    void aMistakeIsSaidAtTheFieldAndABotOrAFloodGetsNothing() throws Exception {
        assertEquals("Please give the email address the digest should go to.", fieldMessage(subscribe("", "198.51.100.41")));
        assertEquals("This does not look like an email address; check it for a typo.",
                fieldMessage(subscribe("مريم at example.org", "198.51.100.41")));
        assertEquals("An email address has at most 254 characters.", fieldMessage(subscribe("a".repeat(250) + "@example.org", "198.51.100.41")));
        // A mail server without SMTPUTF8 refuses such a mailbox (501): refused here instead of bouncing later.
        assertTrue(fieldMessage(subscribe("مريم.🌙@example.org", "198.51.100.41")).startsWith("Mail servers take only addresses"));
        // A domain in another script is sent to in its ASCII form.
        assertEquals(302, subscribe("maryam@مثال.example", "198.51.100.44").statusCode());
        assertEquals(1L, count("select count(*) from subscriber where email_key = 'maryam@xn--mgbh0fb.example'"));

        Document page = Jsoup.connect(site.url("/newsletter/")).get();
        FormElement form = (FormElement) page.selectFirst("form#subscribe");
        form.selectFirst("[name=subscribe:email]").val("bot@example.org");
        form.selectFirst("[name=url]").val("http://spam.example/");
        assertEquals(302, site.press(Jsoup.newSession().header("X-Forwarded-For", "198.51.100.42"), form, "subscribe:send").statusCode(),
                "a bot is answered as anyone");
        assertEquals(0L, count("select count(*) from subscriber where email_key = 'bot@example.org'"));

        for (int i = 1; i <= NewsletterService.RATE_LIMIT; i++) {
            assertEquals(302, subscribe("flood" + i + "@example.org", "198.51.100.43").statusCode());
        }
        assertTrue(fieldMessage(subscribe("flood-more@example.org", "198.51.100.43")).startsWith("Too many subscriptions from here"));

        HttpResponse<String> foreign = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.url("/newsletter/")))
                .header("Sec-Fetch-Site", "cross-site").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, foreign.statusCode(), "reading the page from a link elsewhere is fine");
    }

    @Test
    void anAddressTheMailServerRefusesForGoodIsMarkedBounced() throws Exception {
        String address = "no.such.mailbox@example.org";
        mail.stop();
        try (RefusingSmtp refusing = new RefusingSmtp(TestMailServer.port())) {
            assertEquals(302, subscribe(address, "198.51.100.51").statusCode());
            long deadline = System.currentTimeMillis() + 30_000;
            while (!"BOUNCED".equals(status(address)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertEquals("BOUNCED", status(address));
            assertEquals("FAILED", TestDatabase.single("select m.status from mail_outbox m join subscriber s on s.id = m.subscriber_id"
                    + " where s.email_key = ?", address));
            assertTrue(refusing.recipients.contains(address), refusing.recipients.toString());
            // The desk lists it with the server's answer, for administrators.
            Document desk = site.signedIn("admin", "it-admin-password").newRequest(site.url("/admin/newsletter/")).get();
            assertTrue(desk.select("table.failed tr").stream().anyMatch(row -> row.text().contains(address) && row.text().contains("550")),
                    desk.select("main").text());
        } finally {
            mail = TestMailServer.start();
        }
    }

    @Test
    void theDigestBringsEachSubscriberThePostsOfTheirSectionsAndBreakingNewsGoesToAll() throws Exception {
        TestDatabase.update("insert ignore into section (slug, name) values ('digest-world', 'World'), ('digest-sport', 'Sport')");
        long world = ((Number) TestDatabase.single("select id from section where slug = 'digest-world'")).longValue();
        long sport = ((Number) TestDatabase.single("select id from section where slug = 'digest-sport'")).longValue();
        long admin = org.newsdesk.DeskFixtures.userId("admin");
        String worldHeadline = "العراق: الفصائل تعلن هدنة 🕊️ — Ελληνικά";
        String sportHeadline = "Baghdad marathon runs again 🏃 after a decade";
        long worldPost = org.newsdesk.DeskFixtures.demoPostCopy("digest-world-post", worldHeadline, admin, "published");
        long sportPost = org.newsdesk.DeskFixtures.demoPostCopy("digest-sport-post", sportHeadline, admin, "published");
        TestDatabase.update("update post set section_id = ? where id = ?", world, worldPost);
        TestDatabase.update("update post set section_id = ? where id = ?", sport, sportPost);
        TestDatabase.update("update post set published_at = now() - interval 1 hour where id in (?, ?)", worldPost, sportPost);
        // Everything published before these two went out in an earlier digest.
        TestDatabase.update("delete from newsletter_send");
        TestDatabase.update("insert into newsletter_send (kind, send_key, since, until, status, created_at)"
                + " values ('DIGEST', 'digest:test-earlier', null, now() - interval 2 hour, 'QUEUED', now())");

        subscribe("every.section@example.org", "198.51.100.61");
        confirm(mailTo("every.section@example.org"));
        subscribe("sport.only@example.org", "198.51.100.62");
        confirm(mailTo("sport.only@example.org"));
        TestDatabase.update("update subscriber set all_sections = false where email_key = 'sport.only@example.org'");
        TestDatabase.update("insert into subscriber_section (subscriber_id, section_id) select id, ? from subscriber"
                + " where email_key = 'sport.only@example.org'", sport);
        subscribe("never.confirmed.digest@example.org", "198.51.100.63");
        mailTo("never.confirmed.digest@example.org"); // its confirmation goes out through the outbox too: let it land first
        mail.purgeEmailFromAllMailboxes();

        Connection desk = site.signedIn("admin", "it-admin-password");
        FormElement now = (FormElement) desk.newRequest(site.url("/admin/newsletter/")).get().selectFirst("form#digest");
        assertEquals(302, site.press(desk, now, "digest:now").statusCode());

        MimeMessage every = mailTo("every.section@example.org");
        MimeMessage sportOnly = mailTo("sport.only@example.org");
        String everyHtml = part(every, "text/html");
        String everyText = part(every, "text/plain");
        assertTrue(everyHtml.contains(org.newsdesk.platform.HtmlText.escape(worldHeadline)) && everyText.contains(worldHeadline), everyText);
        assertTrue(everyText.contains(sportHeadline) && everyText.indexOf(sportHeadline) >= 0, everyText);
        assertTrue(everyText.contains("https://news.newsdesk.test/post/digest-world-post"), "a link to the post");
        assertTrue(everyHtml.contains("/media/") && everyHtml.contains("<img"), "the lead excerpt's photo");
        assertTrue(part(sportOnly, "text/plain").contains(sportHeadline));
        assertFalse(part(sportOnly, "text/plain").contains(worldHeadline), "only the sections chosen");
        assertTrue(every.getHeader("List-Unsubscribe")[0].contains("/newsletter/unsubscribe?t="));
        assertTrue(everyText.contains("/newsletter/unsubscribe?t="), "a visible link to leave");
        assertTrue(every.getContentType().startsWith("multipart/alternative"), every.getContentType());
        Thread.sleep(6_000); // a run of the outbox later, still nothing for the address that never confirmed
        assertEquals(0, Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals("never.confirmed.digest@example.org")).count());
        // The desk says the send went, every mail of it.
        String sent = desk.newRequest(site.url("/admin/newsletter/")).get().selectFirst("table.sends tbody tr").text();
        assertTrue(sent.contains("Sent") && sent.matches(".*\\b(\\d+) of \\1 sent, 0 failed.*"), sent);

        // Nothing published since: no digest, and the desk says so.
        mail.purgeEmailFromAllMailboxes();
        FormElement again = (FormElement) desk.newRequest(site.url("/admin/newsletter/")).get().selectFirst("form#digest");
        assertEquals(302, site.press(desk, again, "digest:now").statusCode());
        long deadline = System.currentTimeMillis() + 20_000;
        while (!"EMPTY".equals(TestDatabase.single("select status from newsletter_send order by id desc limit 1"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("EMPTY", TestDatabase.single("select status from newsletter_send order by id desc limit 1"));

        // Breaking news: refused until the editor ticks the box that says to how many; then to every subscriber.
        FormElement breaking = (FormElement) desk.newRequest(site.url("/admin/newsletter/")).get().selectFirst("form#breaking");
        breaking.select("[name=breaking:post] option").removeAttr("selected");
        breaking.selectFirst("[name=breaking:post] option[value=" + worldPost + "]").attr("selected", "selected");
        Document unconfirmed = site.press(desk, breaking, "breaking:send").parse();
        assertTrue(unconfirmed.selectFirst("#breaking\\:confirm-message").text().startsWith("Tick the box to send it to"), unconfirmed.text());
        breaking.selectFirst("[name=breaking:confirm]").attr("checked", "checked");
        assertEquals(302, site.press(desk, breaking, "breaking:send").statusCode());
        MimeMessage toSport = mailTo("sport.only@example.org");
        assertTrue(toSport.getSubject().startsWith(worldHeadline), "breaking news goes to everyone: " + toSport.getSubject());
        mailTo("every.section@example.org");
    }

    private static String recipient(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (MessagingException e) {
            return "";
        }
    }

    /** A part of a multipart mail, decoded. */
    private static String part(MimeMessage message, String type) throws Exception {
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private Connection.Response subscribe(String email, String from) throws IOException {
        Document page = Jsoup.connect(site.url("/newsletter/")).get();
        FormElement form = (FormElement) page.selectFirst("form#subscribe");
        assertNotNull(form, "the subscription form");
        form.selectFirst("[name=subscribe:email]").val(email);
        return site.press(Jsoup.newSession().header("X-Forwarded-For", from).ignoreHttpErrors(true), form, "subscribe:send");
    }

    private void confirm(MimeMessage confirmation) throws Exception {
        Jsoup.connect(site.url(link(confirmation, "/newsletter/confirm"))).get();
    }

    private static String fieldMessage(Connection.Response answer) throws IOException {
        assertEquals(200, answer.statusCode(), "refused at the form, not sent away");
        return answer.parse().selectFirst("#subscribe\\:email-message").text();
    }

    /** The one mail to {@code address}, waited for. */
    private static MimeMessage mailTo(String address) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> found = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return GreenMailUtil.getAddressList(m.getAllRecipients()).equalsIgnoreCase(address);
                } catch (MessagingException e) {
                    return false;
                }
            }).toList();
            if (!found.isEmpty()) {
                assertEquals(1, found.size(), "one mail to " + address);
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address + " within 30 s");
    }

    private static String link(MimeMessage message, String path) {
        Matcher found = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        while (found.find()) {
            if (found.group(1).startsWith(path)) {
                return found.group(1);
            }
        }
        throw new AssertionError("no " + path + " link in " + GreenMailUtil.getBody(message));
    }

    private static String status(String emailKey) {
        return (String) TestDatabase.single("select status from subscriber where email_key = ?", emailKey);
    }

    private static long count(String sql) {
        return ((Number) TestDatabase.single(sql)).longValue();
    }

    /** An SMTP server that refuses every recipient for good (550), as a mail server does for a mailbox that does not exist. */
    private static final class RefusingSmtp implements AutoCloseable {

        final List<String> recipients = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final ServerSocket server;
        private final Thread thread;

        RefusingSmtp(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            thread = new Thread(this::serve, "refusing-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket client = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                     PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                    out.print("220 refusing.test ESMTP\r\n");
                    out.flush();
                    String line;
                    while ((line = in.readLine()) != null) {
                        String command = line.toUpperCase(java.util.Locale.ROOT);
                        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                            out.print("250 refusing.test\r\n");
                        } else if (command.startsWith("RCPT TO:")) {
                            recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
                            out.print("550 5.1.1 No such mailbox\r\n");
                        } else if (command.startsWith("QUIT")) {
                            out.print("221 bye\r\n");
                            out.flush();
                            break;
                        } else if (command.startsWith("RSET") || command.startsWith("MAIL FROM:") || command.startsWith("NOOP")) {
                            out.print("250 ok\r\n");
                        } else {
                            out.print("503 5.5.1 bad sequence\r\n");
                        }
                        out.flush();
                    }
                } catch (IOException e) {
                    // Closed: the test is over.
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
