package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsdesk.tools.CommentBenchmark;
import org.newsdesk.tools.TestFiles;

/**
 * SIGTERM, as Docker and systemd stop a server, in the middle of a comment storm, on a real Newsdesk
 * started as the run command starts it ({@link SecondInstance}).
 */
class GracefulStopIT {

    private static final String DEMO = "/post/iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel";

    @Test
    void sigtermUnderACommentStormKeepsEveryAcknowledgedCommentSavesNoOtherAndNeverShowsTheContainersPages()
            throws Exception {
        Storm storm = new Storm("stop");
        Readers readers = new Readers();
        try (SecondInstance site = start("sigterm")) {
            storm.start(site);
            readers.start(site);
            sleep(4_000);
            int beforeStop = storm.acknowledged.size();
            readers.stopSent = true;
            site.terminate();
            long stopped = System.nanoTime();
            Integer exit = site.waitForExit(Duration.ofSeconds(60));
            long exited = System.nanoTime();
            long stopMillis = (exited - stopped) / 1_000_000;
            storm.stop();
            readers.stop();

            assertNotNull(exit, "the server stopped within a minute");
            String log = site.log();
            System.out.printf("GracefulStopIT: SIGTERM: %s; %s; the server stopped %d ms after SIGTERM (exit %d)%n",
                    storm.summary(), readers.summary(), stopMillis, exit);
            assertTrue(beforeStop > 0, "the storm was under way");
            assertTrue(log.contains("Stopping: ") && log.contains("all finished"), "requests in flight finished first:\n" + log);
            assertEquals(List.of(), storm.foreignPages, "no reader got the container's own page or an error");
            // Before: the listener took connections until the process ended, and 8 of about 2,500 requests sent
            // through a stop were reset or answered in part.
            assertEquals(List.of(), storm.cutOff, "every comment was answered or refused, none taken and cut off");
            assertTrue(readers.answeredAfterStop.get() > 0 && readers.refused.get() > 0, "readers were reading through the stop: "
                    + readers.summary());
            assertEquals(List.of(), readers.cutOff, "every page request was answered or refused, none taken and cut off");
            // The port closed at the signal, not at the process's end: connections were refused while the server
            // still finished its work (before, the first refusal came when the process had ended, and 7 of about
            // 3,300 requests were reset).
            long firstRefusal = readers.firstRefusal.get();
            assertTrue(firstRefusal != 0 && exited - firstRefusal > 200_000_000L, "refused at least 0.2 s before the process"
                    + " ended: " + readers.summary());
            assertTrue(log.contains("no new connection is accepted"), log);
            assertEquals(java.util.Set.of(), site.unpackedRuntimes(),
                    "the server's unpacked runtime (160 MB) is not left in the temporary directory");
        }
        storm.assertSavedExactlyTheAcknowledged(true);
    }

    @Test
    void killMinus9UnderACommentStormLosesNoAcknowledgedComment() throws Exception {
        Storm storm = new Storm("kill");
        try (SecondInstance site = start("kill")) {
            storm.start(site);
            sleep(4_000);
            site.kill();
            assertNotNull(site.waitForExit(Duration.ofSeconds(30)));
            // Nothing runs after kill -9: the runtime directory the server unpacked is left, and is this test's to remove.
            for (Path left : site.unpackedRuntimes()) {
                TestFiles.delete(left);
            }
            storm.stop();
            System.out.printf("GracefulStopIT: kill -9: %s%n", storm.summary());
            assertTrue(storm.acknowledged.size() > 0, "the storm was under way");
        }
        // A comment saved just before the kill may never have been acknowledged; the reverse must not happen.
        storm.assertSavedExactlyTheAcknowledged(false);
    }

    private static SecondInstance start(String name) throws Exception {
        Path home = Files.createDirectories(Path.of("target", "graceful-stop", name).toAbsolutePath());
        return SecondInstance.start(home, Path.of("target", "failsafe-reports", "GracefulStopIT-" + name + ".log").toAbsolutePath(),
                Duration.ofMinutes(3));
    }

