package com.gridpivot.risk;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Where a sweep's grid points spent their time, added up over worker threads: building models and setting a point's
 * coefficients on a re-used one ("build"), and the LP solves ("solve"); with the size of the largest model solved. Both
 * sums can exceed the wall time when several workers run at once.
 */
public final class SweepTimes {
    private final DoubleAdder buildMs = new DoubleAdder();
    private final DoubleAdder solveMs = new DoubleAdder();
    private final AtomicInteger variables = new AtomicInteger();
    private final AtomicInteger rows = new AtomicInteger();

    void build(long fromNanos) {
        buildMs.add((System.nanoTime() - fromNanos) / 1e6);
    }

    void addBuildMs(double ms) {
        buildMs.add(ms);
    }

    void addSolveMs(double ms) {
        solveMs.add(ms);
    }

    /** A model of this size was solved. */
    void model(int modelVariables, int modelRows) {
        variables.accumulateAndGet(modelVariables, Math::max);
        rows.accumulateAndGet(modelRows, Math::max);
    }

    public double buildMs() {
        return buildMs.sum();
    }

    public double solveMs() {
        return solveMs.sum();
    }

    /**
     * The sums as numbers, e.g. a cluster chunk's (its points' build and solve milliseconds, its largest model).
     *
     * @param buildMs   model building and coefficient setting, ms
     * @param solveMs   LP solves, ms
     * @param variables variables of the largest model solved
     * @param rows      rows of that model
     */
    public record Totals(double buildMs, double solveMs, int variables, int rows) {
    }

    public Totals totals() {
        return new Totals(buildMs.sum(), solveMs.sum(), variables.get(), rows.get());
    }

    /** Adds another computation's sums (a chunk computed elsewhere). */
    public void add(Totals t) {
        buildMs.add(t.buildMs());
        solveMs.add(t.solveMs());
        model(t.variables(), t.rows());
    }

    SweepResult.Stats stats(int points, int hourBlocks, boolean sharedModel, int threads, long startNanos) {
        return new SweepResult.Stats(points, hourBlocks, sharedModel, threads, (System.nanoTime() - startNanos) / 1e6, buildMs.sum(),
                solveMs.sum(), variables.get(), rows.get());
    }
}
