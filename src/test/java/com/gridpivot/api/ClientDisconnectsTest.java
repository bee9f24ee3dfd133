package com.gridpivot.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** Which failures are a client that went away (logged at DEBUG) and which are the service's own (logged as ERROR). */
class ClientDisconnectsTest {

    @Test
    void theDisconnectsTheRestLayerReportedAreRecognisedThroughTheirWrappers() {
        // as logged by the service before: IOException(IOException(HttpClosedException("Connection was closed")))
        assertThat(ClientDisconnects.isDisconnect(new IOException(new IOException(new HttpClosedException("Connection was closed"))))).isTrue();
        // and IOException(ClosedChannelException) when a JSON body broke off
        assertThat(ClientDisconnects.isDisconnect(new IOException(new ClosedChannelException()))).isTrue();
        assertThat(ClientDisconnects.isDisconnect(new RuntimeException(new UncheckedIOException(new IOException("Broken pipe"))))).isTrue();
        assertThat(ClientDisconnects.isDisconnect(new SocketException("Connection reset by peer"))).isTrue();
        assertThat(ClientDisconnects.isDisconnect(new SocketException("Connection reset"))).isTrue();
    }

    @Test
    void otherFailuresStayInternalErrors() {
        assertThat(ClientDisconnects.isDisconnect(new IllegalStateException("Connection was closed"))).isFalse(); // not I/O
        assertThat(ClientDisconnects.isDisconnect(new IOException("No space left on device"))).isFalse();
        assertThat(ClientDisconnects.isDisconnect(new IOException("Stream is closed"))).isFalse();
        assertThat(ClientDisconnects.isDisconnect(new NullPointerException())).isFalse();
        assertThat(ClientDisconnects.isDisconnect(new RuntimeException(new IOException("broken pipeline config")))).isFalse();
    }

    @Test
    void theLogLineNamesTheInnermostCause() {
        assertThat(ClientDisconnects.describe(new IOException(new IOException(new HttpClosedException("Connection was closed")))))
                .isEqualTo("HttpClosedException: Connection was closed");
        assertThat(ClientDisconnects.describe(new IOException(new ClosedChannelException()))).isEqualTo("ClosedChannelException");
    }
}