    /**
     * Four readers fetching the front page as fast as they can through a stop, on raw sockets so that what happens
     * to each request is seen as it is: answered in full, refused (the port closed: a proxy tries another instance),
     * or taken and cut off (a reset, or the connection closed before the whole answer). Two open a connection per
     * request; two keep theirs open, as proxies and browsers do, and open another when the server closes it.
     */
    private static final class Readers {

        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger answeredAfterStop = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final List<String> cutOff = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> resetInQueue = java.util.Collections.synchronizedList(new ArrayList<>());
        /** When a connection was first refused, from {@link System#nanoTime()}; 0 until then. */
        final java.util.concurrent.atomic.AtomicLong firstRefusal = new java.util.concurrent.atomic.AtomicLong();
        private final AtomicBoolean reading = new AtomicBoolean(true);
        /** Set when SIGTERM is sent. */
        volatile boolean stopSent;
        private ExecutorService pool;

        void start(SecondInstance site) {
            int port = URI.create(site.url()).getPort();
            pool = Executors.newFixedThreadPool(4);
            for (int r = 0; r < 4; r++) {
                boolean keepAlive = r % 2 == 0;
                pool.submit(() -> read(port, keepAlive));
            }
        }

        private void read(int port, boolean keepAlive) {
            java.net.Socket socket = null;
            java.io.InputStream in = null;
            while (reading.get()) {
                boolean reused = socket != null;
                boolean[] started = {false};
                try {
                    if (socket == null) {
                        socket = new java.net.Socket();
                        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 3000);
                        socket.setSoTimeout(30_000);
                        in = new java.io.BufferedInputStream(socket.getInputStream());
                    }
                    socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + (keepAlive ? "" : "Connection: close\r\n") + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    Boolean close = readAnswer(in, started);
                    if (close == null) {
                        // Nothing at all on a connection kept open: the server closed it between requests, which a
                        // client retries on a new one. Anything else short of a whole answer is a request cut off.
                        if (!reused) {
                            cutOff.add("no answer on a new connection");
                        }
                        socket.close();
                        socket = null;
                        continue;
                    }
                    answered.incrementAndGet();
                    if (stopSent) {
                        answeredAfterStop.incrementAndGet();
                    }
                    if (close || !keepAlive) {
                        socket.close();
                        socket = null;
                    }
                } catch (java.net.ConnectException e) {
                    refused.incrementAndGet();
                    firstRefusal.compareAndSet(0, System.nanoTime());
                    socket = null;
                    sleep(5);
                } catch (IOException e) {
                    if (!reused && !started[0] && e instanceof java.net.SocketException) {
                        // A new connection reset before any byte of an answer: the kernel had completed it and queued
                        // it for the server when the server closed its port, which resets what is queued (the server
                        // never read the request). No server can close a port without that race; a proxy retries it.
                        resetInQueue.add(e.toString());
                    } else {
                        cutOff.add(e.toString());
                    }
                    closeQuietly(socket);
                    socket = null;
                }
            }
            closeQuietly(socket);
        }

