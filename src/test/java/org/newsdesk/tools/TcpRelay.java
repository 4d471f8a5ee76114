package org.newsdesk.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a real server, for fault tests: a server pointed at the relay
 * loses its database when the relay is {@linkplain #cut() cut} (every connection dropped, new ones
 * refused) and has it again when it is {@linkplain #open() opened}; while it is {@linkplain #freeze()
 * frozen}, connections are taken and kept but nothing passes, as with a database process that hangs,
 * until it is {@linkplain #thaw() thawed}. Nothing is simulated beyond the wire.
 *
 * <pre>
 * try (TcpRelay relay = new TcpRelay(port, "127.0.0.1", 3306)) {
 *     relay.open();
 *     relay.cut();
 * }
 * </pre>
 */
public final class TcpRelay implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean frozen;

    /** A relay that listens on {@code port} once opened, and forwards to {@code targetHost:targetPort}. */
    public TcpRelay(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public int port() {
        return port;
    }

    /** Starts taking connections. */
    public synchronized void open() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = server;
        Thread acceptor = new Thread(() -> accept(server), "relay-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Drops every connection and refuses new ones, as a database that went away. */
    public synchronized void cut() {
        ServerSocket server = listener;
        listener = null;
        closeQuietly(server);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /** Keeps every connection and takes new ones, but passes nothing on: a database that hangs. */
    public void freeze() {
        frozen = true;
    }

    /** Passes on again what was held, and whatever follows. */
    public void thaw() {
        frozen = false;
    }

    @Override
    public void close() {
        thaw();
        cut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target;
                try {
                    target = new Socket(targetHost, targetPort);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                sockets.add(client);
                sockets.add(target);
                pipe(client, target);
                pipe(target, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (frozen && !from.isClosed()) {
                        Thread.sleep(20);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException dropped) {
                // One side went away: the other goes too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "relay-pipe-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is all that is wanted.
        }
    }
}
