package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Connection;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.newsdesk.newsletter.TestMailServer;

/**
 * A digest send whose server is killed (SIGKILL, as a power cut or the out-of-memory killer would) in the middle of
 * its sending: a server started again on the same database finishes it, and every subscriber has exactly one digest,
 * caught by a real SMTP server (GreenMail) on the port the test servers send to. Servers of its own, as
 * {@link ClusterIT}'s; the suite's server on that database, if it is running, may take part as another instance would.
 */
class DigestSendKilledIT {

    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final Path LOGS = Path.of("target", "failsafe-reports").toAbsolutePath();
    private static final int SUBSCRIBERS = 300;
    private static final String PREFIX = "killed-send-";

    @Test
    void aSendKilledMidwayIsFinishedAfterTheRestartAndEverySubscriberGetsOneDigest() throws Exception {
        GreenMail mail = TestMailServer.start();
        Path home = Path.of("target", "killed-send").toAbsolutePath();
        // Ten mails a second: the send takes half a minute, so the kill lands in its middle.
        Map<String, String> settings = Map.of("NEWSDESK_NEWSLETTER_MAILS_PER_SECOND", "10");
        try {
            int atKill;
            try (SecondInstance first = SecondInstance.start(home.resolve("first"), LOGS.resolve("DigestSendKilledIT-first.log"), BOOT, settings)) {
                prepare(); // once a server has brought the database's schema up to date, should this class run first
                SiteClient site = new SiteClient(() -> url(first));
                Connection desk = site.signedIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
                FormElement now = (FormElement) desk.newRequest(site.url("/admin/newsletter/")).get().selectFirst("form#digest");
                assertEquals(302, site.press(desk, now, "digest:now").statusCode());
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (digests(mail) < SUBSCRIBERS / 6 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                first.kill();
                assertTrue(first.waitForExit(Duration.ofSeconds(30)) != null, "the killed server ended");
                atKill = digests(mail);
            }
            assertTrue(atKill >= SUBSCRIBERS / 6 && atKill < SUBSCRIBERS, atKill + " digests had gone when the server was killed");
            long leftAtKill = count("select count(*) from mail_outbox where send_id is not null and status <> 'SENT'");
            assertTrue(leftAtKill > 0, "mail was still to send when the server was killed");
            long restarted = System.nanoTime();

            try (SecondInstance second = SecondInstance.start(home.resolve("second"), LOGS.resolve("DigestSendKilledIT-second.log"), BOOT, settings)) {
                // What the killed server had taken is taken again once its claim ran out (half a minute).
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (count("select count(*) from mail_outbox where send_id is not null and status <> 'SENT'") > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                Thread.sleep(6_000); // a run of the outbox later: nothing more comes
                Map<String, Long> perSubscriber = Arrays.stream(mail.getReceivedMessages()).map(DigestSendKilledIT::recipient)
                        .filter(r -> r.startsWith(PREFIX))
                        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
                assertEquals(SUBSCRIBERS, perSubscriber.size(), "every subscriber got the digest; " + atKill + " before the kill");
                Map<String, Long> twice = perSubscriber.entrySet().stream().filter(e -> e.getValue() != 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                assertEquals(Map.of(), twice, "each subscriber got exactly one digest");
                assertEquals(0L, count("select count(*) from mail_outbox where send_id is not null and status <> 'SENT'"));
                System.out.printf("DigestSendKilledIT: %d of %d digests had gone when the server was killed, %d left in the outbox;"
                        + " after the restart every subscriber had one, in %.1f s from the second server's start%n", atKill, SUBSCRIBERS,
                        leftAtKill, (System.nanoTime() - restarted) / 1e9);
            }
        } finally {
            mail.stop();
            TestDatabase.update("delete from subscriber where email_key like '" + PREFIX + "%'");
        }
    }

    /** 300 confirmed subscribers, a post published an hour ago, and earlier digests that took everything before it. */
    private static void prepare() {
        TestDatabase.update("delete from mail_outbox where send_id is not null");
        TestDatabase.update("delete from newsletter_send");
        // Today's scheduled digest (in whatever zone the servers keep) counts as sent, so only the desk's send goes out.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate day : new LocalDate[] {today.minusDays(1), today, today.plusDays(1)}) {
            TestDatabase.update("insert into newsletter_send (kind, send_key, since, until, status, created_at)"
                    + " values ('DIGEST', ?, null, now() - interval 2 hour, 'QUEUED', now())", "digest:" + day);
        }
        TestDatabase.update("delete from subscriber where email_key like '" + PREFIX + "%'");
        for (int i = 1; i <= SUBSCRIBERS; i++) {
            String address = PREFIX + i + "@example.org";
            TestDatabase.update("insert into subscriber (email, email_key, status, all_sections, created_at, asked_at, confirmed_at)"
                    + " values (?, ?, 'CONFIRMED', true, now(), now(), now())", address, address);
        }
        long post = DeskFixtures.demoPostCopy(PREFIX + UUID.randomUUID().toString().substring(0, 8),
                "Killed mid-send: العراق 🕊️", null, "published");
        TestDatabase.update("update post set published_at = now() - interval 1 hour where id = ?", post);
    }

    private static int digests(GreenMail mail) {
        return (int) Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).startsWith(PREFIX)).count();
    }

    private static String recipient(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients()).toLowerCase();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static long count(String sql) {
        return ((Number) TestDatabase.single(sql)).longValue();
    }

    private static URL url(SecondInstance instance) {
        try {
            return URI.create(instance.url()).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
