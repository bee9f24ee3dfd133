package com.gridpivot.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (an API key's id, or a client's address): {@code ratePerSecond} on average, bursts up to
 * {@code burst}. At most {@code maxKeys} buckets are held, the least recently used dropped first (a dropped key starts
 * again with a full bucket), so a flood of distinct keys or addresses cannot grow the memory.
 *
 * <p>Per replica by design: the bucket guards this process's threads and memory against one key's flood, answered
 * without a database or network round trip on every request; a shared bucket would put the database in the path of each
 * request, also of the floods it is meant to stop. With N replicas behind a balancer a key may therefore make up to N
 * times the rate in all; the cluster-wide bounds on work are the per-key queued-runs limit (counted in the shared
 * database) and each replica's solve slots.
 */
public final class RateLimiter {
    private final double ratePerSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<Object, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    /** A limiter of at most 100,000 keys, on the system's clock. */
    public RateLimiter(double ratePerSecond, int burst) {
        this(ratePerSecond, burst, 100_000, System::nanoTime);
    }

    /**
     * @param ratePerSecond tokens added per second
     * @param burst         tokens a bucket holds at most (a new bucket starts full)
     * @param maxKeys       buckets held at most, least recently used dropped first
     * @param nanos         the clock, nanoseconds (tests move it)
     */
    public RateLimiter(double ratePerSecond, int burst, int maxKeys, LongSupplier nanos) {
        this.ratePerSecond = ratePerSecond;
        this.burst = Math.max(1, burst);
        this.nanos = nanos;
        int most = Math.max(1, maxKeys);
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Bucket> eldest) {
                return size() > most;
            }
        };
    }

    /** 0 when the request may go; otherwise the whole seconds to wait before the next one will (at least 1). */
    public long acquire(Object key) {
        Bucket b;
        synchronized (buckets) {
            b = buckets.get(key);
            if (b == null) {
                b = new Bucket();
                b.tokens = burst;
                b.lastNanos = nanos.getAsLong();
                buckets.put(key, b);
            }
        }
        synchronized (b) {
            long now = nanos.getAsLong();
            b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) / 1e9 * ratePerSecond);
            b.lastNanos = now;
            if (b.tokens >= 1.0) {
                b.tokens -= 1.0;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1.0 - b.tokens) / ratePerSecond));
        }
    }

    /** Buckets held now; at most {@code maxKeys}. */
    public int keys() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
