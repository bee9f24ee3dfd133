package com.gridpivot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket by hand: burst, refill, wait, and the bound on the keys it holds. */
class RateLimiterTest {
    @Test
    void aBucketGivesItsBurstThenRefillsAtItsRate() {
        AtomicLong nanos = new AtomicLong();
        RateLimiter r = new RateLimiter(2.0, 3, 10, nanos::get); // 2 per second, burst 3
        assertThat(r.acquire("a")).isZero();
        assertThat(r.acquire("a")).isZero();
        assertThat(r.acquire("a")).isZero();
        // empty: one token needs 1 / 2 = 0.5 s, rounded up to whole seconds
        assertThat(r.acquire("a")).isEqualTo(1);
        nanos.addAndGet(500_000_000L); // + 0.5 s × 2/s = 1 token
        assertThat(r.acquire("a")).isZero();
        assertThat(r.acquire("a")).isEqualTo(1);
        // another key has its own full bucket
        assertThat(r.acquire("b")).isZero();
        // a slow rate: 0.1 per second, empty bucket, 1 token needs 10 s
        RateLimiter slow = new RateLimiter(0.1, 1, 10, nanos::get);
        assertThat(slow.acquire(7L)).isZero();
        assertThat(slow.acquire(7L)).isEqualTo(10);
        nanos.addAndGet(4_000_000_000L); // 0.4 tokens: 0.6 / 0.1 = 6 s more
        assertThat(slow.acquire(7L)).isEqualTo(6);
    }

    @Test
    void distinctKeysCannotGrowItPastItsBound() {
        AtomicLong nanos = new AtomicLong();
        RateLimiter r = new RateLimiter(1.0, 1, 100, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            r.acquire("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(r.keys()).isEqualTo(100);
        // the newest keys are the ones held: the last address is still empty, the first starts again full
        assertThat(r.acquire("10.0.39.15")).isEqualTo(1);
        assertThat(r.acquire("10.0.0.0")).isZero();
    }
}
