package org.newsdesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.newsdesk.launcher.LocalServer;
import org.newsdesk.tools.TestFiles;

/**
 * Another Newsdesk server on the test database, a real Payara Micro process started the way the run
 * command starts one ({@link LocalServer}), for tests of what several instances, or restarts, do. It
 * inherits the test server's {@code NEWSDESK_*} settings, so it uses the same database. Closing it stops
 * the process, killing it if it will not stop; so does the end of the JVM that started it.
 *
 * <pre>
 * try (SecondInstance second = SecondInstance.start(home, Path.of("target/second.log"), Duration.ofMinutes(3))) {
 *     assertFalse(second.log().contains("Exception"));
 * }
 * </pre>
 *
 * Tests that run it in the server add this class and {@link LocalServer} to their deployment.
 */
final class SecondInstance implements AutoCloseable {

    private static final Path BUILD = Path.of("target").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final Path home;
    private final int port;
    private final Thread killer;

    private SecondInstance(Process process, Path home, Path log, int port) {
        this.process = process;
        this.home = home;
        this.log = log;
        this.port = port;
        this.killer = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts Payara Micro with the built WAR, home {@code home}, output to {@code log}, and waits until it is ready. */
    static SecondInstance start(Path home, Path log, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        return start(home, log, timeout, java.util.Map.of());
    }

    /** As {@link #start(Path, Path, Duration)}, with these settings in place of the test server's. */
    static SecondInstance start(Path home, Path log, Duration timeout, java.util.Map<String, String> settings)
            throws IOException, InterruptedException, TimeoutException {
        SecondInstance instance = launch(home, log, settings);
        Process process = instance.process;
        long deadline = System.nanoTime() + timeout.toNanos();
        // Payara Micro says so once every --deploy is done; the page answering could be an earlier deployment.
        while (!instance.log().contains(" ready in ")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                instance.close();
                throw new TimeoutException("The second instance did not start within " + timeout + "; see " + log);
            }
            Thread.sleep(500);
        }
        return instance;
    }

    /** Starts Payara Micro as {@link #start(Path, Path, Duration, java.util.Map)} does, without waiting for anything. */
    static SecondInstance launch(Path home, Path log, java.util.Map<String, String> settings) throws IOException {
        Path payara = BUILD.resolve("payara-micro.jar");
        Path war = BUILD.resolve("newsdesk.war");
        if (!Files.isRegularFile(payara) || !Files.isRegularFile(war)) {
            throw new IllegalStateException("No " + payara + " or " + war + ": run the integration tests through Maven.");
        }
        Files.createDirectories(log.getParent());
        int port = freePort();
        ProcessBuilder command = LocalServer.command(payara, war, home, port, settings);
        // The quick client compiler only, as bin/run and the Arquillian server start: it halves the start-up, and
        // no test here measures the full compiler's throughput.
        command.command().add(1, "-XX:TieredStopAtLevel=1");
        // A temporary directory of its own, where Payara Micro unpacks its runtime: what it leaves there is its own,
        // whatever other servers the suite runs meanwhile. Emptied first of what a killed start left.
        Path temporary = temporaryDirectory(home);
        TestFiles.delete(temporary);
        Files.createDirectories(temporary);
        command.command().add(1, "-Djava.io.tmpdir=" + temporary);
        Process process = command
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new SecondInstance(process, home, log, port);
    }

    /** The instance's address, such as {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Whether the instance's HTTP port takes a connection on this address of the machine. */
    boolean answersOn(java.net.InetAddress address) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends the instance SIGTERM, as Docker or systemd would stop it, and returns at once. */
    void terminate() {
        process.destroy();
    }

    /** Kills the instance at once (SIGKILL), as a power cut or the out-of-memory killer would. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits for the process to end; its exit code, or null if it was still running at the deadline. */
    Integer waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** The file the instance logs to. */
    Path logFile() {
        return log;
    }

    /** Everything the instance has logged so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running already, or about to.
        }
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static Path temporaryDirectory(Path home) {
        return home.resolve("tmp");
    }

    /** The runtime directories this instance's Payara Micro has unpacked into its temporary directory, and not removed. */
    java.util.Set<Path> unpackedRuntimes() throws IOException {
        try (var entries = Files.list(temporaryDirectory(home))) {
            return entries.filter(p -> p.getFileName().toString().matches("payaramicro-rt\\d+tmp"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
