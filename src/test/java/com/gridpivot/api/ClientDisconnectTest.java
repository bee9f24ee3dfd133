package com.gridpivot.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client that sends part of a body and closes its connection: the service logged "ERROR internal error" with a stack
 * trace (IOException of Vert.x's "Connection was closed", or of a closed channel). Now one DEBUG line names the path
 * and the cause, and nothing is logged at ERROR.
 */
@QuarkusTest
class ClientDisconnectTest {
    private static final String MAPPERS = ProblemMappers.class.getName();

    @TestHTTPResource("/")
    URL root;

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level mappersLevel;

    @BeforeEach
    void captureTheLog() {
        mappersLevel = Logger.getLogger(MAPPERS).getLevel();
        Logger.getLogger(MAPPERS).setLevel(Level.FINE); // DEBUG
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void restoreTheLog() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger(MAPPERS).setLevel(mappersLevel);
    }

    static Stream<Arguments> cutOffBodies() {
        return Stream.of(
                Arguments.of("/api/v1/allocations", "application/json", "{\"site\": {\"name\": \"West"),
                Arguments.of("/api/v1/imports?format=ERCOT_CSV&fileName=a.csv", "text/csv",
                        "Delivery Date,Hour Ending,Settlement Point,Settlement Point Price\n01/02/2031,01:00,"),
                Arguments.of("/api/v1/reports/export.xlsx", "application/json", "{\"tables\": ["));
    }

    @ParameterizedTest
    @MethodSource("cutOffBodies")
    void aBodyCutOffByTheClientIsLoggedAtDebugWithoutAnError(String target, String contentType, String partialBody) throws Exception {
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: 100000\r\n\r\n" + partialBody).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // a stalled upload: the service has taken up the request and waits for the rest of the body
            Thread.sleep(500);
        } // closed with 99,9xx bytes of the body unsent
        String path = target.replaceFirst("\\?.*", "");
        LogRecord closed = awaitRecord(MAPPERS, "client closed the connection on " + path);
        assertThat(closed.getLevel().intValue()).isEqualTo(Level.FINE.intValue());
        assertThat(closed.getThrown()).isNull();
        // nothing at ERROR from the request's path: our mappers, the REST layer, Vert.x, Netty (other loggers of the test
        // JVM, e.g. a job left running by an earlier test, are not this request's)
        assertThat(records).noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() && r.getLoggerName() != null
                && List.of("com.gridpivot.api", "io.quarkus", "io.vertx", "io.netty", "org.jboss.resteasy").stream()
                        .anyMatch(r.getLoggerName()::startsWith));
        assertThat(records).noneMatch(r -> r.getMessage() != null && r.getMessage().contains("internal error"));
    }

    private LogRecord awaitRecord(String logger, String prefix) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (LogRecord r : records) {
                if (logger.equals(r.getLoggerName()) && formatted(r).startsWith(prefix)) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log record '" + prefix + "…' within 30 s; records: "
                + records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + " " + formatted(r)).toList());
    }

    private static String formatted(LogRecord r) {
        if (r instanceof org.jboss.logmanager.ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return r.getMessage() == null ? "" : r.getMessage();
    }
}
