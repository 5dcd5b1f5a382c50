package io.djorm.libsql.internal.hrana;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * A network interceptor that, before a request goes out on a pooled HTTP/1.1 connection, checks that the
 * peer has not closed it while it idled (proxies close idle connections after a few seconds). A closed
 * one is closed here too and the request fails with {@link StaleConnection} before a byte of it was
 * written, so the caller may send it again on a fresh connection: it provably never reached the server.
 * OkHttp itself checks only connections idle for ten seconds or more.
 *
 * <p>The check costs five system calls (a non-blocking read and the switches around it), as many as the
 * rest of a small request, so it is skipped on a connection that is <em>trusted</em> and whose last answer
 * came less than {@link #TRUST_WINDOW_NANOS} ago. Trusted means: a check found it open after an answer,
 * and the server then answered the request that followed, so this server does not close a connection
 * right after answering (tursodb does, without saying so: its connections are never trusted and every
 * reuse is checked). Why skipping is safe:
 * <ul>
 *   <li>Nothing is ever sent twice because of it. Only {@link StaleConnection}, thrown here before any
 *       byte is written, makes the caller resend; a skipped check throws nothing, and a request that then
 *       fails on the connection fails to the caller, as one that races a close after a check does.</li>
 *   <li>Servers and proxies close an idle kept-alive connection after their keep-alive timeout, seconds
 *       for every common one (Node and Apache 5 s, nginx 75 s, cloud load balancers a minute or more;
 *       this client's own pool drops connections idle 10 s). The window is far below those, so a
 *       connection that answered within it is not one such a timeout has closed.</li>
 *   <li>What is left is a close at an arbitrary moment (a server shutting down) within the window after
 *       an answer: the request then fails and is reported, never resent. A check narrows that race but
 *       cannot close it either, since the close can land between the check and the write.</li>
 * </ul>
 */
final class StaleConnectionCheck implements Interceptor {
    /** How recent a trusted connection's last answer must be for its check to be skipped. */
    static final long TRUST_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private final Map<Connection, ConnectionUse> uses = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicLong checks = new AtomicLong();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection == null || connection.protocol() != Protocol.HTTP_1_1) return chain.proceed(chain.request());
        ConnectionUse use = uses.get(connection);
        boolean checked = false;
        if (use == null) {
            use = new ConnectionUse(); // a connection's first request: it was just opened
            uses.put(connection, use);
        } else if (!use.trusted || System.nanoTime() - use.lastAnswer > TRUST_WINDOW_NANOS) {
            checks.incrementAndGet();
            if (closedByPeer(connection.socket())) {
                connection.socket().close(); // so that the pool drops it
                throw new StaleConnection();
            }
            checked = true;
        }
        Response response = chain.proceed(chain.request());
        // The headers' arrival, at or after the server's last write: the idle time reckoned from it is never
        // shorter than the server's own.
        use.lastAnswer = System.nanoTime();
        if (checked) use.trusted = true;
        return response;
    }

    /** How many connections were checked, for tests. */
    long checks() {
        return checks.get();
    }

    /**
     * Whether the idle socket was closed by the peer: a read that ends the stream (or fails) instead of
     * finding nothing. An idle HTTP/1.1 connection has nothing to read, so no data is consumed. A plain
     * socket made by {@link ChannelSockets} is asked without waiting; any other (TLS) waits out a 1 ms
     * read timeout, as a non-blocking read under TLS could swallow a record the session still needs.
     */
    private static boolean closedByPeer(Socket socket) {
        SocketChannel channel = socket.getChannel();
        if (channel != null) return closedByPeer(channel);
        try {
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            try {
                socket.getInputStream().read(); // the end of the stream, or a stray byte: either way unusable
                return true;
            } catch (SocketTimeoutException open) {
                return false;
            } finally {
                if (!socket.isClosed()) socket.setSoTimeout(timeout);
            }
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean closedByPeer(SocketChannel channel) {
        try {
            synchronized (channel.blockingLock()) {
                channel.configureBlocking(false);
                try {
                    return channel.read(ByteBuffer.allocate(1)) != 0; // -1: closed; a stray byte: unusable too
                } finally {
                    channel.configureBlocking(true);
                }
            }
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * What is known of one pooled connection. An HTTP/1.1 connection carries one exchange at a time, but
     * successive ones may run on different threads.
     */
    private static final class ConnectionUse {
        volatile long lastAnswer;
        volatile boolean trusted;
    }

    /** The request was not sent: the pooled connection it was given had been closed by the server. */
    static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnection() {
            super("the pooled connection had been closed by the server; the request was not sent");
        }
    }
}
