package com.gridpivot.lp;

import com.gridpivot.errors.OverloadedException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the solves running at once. A request that cannot get a slot within the wait is answered 503 with
 * Retry-After instead of piling up threads and memory until the process falls over.
 */
@ApplicationScoped
public class SolveGate {
    private final Semaphore slots;
    private final long waitMs;
    private final MeterRegistry metrics;

    public SolveGate(@ConfigProperty(name = "gridpivot.limits.concurrent-solves", defaultValue = "0") int concurrent,
                     @ConfigProperty(name = "gridpivot.limits.solve-wait-ms", defaultValue = "2000") long waitMs,
                     MeterRegistry metrics) {
        int n = concurrent > 0 ? concurrent : Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        this.slots = new Semaphore(n, true);
        this.waitMs = waitMs;
        this.metrics = metrics;
        metrics.gauge("gridpivot.solves.available", slots, Semaphore::availablePermits);
    }

    public <T> T run(Supplier<T> solve) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            metrics.counter("gridpivot.requests.rejected", "reason", "overloaded").increment();
            throw new OverloadedException("every solver slot is busy; retry in a second", 1);
        }
        try {
            return solve.get();
        } finally {
            slots.release();
        }
    }
}
