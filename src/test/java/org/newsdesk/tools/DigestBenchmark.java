package org.newsdesk.tools;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.jsoup.nodes.FormElement;
import org.newsdesk.DeskFixtures;
import org.newsdesk.account.NoDelaySockets;
import org.newsdesk.SiteClient;

/**
 * The daily digest at a real list's size, on this machine: SUBSCRIBERS confirmed subscribers, the digest sent from the
 * desk's "Send the digest now", every mail rendered, queued in the outbox and handed to a local SMTP server ({@link CountingSmtp}
 * on SMTP_PORT, where the server sends). Prints the mails handed over a second, each tenth of the way, with the
 * server's resident memory; then, side by side, the ceiling: the same SMTP server fed by a bare Jakarta Mail loop in
 * this process (no database, no rendering). Run by {@code bench/digest.sh}; bounded at 15 minutes; 127.0.0.1 only.
 *
 * <pre>
 * DigestBenchmark PORT ADMIN_PASSWORD SERVER_PID SMTP_PORT SUBSCRIBERS   (database from NEWSDESK_DB_URL/_USER/_PASSWORD)
 * </pre>
 */
public final class DigestBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(15);

    /** Posts in the digest: about a day's round-ups. */
    private static final int POSTS = 10;

    private static final String[] HEADLINES = {"Iraq's militias weigh a truce", "العراق: الفصائل تعلن هدنة 🕊️",
        "הכנסת מאשרת את התקציב", "Η Αθήνα υποδέχεται τη σύνοδο", "Baghdad marathon runs again 🏃"};

    private DigestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String password = args[1];
        long serverPid = Long.parseLong(args[2]);
        int smtpPort = Integer.parseInt(args[3]);
        int subscribers = Integer.parseInt(args[4]);
        try (CountingSmtp smtp = new CountingSmtp(smtpPort)) {
            try (Connection db = DriverManager.getConnection(System.getenv("NEWSDESK_DB_URL") + "&rewriteBatchedStatements=true",
                    System.getenv("NEWSDESK_DB_USER"), System.getenv("NEWSDESK_DB_PASSWORD"))) {
                subscribe(db, subscribers);
            }
            System.out.printf("%,d confirmed subscribers; server resident memory before: %,d MB%n", subscribers, residentMb(serverPid));

            SiteClient site = new SiteClient(() -> url("http://127.0.0.1:" + port));
            org.jsoup.Connection desk = site.signedIn("admin", password);
            FormElement now = (FormElement) desk.newRequest(site.url("/admin/newsletter/")).get().selectFirst("form#digest");
            long started = System.nanoTime();
            int status = site.press(desk, now, "digest:now").statusCode();
            if (status != 302) {
                throw new IllegalStateException("The desk answered " + status + " to Send the digest now");
            }
            long deadline = started + LIMIT.toNanos();
            int nextTenth = 1;
            long peakMb = 0;
            long lowMb = Long.MAX_VALUE;
            int received = 0;
            while (received < subscribers && System.nanoTime() < deadline) {
                Thread.sleep(250);
                received = (int) smtp.mails();
                long rss = residentMb(serverPid);
                peakMb = Math.max(peakMb, rss);
                lowMb = Math.min(lowMb, rss);
                while (nextTenth <= 10 && received >= (long) subscribers * nextTenth / 10) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("%,7d mails after %6.1f s: %6.1f mails a second so far; server resident memory %,d MB%n",
                            received, seconds, received / seconds, rss);
                    nextTenth++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Newsdesk: %,d of %,d digests (%,d kB each) in %.1f s, %.1f mails a second (from the press to the last"
                    + " mail); server resident memory %,d to %,d MB%n", received, subscribers, smtp.bytes() / Math.max(1, received) / 1024,
                    seconds, received / seconds, lowMb, peakMb);
            int size = (int) (smtp.bytes() / Math.max(1, received));
            bare(smtp, smtpPort, 500, size, false);
            bare(smtp, smtpPort, 10_000, size, true);
        }
    }

    /** The ceiling: the same SMTP server fed by one connection from this process, mails of a digest's size. */
    private static void bare(CountingSmtp smtp, int smtpPort, int mails, int size, boolean noDelay) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        if (noDelay) {
            props.put("mail.smtp.socketFactory", new NoDelaySockets());
        }
        Session session = Session.getInstance(props);
        String body = "x".repeat(75).concat("\n").repeat(Math.max(1, size / 76));
        long before = smtp.mails();
        long started = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < mails; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("bench@newsdesk.test"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("bare-" + i + "@example.org"));
                message.setSubject("Bare " + i, "UTF-8");
                message.setText(body, "UTF-8");
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Bare Jakarta Mail loop to the same SMTP server, mails of the same size, %s: %,d mails in %.1f s,"
                + " %.1f mails a second%n", noDelay ? "sockets as Newsdesk's (TCP_NODELAY; the ceiling)" : "Jakarta Mail's default sockets",
                smtp.mails() - before, seconds, mails / seconds);
    }

    private static void subscribe(Connection db, int subscribers) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("delete from subscriber where email_key like 'digest-bench-%'");
        }
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("insert into subscriber (email, email_key, status, all_sections,"
                + " created_at, asked_at, confirmed_at) values (?, ?, 'CONFIRMED', true, now(), now(), now())")) {
            for (int i = 1; i <= subscribers; i++) {
                String address = "digest-bench-" + i + "@example.org";
                insert.setString(1, address);
                insert.setString(2, address);
                insert.addBatch();
                if (i % 1_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        // A day's posts: the demo post and nine copies with headlines in the desk's scripts, published in the last hours.
        for (int i = 1; i <= POSTS - 1; i++) {
            DeskFixtures.demoPostCopy("digest-bench-" + i, HEADLINES[i % HEADLINES.length] + " " + i, null, "published");
        }
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("update post set published_at = now() - interval id * 7 minute where status = 'PUBLISHED'");
        }
        try (Statement statement = db.createStatement();
             ResultSet published = statement.executeQuery("select count(*) from post where status = 'PUBLISHED'"
                     + " and published_at > now() - interval 1 day")) {
            published.next();
            System.out.printf("%d post(s) published in the last day go in the digest%n", published.getInt(1));
        }
    }

    /** The process's resident set, from /proc. */
    private static long residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static URL url(String address) {
        try {
            return URI.create(address).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
