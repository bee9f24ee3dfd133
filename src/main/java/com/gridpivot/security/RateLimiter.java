package com.gridpivot.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code ratePerSecond} on average, bursts up to {@code burst}. Per replica by design: the bucket
 * guards this process's threads and memory against one key's flood, answered without a database or network round trip
 * on every request; a shared bucket would put the database in the path of each request, also of the floods it is meant
 * to stop. With N replicas behind a balancer a key may therefore make up to N times the rate in all; the cluster-wide
 * bounds on work are the per-key queued-runs limit (counted in the shared database) and each replica's solve slots.
 */
public final class RateLimiter {
    private final double ratePerSecond;
    private final double burst;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    public RateLimiter(double ratePerSecond, int burst) {
        this.ratePerSecond = ratePerSecond;
        this.burst = Math.max(1, burst);
    }

    /** 0 when the request may go; otherwise the seconds to wait before the next one will. */
    public long acquire(long keyId) {
        Bucket b = buckets.computeIfAbsent(keyId, k -> {
            Bucket n = new Bucket();
            n.tokens = burst;
            n.lastNanos = System.nanoTime();
            return n;
        });
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) / 1e9 * ratePerSecond);
            b.lastNanos = now;
            if (b.tokens >= 1.0) {
                b.tokens -= 1.0;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1.0 - b.tokens) / ratePerSecond));
        }
    }
}
