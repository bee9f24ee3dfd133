package com.gridpivot.lp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Progress during one long solve: the share of the time limit used, mapped into the solve's span, never after it ends. */
class SolveProgressTest {

    /** A run's control that records what it is told. */
    static final class Recording implements RunControl {
        final List<Integer> reported = new CopyOnWriteArrayList<>();

        @Override
        public void progress(int percent) {
            reported.add(percent);
        }
    }

    @Test
    void theShareOfTheLimitIsCappedBelowTheEnd() {
        assertThat(SolveProgress.percent(0.0)).isZero();
        assertThat(SolveProgress.percent(0.505)).isEqualTo(50);
        // at or past the limit the solve is still running (it answers at the limit): 99, never 100
        assertThat(SolveProgress.percent(1.0)).isEqualTo(99);
        assertThat(SolveProgress.percent(7.0)).isEqualTo(99);
    }

    @Test
    void aSpanMapsItsPercentIntoTheRunsShare() {
        Recording run = new Recording();
        RunControl span = run.span(45, 90);
        span.progress(0);
        span.progress(50); // 45 + 45·50/100 = 67 (integer division of 2250/100 = 22)
        span.progress(100);
        span.progress(250); // clamped to 100
        assertThat(run.reported).containsExactly(45, 67, 90, 90);
        assertThat(span.ticks()).isTrue();
        assertThat(run.ticks()).as("a plain control (a sweep's) never gets ticks").isFalse();
    }

    @Test
    void aPlainControlGetsNoTicks() throws InterruptedException {
        Recording run = new Recording();
        try (SolveProgress clock = SolveProgress.start(run, 0.2)) {
            Thread.sleep(1200);
        }
        assertThat(run.reported).isEmpty();
    }

    @Test
    void ticksMoveWithTheClockInsideTheSpanAndStopAtClose() throws InterruptedException {
        Recording run = new Recording();
        RunControl span = run.span(45, 90);
        SolveProgress clock = SolveProgress.start(span, 1.0);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (run.reported.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        clock.close();
        List<Integer> seen = List.copyOf(run.reported);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
        // non-decreasing (the clock only moves on), inside the span, below its end
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isBetween(45, 89);
            if (i > 0) {
                assertThat(seen.get(i)).isGreaterThanOrEqualTo(seen.get(i - 1));
            }
        }
        Thread.sleep(1200);
        assertThat(run.reported).as("nothing after close").isEqualTo(seen);
    }
}
