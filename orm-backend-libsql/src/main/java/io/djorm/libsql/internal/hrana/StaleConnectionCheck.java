package io.djorm.libsql.internal.hrana;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
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
 */
final class StaleConnectionCheck implements Interceptor {
    private final Set<Connection> used = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null && connection.protocol() == Protocol.HTTP_1_1 && !used.add(connection)
                && closedByPeer(connection.socket())) {
            connection.socket().close(); // so that the pool drops it
            throw new StaleConnection();
        }
        return chain.proceed(chain.request());
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

    /** The request was not sent: the pooled connection it was given had been closed by the server. */
    static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnection() {
            super("the pooled connection had been closed by the server; the request was not sent");
        }
    }
}
