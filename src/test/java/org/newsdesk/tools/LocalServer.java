package org.newsdesk.tools;

import java.nio.file.Path;
import java.util.List;

/**
 * Payara Micro serving Newsdesk the way the run command starts it: the WAR at the root context on one
 * port, not clustered, with a small heap, photos in {@code $NEWSDESK_HOME/media} unless
 * {@code NEWSDESK_MEDIA_DIR} says otherwise. The database is whatever {@code NEWSDESK_DB_*} the process
 * is given. Tests start further instances with it, so they run what the run command runs.
 *
 * <pre>
 * Process payara = LocalServer.command(Path.of("target/payara-micro.jar"), Path.of("target/newsdesk.war"), home, 8080)
 *         .inheritIO().start();
 * </pre>
 */
public final class LocalServer {

    private LocalServer() {
    }

    public static ProcessBuilder command(Path payaraJar, Path war, Path home, int port) {
        // No --rootdir: Payara Micro remembers in a root directory what it deployed and boots that again at
        // the next start before --deploy replaces it, so every start ran the previous build first (its
        // migrations, its scheduler, its timers). The default root directory is a fresh temporary one.
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xss512k", "-XX:+UseSerialGC",
                "-jar", payaraJar.toString(),
                "--deploy", war.toString(), "--contextroot", "/",
                "--port", String.valueOf(port),
                "--nocluster"));
        builder.environment().putIfAbsent("NEWSDESK_MEDIA_DIR", home.resolve("media").toString());
        return builder;
    }
}
