package org.newsdesk.launcher;

import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Payara Micro serving Newsdesk the way the run command starts it: the WAR at the root context on one
 * port, clustered only when {@code NEWSDESK_CLUSTER_MEMBERS} says so, with the JVM options in {@code src/main/payara/jvm.options}, photos in
 * {@code $NEWSDESK_HOME/media} unless {@code NEWSDESK_MEDIA_DIR} says otherwise. The database is whatever
 * {@code NEWSDESK_DB_*} the process is given. Tests start further instances with it, so they run what the
 * run command runs (there in a process of their own, the run command in its own JVM).
 *
 * <pre>
 * Process payara = LocalServer.command(Path.of("target/payara-micro.jar"), Path.of("target/newsdesk.war"), home, 8080)
 *         .inheritIO().start();
 * </pre>
 */
public final class LocalServer {

    private LocalServer() {
    }

    /** A Payara Micro process serving the WAR as the run command does, for the tests' extra instances. */
    public static ProcessBuilder command(Path payaraJar, Path war, Path home, int port) {
        return command(payaraJar, war, home, port, java.util.Map.of());
    }

    /** As {@link #command(Path, Path, Path, int)}, with these {@code NEWSDESK_*} settings over this process's. */
    public static ProcessBuilder command(Path payaraJar, Path war, Path home, int port, java.util.Map<String, String> settings) {
        java.util.Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.putAll(settings);
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", payaraJar.toString()));
        command.addAll(arguments(war, home, port, environment));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(settings);
        builder.environment().putIfAbsent("NEWSDESK_MEDIA_DIR", home.resolve("media").toString());
        // Newsdesk requires its public address; on this machine it is here.
        builder.environment().putIfAbsent("NEWSDESK_SITE_URL", localSiteUrl(port));
        return builder;
    }

    /** The site's public address when it runs on this machine and nothing else is said: the run command's default. */
    static String localSiteUrl(int port) {
        return "http://localhost:" + port;
    }

    /** The server's JVM options ({@code src/main/payara/jvm.options}), shared with bin/run and the benchmarks. */
    static final Path JVM_OPTIONS = Path.of("src", "main", "payara", "jvm.options");

