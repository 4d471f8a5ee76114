package org.newsdesk.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Ends the process at once ({@link Runtime#halt}), for {@link GracefulStop} and {@link StartupChecks}, after
 * doing the one thing of Payara Micro's own shutdown that matters here: removing the runtime directory it
 * unpacked itself into the temporary directory at start-up (about 160 MB; {@code fish.payara.micro.tmpdir}).
 * Its shutdown hook removes it, and a halt runs no hooks, so every stop left one behind: a day of restarts
 * filled {@code /tmp} by gigabytes. A root directory given with {@code --rootdir} is the operator's and
 * stays. The log handlers are flushed first, so the last lines are not lost.
 */
final class ServerExit {

    private static final Logger LOG = Logger.getLogger(ServerExit.class.getName());

    private ServerExit() {
    }

    static void halt(int status) {
        // The run command's launcher may have something to do first (write its class-data archive): it leaves a
        // Runnable here, since this class, in the WAR, cannot see the launcher's.
        if (System.getProperties().get("newsdesk.before.halt") instanceof Runnable beforeHalt) {
            try {
                beforeHalt.run();
            } catch (RuntimeException e) {
                LOG.warning(() -> "Before stopping: " + Faults.firstLine(e));
            }
        }
        removeRuntimeDirectory();
        stopEmbeddedDatabase();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
        Runtime.getRuntime().halt(status);
    }

    /**
     * The run command's embedded MariaDB runs as a child of this JVM, which its launcher would stop in a
     * shutdown hook: a halt runs none, so it is asked to stop here (SIGTERM: it shuts down cleanly) and
     * given a few seconds, so that the next start finds its port free. The launcher names its process.
     */
    private static void stopEmbeddedDatabase() {
        String pid = System.getProperty(EMBEDDED_DATABASE_PID);
        if (pid == null || !pid.matches("\\d{1,10}")) {
            return;
        }
        // So that the launcher's keeper, which restarts a database that dies, lets this one go.
        System.setProperty(EMBEDDED_DATABASE_STOPPING, "true");
        ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::destroy).ifPresent(database -> {
            try {
                database.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warning(() -> "The embedded database (process " + pid + ") had not stopped after 10 s: " + e);
            }
        });
    }

    /** Set by the run command's launcher to the embedded MariaDB's process id. */
    static final String EMBEDDED_DATABASE_PID = "newsdesk.embedded.database.pid";

    /** Set here before the embedded database is stopped, for the launcher's keeper (DatabaseKeeper). */
    static final String EMBEDDED_DATABASE_STOPPING = "newsdesk.embedded.database.stopping";

    private static void removeRuntimeDirectory() {
        String unpacked = System.getProperty("fish.payara.micro.tmpdir");
        if (unpacked == null) {
            return;
        }
        Path directory = Path.of(unpacked).toAbsolutePath().normalize();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        // Only what Payara Micro made for itself: payaramicro-rt<digits>tmp, right in the temporary directory.
        if (!directory.getFileName().toString().matches("payaramicro-rt\\d+tmp") || !temporary.equals(directory.getParent())) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Could not remove Payara Micro's runtime directory " + directory + ": " + Faults.firstLine(e));
        }
    }
}
