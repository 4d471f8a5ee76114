package org.newsdesk.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded MariaDB as an operating-system process, for the run command to know its own after a crash.
 * The database writes its process id to {@code $NEWSDESK_HOME/mariadb.pid}; a process is this home's
 * database only when that id is alive, runs {@code mariadbd} and was started on this home's data directory
 * ({@code /proc/<pid>/cmdline}). A launcher killed with SIGKILL (or a machine's OOM killer) leaves its database
 * running, holding the port; the next start stops that one cleanly ({@link #stop}) and starts afresh, while a
 * program that is not this home's database keeps its port and is named in the refusal ({@link #holderOf}).
 * Linux's {@code /proc} is read directly: no library reads another process's sockets or arguments.
 */
final class DatabaseProcess {

    static final String PID_FILE = "mariadb.pid";

    private DatabaseProcess() {
    }

    /** The home's database process left running (by a crashed launcher), if there is one. */
    static Optional<ProcessHandle> leftRunning(Path home) {
        Path pidFile = home.toAbsolutePath().resolve(PID_FILE);
        String pid;
        try {
            pid = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!pid.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
                .filter(process -> isDatabaseOf(process.pid(), home));
    }

    /** Whether process {@code pid} is a {@code mariadbd} on {@code home}'s data directory. */
    static boolean isDatabaseOf(long pid, Path home) {
        List<String> arguments = commandLine(pid);
        if (arguments.isEmpty() || !Path.of(arguments.get(0)).getFileName().toString().equals("mariadbd")) {
            return false;
        }
        Path data = home.toAbsolutePath().normalize().resolve("db");
        String canonical;
        try {
            canonical = data.toRealPath().toString();
        } catch (IOException e) {
            canonical = data.toString();
        }
        return arguments.contains("--datadir=" + data) || arguments.contains("--datadir=" + canonical);
    }

    /** The TCP port a database process was started on ({@code --port=N}). */
    static Optional<Integer> portOf(ProcessHandle process) {
        return commandLine(process.pid()).stream().filter(argument -> argument.matches("--port=\\d{1,5}"))
                .map(argument -> Integer.parseInt(argument.substring("--port=".length()))).findFirst();
    }

    /**
     * Stops a database process the way its launcher would have (SIGTERM, which lets InnoDB close cleanly), then
     * by force if it has not gone within {@code patience}. True once it is gone.
     */
    static boolean stop(ProcessHandle process, long patience, TimeUnit unit) {
        process.destroy();
        try {
            process.onExit().get(patience, unit);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
                return true;
            } catch (Exception again) {
                return !process.isAlive();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    /**
     * Which program listens on a TCP port of this machine, as "mariadbd (process 1234)", when this user may see it;
     * empty when nothing listens or its owner is hidden from this user.
     */
    static Optional<String> holderOf(int port) {
        Optional<String> inode = listeningInode(port);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String socket = "socket:[" + inode.get() + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .filter(dir -> holds(dir, socket))
                    .findFirst()
                    .map(dir -> name(dir) + " (process " + dir.getFileName() + ")");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final Pattern TCP_LINE = Pattern.compile(
            "\\s*\\d+:\\s+[0-9A-F]+:([0-9A-F]{4})\\s+[0-9A-F]+:[0-9A-F]{4}\\s+0A\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\d+\\s+\\d+\\s+(\\d+).*");

    private static Optional<String> listeningInode(int port) {
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table), StandardCharsets.US_ASCII)) {
                    Matcher row = TCP_LINE.matcher(line);
                    if (row.matches() && Integer.parseInt(row.group(1), 16) == port && !row.group(2).equals("0")) {
                        return Optional.of(row.group(2));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not Linux, or hidden: the refusal then names the port alone.
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Path process, String socket) {
        try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
            return descriptors.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(socket);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String name(Path process) {
        List<String> arguments = commandLine(Long.parseLong(process.getFileName().toString()));
        if (!arguments.isEmpty()) {
            return Path.of(arguments.get(0)).getFileName().toString();
        }
        try {
            return Files.readString(process.resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "a program";
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            if (raw.length == 0) {
                return List.of();
            }
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