    public static List<String> jvmOptions() {
        Path options = JVM_OPTIONS.toAbsolutePath();
        if (!Files.isRegularFile(options)) {
            return List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC");
        }
        try {
            return Files.readAllLines(options).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Payara Micro's arguments: the WAR at the root context on one port, deployed once; no data grid, unless
     * {@code NEWSDESK_CLUSTER_MEMBERS} names the instances that share the database ({@link #clusterArguments}).
     */
    public static List<String> arguments(Path war, Path home, int port) {
        return arguments(war, home, port, System.getenv());
    }

    /** As {@link #arguments(Path, Path, int)}, for a process whose environment is {@code environment}. */
    static List<String> arguments(Path war, Path home, int port, java.util.Map<String, String> environment) {
        // No --rootdir: Payara Micro remembers in a root directory what it deployed and boots that again at
        // the next start before --deploy replaces it, so every start ran the previous build first (its
        // migrations, its scheduler, its timers). The default root directory is a fresh temporary one.
        // Listen where NEWSDESK_BIND says, on the loopback interface unless told otherwise: a site started
        // to try it out should not be reachable from the network. Payara Micro has no option for the HTTP
        // listener's address, so it is set by a command run before boot.
        Path preboot;
        try {
            preboot = Files.createTempFile("newsdesk-preboot-", ".txt");
            preboot.toFile().deleteOnExit();
            String commands = "set configs.config.server-config.network-config.network-listeners."
                    + "network-listener.http-listener.address=" + bindAddress(environment) + "\n";
            String proxies = environment.get("NEWSDESK_TRUSTED_PROXIES");
            if (proxies != null && !proxies.isBlank()) {
                // Behind a proxy that ends TLS, the request's scheme is what the proxy says it was, so that the
                // session cookie is Secure (glassfish-web.xml: cookieSecure dynamic). Only the proxy should reach
                // the listener then; from anyone else the header could do no more than make a cookie Secure.
                commands += "set configs.config.server-config.network-config.protocols.protocol.http-listener.http."
                        + "scheme-mapping=X-Forwarded-Proto\n";
            }
            commands += commands(SERVER, "");
            if (clusterMembers(environment).isEmpty()) {
                commands += oneInstanceCommands();
            }
            Files.writeString(preboot, commands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return concat(List.of(
                "--deploy", war.toString(), "--contextroot", "/",
                "--port", String.valueOf(port),
                "--prebootcommandfile", preboot.toString()),
                concat(clusterArguments(environment), loggingOptions(home)));
    }

    /**
     * {@code NEWSDESK_CLUSTER_MEMBERS}: the addresses of the instances that serve one site from one database,
     * comma-separated, each a host or host:port of Payara's data grid. An instance listens for the grid on
     * {@code NEWSDESK_CLUSTER_PORT} (6900 by default), or the next free port after it; a host without a port
     * is tried on that port and the two after it, enough for instances side by side on one machine. Unset: one instance.
     */
    public static List<String> clusterMembers(java.util.Map<String, String> environment) {
        String members = environment.get("NEWSDESK_CLUSTER_MEMBERS");
        if (members == null || members.isBlank()) {
            return List.of();
        }
        List<String> list = java.util.Arrays.stream(members.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        for (String member : list) {
            if (!member.matches("[0-9A-Za-z.\\-]{1,253}(:\\d{1,5})?")) {
                throw new IllegalArgumentException("NEWSDESK_CLUSTER_MEMBERS must be host or host:port addresses separated"
                        + " by commas, such as 10.0.0.5,10.0.0.6:6900; '" + member + "' is not one");
            }
        }
        return list;
    }

    /**
     * One instance: no Hazelcast at all (--nocluster still opened its port, and one instance needs no data
     * grid: the scheduler's timers are not persistent). Several: Payara's Hazelcast, finding the members
     * over TCP at the given addresses (no multicast), listening on the site's bind address when it names
     * one. It carries the page cache's invalidations (clustered CDI events) and the desk's sessions.
     */
    static List<String> clusterArguments(java.util.Map<String, String> environment) {
        List<String> members = clusterMembers(environment);
        if (members.isEmpty()) {
            return List.of("--nohazelcast");
        }
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--clustermode", "tcpip:" + String.join(",", members),
                "--clustername", environment.getOrDefault("NEWSDESK_CLUSTER_NAME", "newsdesk")));
        String port = environment.get("NEWSDESK_CLUSTER_PORT");
        if (port != null && !port.isBlank()) {
            if (!port.strip().matches("\\d{1,5}")) {
                throw new IllegalArgumentException("NEWSDESK_CLUSTER_PORT must be a port number, not '" + port + "'");
            }
            arguments.addAll(List.of("--startport", port.strip()));
        }
        String bind = bindAddress(environment);
        if (!bind.equals("0.0.0.0") && !bind.equals("::")) {
            arguments.addAll(List.of("--interfaces", bind));
        }
        return arguments;
    }

    /** What one instance, without Hazelcast, runs before boot; shared with the Docker image, the tests and bench/. */
    static final Path ONE_INSTANCE = Path.of("src", "main", "payara", "one-instance.preboot");

    /** What every server runs before boot (no Server header); shared with the Docker image. */
    static final Path SERVER = Path.of("src", "main", "payara", "server.preboot");

    /** Sessions in the server's memory: the WAR asks for them in Hazelcast, which one instance does not run. */
    static String oneInstanceCommands() {
        return commands(ONE_INSTANCE,
                "set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false\n");
    }

    /** A file of pre-boot commands, or what it says when the build runs outside the repository. */
    private static String commands(Path file, String fallback) {
        Path commands = file.toAbsolutePath();
        if (!Files.isRegularFile(commands)) {
            return fallback;
        }
        try {
            String text = Files.readString(commands);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Newsdesk's logging settings, in the repository for the run command and the Docker image alike. */
    static final Path LOGGING = Path.of("src", "main", "payara", "logging.properties");

    /**
     * {@code --logproperties} with Newsdesk's logging settings, plus a copy of the log in
     * {@code $NEWSDESK_HOME/logs/newsdesk-0.log}, rotated at 10 MB, five files kept. Nothing when the
     * settings are not found (a build run outside the repository): Payara Micro's defaults then apply.
     */
    static List<String> loggingOptions(Path home) {
        Path settings = LOGGING.toAbsolutePath();
        if (!Files.isRegularFile(settings)) {
            return List.of();
        }
        try {
            Path logs = Files.createDirectories(home.resolve("logs")).toAbsolutePath();
            Path combined = Files.createTempFile("newsdesk-logging-", ".properties");
            combined.toFile().deleteOnExit();
            String text = Files.readString(settings)
                    .replace("handlers=java.util.logging.ConsoleHandler",
                            "handlers=java.util.logging.ConsoleHandler, java.util.logging.FileHandler")
                    + "\n## The run command's log file, rotated by size\n"
                    + "java.util.logging.FileHandler.pattern=" + logs.resolve("newsdesk-%g.log").toString().replace("\\", "/") + "\n"
                    + "java.util.logging.FileHandler.limit=10485760\n"
                    + "java.util.logging.FileHandler.count=5\n"
                    + "java.util.logging.FileHandler.append=true\n"
                    + "java.util.logging.FileHandler.encoding=UTF-8\n"
                    + "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter\n"
                    + "java.util.logging.SimpleFormatter.format=[%1$tFT%1$tT.%1$tL%1$tz] [%4$s] [%3$s] %5$s%6$s%n\n";
            Files.writeString(combined, text);
            return List.of("--logproperties", combined.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** {@code NEWSDESK_BIND}: the address the site listens on; 127.0.0.1 unless set (0.0.0.0 for every interface). */
    public static String bindAddress() {
        return bindAddress(System.getenv());
    }

    static String bindAddress(java.util.Map<String, String> environment) {
        String bind = environment.get("NEWSDESK_BIND");
        if (bind == null || bind.isBlank()) {
            return "127.0.0.1";
        }
        if (!bind.strip().matches("[0-9A-Za-z.:\\-]{1,253}")) {
            throw new IllegalArgumentException("NEWSDESK_BIND is not an address: " + bind);
        }
        return bind.strip();
    }
}
