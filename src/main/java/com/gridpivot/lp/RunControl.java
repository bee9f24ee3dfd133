package com.gridpivot.lp;

import com.google.ortools.linearsolver.MPSolver;

/** How a long solve reports progress and learns that it was cancelled (a job's context; {@link #NONE} for direct calls). */
public interface RunControl {
    RunControl NONE = new RunControl() {
    };

    /** @param percent 0 to 100 */
    default void progress(int percent) {
    }

    default boolean cancelled() {
        return false;
    }

    /** Called with the solver before it runs and with null after: a cancel may call {@code interruptSolve()} meanwhile. */
    default void solving(MPSolver solver) {
    }

    /**
     * True for a {@link #span} view: a solve run under it reports its time against the time limit as progress
     * ({@link SolveProgress}); a plain control (a sweep's, whose progress counts points) never gets ticks.
     */
    default boolean ticks() {
        return false;
    }

    /**
     * The share [fromPercent, toPercent] of this run's progress: the view's {@code progress(p)} reports
     * fromPercent + (toPercent − fromPercent)·p/100 here, cancel and interrupt pass through, and a solve under it moves its
     * progress with the clock.
     */
    default RunControl span(int fromPercent, int toPercent) {
        RunControl outer = this;
        return new RunControl() {
            @Override
            public void progress(int percent) {
                outer.progress(fromPercent + (toPercent - fromPercent) * Math.max(0, Math.min(100, percent)) / 100);
            }

            @Override
            public boolean cancelled() {
                return outer.cancelled();
            }

            @Override
            public void solving(MPSolver solver) {
                outer.solving(solver);
            }

            @Override
            public boolean ticks() {
                return true;
            }
        };
    }

    /** A durable job's control: its progress and cancel, and a cancel interrupts the solver that is running. */
    static RunControl of(com.gridpivot.jobs.JobContext ctx) {
        return new RunControl() {
            @Override
            public void progress(int percent) {
                ctx.progress(percent);
            }

            @Override
            public boolean cancelled() {
                return ctx.cancelled();
            }

            @Override
            public void solving(MPSolver solver) {
                ctx.onCancel(solver == null ? null : solver::interruptSolve);
            }
        };
    }
}
