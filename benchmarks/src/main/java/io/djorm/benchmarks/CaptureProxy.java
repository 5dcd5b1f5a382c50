package io.djorm.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP proxy that forwards each connection to a server and keeps what the clients sent, read by
 * read: the bytes on the wire of each client connection (request line, headers, body) and how they came
 * in pieces. A diagnostic: it adds a hop, so it is never in a timed comparison.
 */
final class CaptureProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int serverPort;
    private final List<Connection> connections = new ArrayList<>();

    /** What one client connection sent: its reads, in order, with their time. */
    static final class Connection {
        final int number;
        final List<long[]> reads = new ArrayList<>(); // {nanoTime, length}
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Connection(int number) {
            this.number = number;
        }

        synchronized void add(byte[] b, int n) {
            reads.add(new long[] {System.nanoTime(), n});
            bytes.write(b, 0, n);
        }

        /** Forgets what was sent so far. */
        synchronized void reset() {
            reads.clear();
            bytes.reset();
        }

        synchronized byte[] sent() {
            return bytes.toByteArray();
        }

        synchronized List<long[]> reads() {
            return new ArrayList<>(reads);
        }
    }

    CaptureProxy(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "capture proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** The proxy's URL. */
    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The connections made so far. */
    synchronized List<Connection> connections() {
        return new ArrayList<>(connections);
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                server.setTcpNoDelay(true);
                Connection c;
                synchronized (this) {
                    c = new Connection(connections.size());
                    connections.add(c);
                }
                pump(client.getInputStream(), server.getOutputStream(), c);
                pump(server.getInputStream(), client.getOutputStream(), null);
            }
        } catch (IOException closed) {
            // the listener was closed
        }
    }

    private static void pump(InputStream in, OutputStream out, Connection record) {
        Thread t = new Thread(() -> {
            byte[] b = new byte[65536];
            try {
                for (int n; (n = in.read(b)) != -1; ) {
                    if (record != null) record.add(b, n);
                    out.write(b, 0, n);
                    out.flush();
                }
                out.close();
            } catch (IOException e) {
                // one side went away
            }
        }, "capture proxy pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
