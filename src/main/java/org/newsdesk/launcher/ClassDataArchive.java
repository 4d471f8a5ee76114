package org.newsdesk.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The run command's class-data archive: the classes a start of Newsdesk loads (Payara's, the libraries',
 * Newsdesk's), parsed and verified once and mapped from a file at the next start (JDK's dynamic AppCDS).
 * bin/run starts the second run of each build with {@code -XX:+RecordDynamicDumpInfo} and names the
 * archive in {@code newsdesk.cds.archive}; when that start is stopped (SIGTERM, Ctrl-C), this asks the JVM
 * (through {@code jcmd}, as JDK 17 offers no call for it) to write the archive before it ends, which makes
 * that stop a few seconds longer, once. Later starts use it ({@code -XX:SharedArchiveFile}), which took
 * Payara's own start from 12.5 s to 10 to 11 s here.
 *
 * <p>Not while the site runs: writing the archive leaves about 450 MB in the process for the rest of its life
 * (its copy of the classes, 120 MB, and 330 MB of the JVM's own bookkeeping, live, so glibc cannot give it back:
 * {@code jcmd System.trim_native_heap} freed 18 MB), and that start kept 850 to 950 MB against 450 MB for any
 * other. Nor with {@code -XX:ArchiveClassesAtExit}: Payara Micro stops by halting (GracefulStop), which writes
 * nothing. The server's stop calls {@link #saveIfAsked} through the {@value #BEFORE_HALT} system property, a
 * {@link Runnable} (ServerExit, in the WAR, cannot see this class); Ctrl-C's shutdown calls it from a hook.
 */
final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /** What the server's stop runs just before it halts, when it is there: a {@link Runnable}. */
    static final String BEFORE_HALT = "newsdesk.before.halt";

    private static final java.util.concurrent.atomic.AtomicBoolean SAVED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Has the archive written when this start stops, however it stops but killed. */
    static void saveWhenStopping() {
        Runnable save = ClassDataArchive::saveIfAsked;
        System.getProperties().put(BEFORE_HALT, save);
        Runtime.getRuntime().addShutdownHook(new Thread(save, "class-data-archive"));
    }

    /** Writes the archive if bin/run asked for one, once; says so; never fails the server. */
    static void saveIfAsked() {
        if (!SAVED.compareAndSet(false, true)) {
            return;
        }
        String file = System.getProperty("newsdesk.cds.archive");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (file == null || !Files.isExecutable(jcmd)) {
            return;
        }
        Path archive = Path.of(file).toAbsolutePath();
        System.out.println("Saving the classes this start loaded, for quicker starts of this build (this stop takes"
                + " a few seconds longer, once) ...");
        try {
            Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(ProcessHandle.current().pid()),
                    "VM.cds", "dynamic_dump", partial.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (dump.waitFor(120, TimeUnit.SECONDS) && dump.exitValue() == 0 && Files.size(partial) > 0) {
                Files.move(partial, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.println("Saved (" + archive.getFileName() + "): the next starts of this build are quicker.");
            } else {
                dump.destroyForcibly();
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // No archive: the next start is as slow as this one, nothing worse.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
