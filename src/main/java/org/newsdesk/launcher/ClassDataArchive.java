package org.newsdesk.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The run command's class-data archive: the classes a start of Newsdesk loads (Payara's, the libraries',
 * Newsdesk's), parsed and verified once and mapped from a file at the next start (JDK's dynamic AppCDS).
 * bin/run starts the second run of each build with {@code -XX:+RecordDynamicDumpInfo} and names the
 * archive in {@code newsdesk.cds.archive}; once the site is ready and has served its first pages, this
 * asks the JVM (through {@code jcmd}, as JDK 17 offers no call for it) to write the archive, which pauses
 * the server for a few seconds, once. Later starts
 * use it ({@code -XX:SharedArchiveFile}), which took Payara's own start from 12.5 s to 10 to 11 s here.
 * Written by the running server, because Payara Micro halts rather than exits, and an archive is
 * otherwise only written at a normal exit.
 */
final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /** Writes the archive if bin/run asked for one; says so; never fails the server. */
    static void saveIfAsked() {
        String file = System.getProperty("newsdesk.cds.archive");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (file == null || !Files.isExecutable(jcmd)) {
            return;
        }
        Path archive = Path.of(file).toAbsolutePath();
        System.out.println("Saving the classes this start loaded, for quicker starts of this build (the site pauses"
                + " for a few seconds, once) ...");
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
