package com.gridpivot.api;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a client that went away while its request was read or its answer written: Vert.x's
 * {@code HttpClosedException} ("Connection was closed"), a closed channel, or the operating system's "Broken pipe" and
 * "Connection reset by peer", anywhere in the cause chain (the REST layer wraps them in {@link IOException}s). Such a
 * failure is the client's doing, not the service's: it is logged at DEBUG without a stack trace, never as an internal
 * error.
 */
public final class ClientDisconnects {
    /** Messages of I/O exceptions that mean the peer closed the connection (lower case; JDK and Vert.x wording). */
    private static final Set<String> CLOSED_MESSAGES = Set.of("broken pipe", "connection reset by peer", "connection reset",
            "connection was closed", "connection closed", "an established connection was aborted by the software in your host machine");

    private ClientDisconnects() {
    }

    /** True when {@code e} or one of its causes says the client closed the connection. */
    public static boolean isDisconnect(Throwable e) {
        int depth = 0;
        for (Throwable c = e; c != null && depth < 20; c = c.getCause(), depth++) {
            if (c instanceof HttpClosedException || c instanceof ClosedChannelException) {
                return true;
            }
            if (c instanceof IOException && c.getMessage() != null
                    && CLOSED_MESSAGES.contains(c.getMessage().trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** The innermost cause's class and message, for a one-line log entry. */
    public static String describe(Throwable e) {
        Throwable root = e;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 20) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
