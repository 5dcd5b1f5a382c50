package io.djorm.libsql.fake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted HTTP/1.1 server that plays a misbehaving Hrana server (or the proxy in front of one), for
 * fault tests: any status and body, a delay, an endless body, a connection reset after some bytes,
 * idle keep-alive connections closed after a while, and a freeze that holds every answer until thawed.
 * Written on plain sockets because those faults are below what a mock HTTP library lets one script.
 *
 * <pre>{@code
 * try (FakeHranaServer fake = FakeHranaServer.start()) {
 *     fake.enqueue(Answer.json(FakeHranaServer.batchReply(null, FakeHranaServer.EMPTY_RESULT)));
 *     ... point a client at fake.url() ...
 *     FakeHranaServer.Received request = fake.takeRequest();
 * }
 * }</pre>
 */
public final class FakeHranaServer implements AutoCloseable {
    /** A statement result with no columns and no rows. */
    public static final String EMPTY_RESULT = "{\"cols\":[],\"rows\":[],\"affected_row_count\":0,\"last_insert_rowid\":null}";
    private final ServerSocket listener;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Object freezeLock = new Object();
    private volatile Function<Received, Answer> fallback = r -> Answer.status(500, "no answer scripted for " + r.path());
    private volatile Duration idleClose;
    private volatile boolean frozen;
    private volatile boolean closed;

