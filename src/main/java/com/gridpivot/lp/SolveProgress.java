package com.gridpivot.lp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Progress that moves during one long solve: every half second the share of the time limit used so far,
 * p = min(99, ⌊100 · elapsed / limit⌋), is reported to the solve's {@link RunControl#span span} when it changed. A solve
 * ends at its time limit at the latest, so p is an honest upper bound on the share of the wait that has passed; a solve
 * that finishes early jumps to its span's end. Nothing is reported after {@link #close()} (the job's next mark is never
 * overwritten by a late tick).
 */
public final class SolveProgress implements AutoCloseable {
    private static final long TICK_MS = 500;
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "solve-progress");
        t.setDaemon(true);
        return t;
    });
    private static final SolveProgress NONE = new SolveProgress(null, 0, null);

    private final RunControl control;
    private final long startNanos;
    private final ScheduledFuture<?> tick;
    private int last = -1;
    private boolean closed;

    private SolveProgress(RunControl control, double limitSeconds, Object unused) {
        this.control = control;
        this.startNanos = System.nanoTime();
        if (control == null) {
            this.tick = null;
            return;
        }
        double limitNanos = Math.max(1e-3, limitSeconds) * 1e9;
        this.tick = TICKS.scheduleAtFixedRate(() -> report((System.nanoTime() - startNanos) / limitNanos), TICK_MS, TICK_MS,
                TimeUnit.MILLISECONDS);
    }

    /** Ticks for a solve under a span ({@link RunControl#ticks()}); nothing for any other control. */
    public static SolveProgress start(RunControl control, double limitSeconds) {
        return control.ticks() ? new SolveProgress(control, limitSeconds, null) : NONE;
    }

    /** The percent of the span reported for a share of the time limit used. */
    static int percent(double shareOfLimit) {
        return (int) Math.min(99, Math.floor(100.0 * Math.max(0.0, shareOfLimit)));
    }

    private synchronized void report(double shareOfLimit) {
        if (closed) {
            return;
        }
        int p = percent(shareOfLimit);
        if (p != last) {
            last = p;
            try {
                control.progress(p);
            } catch (RuntimeException e) {
                // progress is advice: a failed write (the run ended, the database is busy) must not stop the solve
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (tick != null) {
            tick.cancel(false);
        }
    }
}
