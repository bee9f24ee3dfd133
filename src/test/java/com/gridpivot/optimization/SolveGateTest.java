package com.gridpivot.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridpivot.errors.OverloadedException;
import com.gridpivot.lp.SolveGate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A full solver pool answers "busy, retry" instead of queueing without bound. */
class SolveGateTest {
    @Test
    void aFullPoolRefusesWithRetryAfter() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        SolveGate gate = new SolveGate(1, 50, metrics);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> gate.run(() -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        t.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> gate.run(() -> 2)).isInstanceOf(OverloadedException.class)
                .satisfies(e -> assertThat(((OverloadedException) e).retryAfterSeconds()).isEqualTo(1));
        assertThat(metrics.counter("gridpivot.requests.rejected", "reason", "overloaded").count()).isEqualTo(1.0);
        release.countDown();
        t.join(10_000);
        assertThat(gate.run(() -> 3)).isEqualTo(3);
    }
}
