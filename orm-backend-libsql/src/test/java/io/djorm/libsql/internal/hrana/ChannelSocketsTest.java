package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ChannelSocketsTest {
    @Test
    void unconnectedSocketsSendWithoutNaglesDelay() throws Exception {
        try (Socket socket = new ChannelSockets().createSocket()) {
            assertThat(socket.getChannel()).isNotNull();
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void connectedSocketsSendWithoutNaglesDelay() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket socket = new ChannelSockets().createSocket(loopback, server.getLocalPort());
                Socket accepted = server.accept()) {
            assertThat(socket.isConnected()).isTrue();
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
