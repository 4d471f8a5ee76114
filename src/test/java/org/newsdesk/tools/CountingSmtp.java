package org.newsdesk.tools;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server for benchmarks that takes every mail and keeps none: it answers as a relay does (220, 250 to EHLO,
 * MAIL, RCPT, RSET and NOOP, 354 to DATA, 250 once the mail's closing dot came, 221 to QUIT) and counts mails and
 * bytes. Written here because the maintained test servers keep every mail: GreenMail, which the integration tests
 * use to read mail back, files each under a user of its own, and at 10,000 recipients took about 20 ms a mail on this
 * machine, which made it, not Newsdesk, what bench/digest.sh measured. 127.0.0.1 only.
 */
public final class CountingSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "counting-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong mails = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public CountingSmtp(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "counting-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Mails taken so far. */
    public long mails() {
        return mails.get();
    }

    /** Bytes of mail taken so far (the DATA sections). */
    public long bytes() {
        return bytes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536); OutputStream out = socket.getOutputStream()) {
            say(out, "220 127.0.0.1 counting SMTP ready");
            for (String line = line(in); line != null; line = line(in)) {
                String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (verb) {
                    case "EHLO", "HELO" -> say(out, "250 127.0.0.1");
                    case "DATA" -> {
                        say(out, "354 end with <CRLF>.<CRLF>");
                        long size = 0;
                        for (String body = line(in); body != null && !body.equals("."); body = line(in)) {
                            size += body.length() + 2;
                        }
                        bytes.addAndGet(size);
                        mails.incrementAndGet();
                        say(out, "250 2.0.0 taken");
                    }
                    case "QUIT" -> {
                        say(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> say(out, "250 2.0.0 ok");
                }
            }
        } catch (IOException e) {
            // The client went away: nothing to keep.
        }
    }

    /** One line without its CRLF, as ISO-8859-1 (only its length and the commands matter); null at the end. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(128);
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