    private FakeHranaServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-hrana-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server on a free loopback port. */
    public static FakeHranaServer start() {
        try {
            return new FakeHranaServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, {@code http://127.0.0.1:<port>/}. */
    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    /** Adds an answer for the next request that has none yet. */
    public FakeHranaServer enqueue(Answer answer) {
        script.add(answer);
        return this;
    }

    /** How requests are answered once the scripted answers run out (default: HTTP 500). */
    public FakeHranaServer otherwise(Function<Received, Answer> answers) {
        this.fallback = answers;
        return this;
    }

    /** Closes a keep-alive connection once it has been idle this long, as proxies do. */
    public FakeHranaServer closeIdleConnectionsAfter(Duration idle) {
        this.idleClose = idle;
        return this;
    }

    /** Holds every answer (requests are still read) until {@link #thaw()}, as a stopped process would. */
    public void freeze() {
        frozen = true;
    }

    /** Lets held and later answers go. */
    public void thaw() {
        synchronized (freezeLock) {
            frozen = false;
            freezeLock.notifyAll();
        }
    }

    /** The next request received, waiting up to five seconds; fails when none came. */
    public Received takeRequest() {
        try {
            Received r = received.poll(5, TimeUnit.SECONDS);
            if (r == null) throw new AssertionError("no request reached the fake Hrana server within 5 s");
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The requests received and not yet taken. */
    public List<Received> drainRequests() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** Stops the server and closes every connection. */
    @Override
    public void close() {
        closed = true;
        thaw();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) closeQuietly(s);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "fake-hrana-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean first = true;
            while (!closed) {
                Duration idle = idleClose;
                socket.setSoTimeout(first || idle == null ? 0 : (int) idle.toMillis());
                first = false;
                in.mark(1);
                if (in.read() == 0x16) { // a TLS handshake: answer as a plain HTTP server does, and hang up
                    out.write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                in.reset();
                Received request;
                try {
                    request = readRequest(in);
                } catch (SocketTimeoutException idleTooLong) {
                    return; // close the idle keep-alive connection, as a proxy would
                }
                if (request == null) return;
                received.add(request);
                Answer answer = script.poll();
                if (answer == null) answer = fallback.apply(request);
                awaitThaw();
                if (!answer.writeTo(socket, out)) return;
            }
        } catch (IOException e) {
            // the client went away; nothing to report
        } finally {
            open.remove(socket);
        }
    }

    private void awaitThaw() {
        synchronized (freezeLock) {
            while (frozen && !closed) {
                try {
                    freezeLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Received readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) return null;
        String[] parts = requestLine.split(" ");
        int length = 0;
        List<String> headers = new ArrayList<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            headers.add(line);
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Integer.parseInt(line.substring(15).strip());
        }
        byte[] body = in.readNBytes(length);
        return new Received(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') break;
            if (b != '\r') line.write(b);
        }
        if (b < 0 && line.size() == 0) return null;
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** A pipeline reply: the baton and one ok batch result whose steps have these results (null: skipped). */
    public static String batchReply(String baton, String... stepResults) {
        String errors = String.join(",", java.util.Collections.nCopies(stepResults.length, "null"));
        return "{\"baton\":" + (baton == null ? "null" : "\"" + baton + "\"") + ",\"base_url\":null,\"results\":["
                + "{\"type\":\"ok\",\"response\":{\"type\":\"batch\",\"result\":{\"step_results\":["
                + String.join(",", stepResults) + "],\"step_errors\":[" + errors + "]}}},"
                + "{\"type\":\"ok\",\"response\":{\"type\":\"close\"}}]}";
    }

    /** A statement result with one integer row. */
    public static String intRow(long value) {
        return "{\"cols\":[{\"name\":\"x\"}],\"rows\":[[{\"type\":\"integer\",\"value\":\"" + value + "\"}]],"
                + "\"affected_row_count\":1,\"last_insert_rowid\":null}";
    }

    /**
     * One request as received.
     *
     * @param method the HTTP method
     * @param path the request path
     * @param headers the header lines
     * @param body the body as text
     */
    public record Received(String method, String path, List<String> headers, String body) {
    }

    /** How the server answers one request. */
    public static final class Answer {
        private int status = 200;
        private byte[] body = new byte[0];
        private Duration delay = Duration.ZERO;
        private boolean endless;
        private long resetAfter = -1;
        private boolean closeAfter;
        private boolean hangUpAfter;

        private Answer() {
        }

        /** HTTP 200 with a JSON body. */
        public static Answer json(String body) {
            Answer a = new Answer();
            a.body = body.getBytes(StandardCharsets.UTF_8);
            return a;
        }

        /** Any status with a text body. */
        public static Answer status(int status, String body) {
            Answer a = json(body);
            a.status = status;
            return a;
        }

        /** HTTP 200 whose body starts like a pipeline reply and never ends. */
        public static Answer endlessBody() {
            Answer a = new Answer();
            a.endless = true;
            return a;
        }

        /** Waits this long before answering. */
        public Answer delayed(Duration delay) {
            this.delay = delay;
            return this;
        }

        /** Sends only the first {@code bytes} bytes of the answer (headers included), then resets the connection. */
        public Answer resetAfter(long bytes) {
            this.resetAfter = bytes;
            return this;
        }

        /** Closes the connection after the answer instead of keeping it alive. */
        public Answer thenClose() {
            this.closeAfter = true;
            return this;
        }

        /**
         * Closes the connection right after the answer without saying so (no {@code Connection: close}),
         * as tursodb does: the client keeps the connection in its pool and finds it closed on reuse.
         */
        public Answer thenHangUp() {
            this.hangUpAfter = true;
            return this;
        }

        /** Writes the answer; false when the connection must close afterwards. */
        boolean writeTo(Socket socket, OutputStream out) throws IOException {
            sleep(delay);
            String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Fault") + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + (endless ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + (closeAfter ? "Connection: close\r\n" : "") + "\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            if (endless) {
                out.write(headBytes);
                writeEndless(out);
                return false;
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(headBytes);
            all.write(body);
            byte[] bytes = all.toByteArray();
            if (resetAfter >= 0) {
                out.write(bytes, 0, (int) Math.min(resetAfter, bytes.length));
                out.flush();
                socket.setSoLinger(true, 0); // close with RST
                socket.close();
                return false;
            }
            out.write(bytes);
            out.flush();
            return !closeAfter && !hangUpAfter;
        }

        private static void writeEndless(OutputStream out) throws IOException {
            chunk(out, "{\"baton\":null,\"base_url\":null,\"results\":[{\"type\":\"ok\",\"response\":{\"type\":\"batch\","
                    + "\"result\":{\"step_results\":[{\"cols\":[{\"name\":\"x\"}],\"rows\":[");
            String row = "[{\"type\":\"text\",\"value\":\"" + "x".repeat(1000) + "\"}],";
            String block = row.repeat(64);
            while (true) chunk(out, block); // ends when the client hangs up
        }

        private static void chunk(OutputStream out, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        private static void sleep(Duration d) {
            if (d.isZero()) return;
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