        /**
         * Reads one whole answer: whether the server said it closes the connection; null when the connection
         * ended before the first byte. An answer that ends early throws.
         */
        private static Boolean readAnswer(java.io.InputStream in, boolean[] started) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while (!head.toString().endsWith("\r\n\r\n")) {
                c = in.read();
                started[0] = true;
                if (c < 0) {
                    if (head.length() == 0) {
                        return null;
                    }
                    throw new IOException("the answer ended in its head: " + head);
                }
                head.append((char) c);
            }
            String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(lower);
            if (length.find()) {
                long left = Long.parseLong(length.group(1));
                while (left > 0) {
                    long skipped = in.skip(left);
                    if (skipped <= 0) {
                        if (in.read() < 0) {
                            throw new IOException("the answer ended " + left + " bytes short");
                        }
                        skipped = 1;
                    }
                    left -= skipped;
                }
            } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
                while (true) {
                    StringBuilder size = new StringBuilder();
                    while (!size.toString().endsWith("\r\n")) {
                        c = in.read();
                        if (c < 0) {
                            throw new IOException("the chunked answer ended early");
                        }
                        size.append((char) c);
                    }
                    int chunk = Integer.parseInt(size.toString().strip().split(";")[0], 16);
                    byte[] rest = in.readNBytes(chunk + 2);
                    if (rest.length < chunk + 2) {
                        throw new IOException("the chunked answer ended early");
                    }
                    if (chunk == 0) {
                        break;
                    }
                }
            }
            return lower.contains("\r\nconnection: close");
        }

        void stop() throws InterruptedException {
            sleep(1_000);
            reading.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(40, TimeUnit.SECONDS));
        }

        String summary() {
            return "page readers: " + answered.get() + " answered (" + answeredAfterStop.get() + " after SIGTERM), "
                    + refused.get() + " refused, " + cutOff.size() + " cut off, " + resetInQueue.size()
                    + " reset unread in the port's queue as it closed";
        }

        private static void closeQuietly(java.net.Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** Six readers commenting on the demo post as fast as they can, each comment marked for the database check. */
    private static final class Storm {

        final String run;
        final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        final Map<String, String> unacknowledged = new ConcurrentHashMap<>();
        final List<String> foreignPages = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger ourUnavailablePages = new AtomicInteger();
        final AtomicInteger noAnswer = new AtomicInteger();
        /** Requests the server took and then cut off (a reset, a connection closed without an answer). */
        final List<String> cutOff = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean storming = new AtomicBoolean(true);
        private final AtomicInteger next = new AtomicInteger();
        private ExecutorService readers;

        Storm(String name) {
            this.run = name + "-" + Long.toString(System.currentTimeMillis(), 36);
        }

        void start(SecondInstance site) throws Exception {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(3)).build();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(site.url() + DEMO)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "the demo post takes comments");
            readers = Executors.newFixedThreadPool(6);
            for (int r = 0; r < 6; r++) {
                readers.submit(() -> {
                    while (storming.get() && next.get() < 5_000) {
                        String marker = run + "-" + next.getAndIncrement();
                        try {
                            HttpResponse<String> answer = CommentBenchmark.comment(http, site.url() + DEMO, "Reader " + marker,
                                    marker + "@example.org", "Comment " + marker + " on the round-up.", new long[1]);
                            Long id = CommentBenchmark.acknowledgedId(answer);
                            if (id != null) {
                                acknowledged.put(marker, id);
                            } else if (answer.statusCode() == 503 && answer.body().contains("Newsdesk is back in a moment")) {
                                ourUnavailablePages.incrementAndGet();
                                unacknowledged.put(marker, "503");
                            } else {
                                foreignPages.add(answer.statusCode() + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
                                unacknowledged.put(marker, String.valueOf(answer.statusCode()));
                            }
                        } catch (IOException e) {
                            // The server closed its port or the connection: no answer, which is no page of anyone's. A
                            // refused connection is what a proxy retries elsewhere; one taken and then cut off is not.
                            noAnswer.incrementAndGet();
                            if (!(e instanceof java.net.ConnectException)) {
                                cutOff.add(e.toString());
                            }
                            unacknowledged.put(marker, "no answer");
                            sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }

        void stop() throws InterruptedException {
            sleep(1_000);
            storming.set(false);
            readers.shutdown();
            assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));
        }

        String summary() {
            return acknowledged.size() + " comments acknowledged, " + ourUnavailablePages.get() + " answered with the site's 503 page, "
                    + noAnswer.get() + " got no answer (" + cutOff.size() + " of them cut off rather than refused), "
                    + foreignPages.size() + " other answers";
        }

        /** Every acknowledged comment is saved; with {@code strictly}, no comment that was not acknowledged is. */
        void assertSavedExactlyTheAcknowledged(boolean strictly) {
            List<List<Object>> saved = TestDatabase.query("select id, author_email from comment where author_email like ?", run + "-%");
            Map<String, Long> savedByMarker = new java.util.HashMap<>();
            for (List<Object> row : saved) {
                savedByMarker.put(((String) row.get(1)).replace("@example.org", ""), ((Number) row.get(0)).longValue());
            }
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                assertEquals(ack.getValue(), savedByMarker.get(ack.getKey()), "acknowledged comment " + ack.getKey() + " is saved");
            }
            System.out.printf("GracefulStopIT: %d of %d acknowledged comments found in the database, %d saved without an acknowledgement%n",
                    acknowledged.size(), acknowledged.size(), savedByMarker.size() - acknowledged.size());
            if (strictly) {
                for (String marker : unacknowledged.keySet()) {
                    assertTrue(!savedByMarker.containsKey(marker), "comment " + marker + " got '" + unacknowledged.get(marker)
                            + "' and must not be saved");
                }
                assertEquals(acknowledged.size(), savedByMarker.size(), "nothing else was saved");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
