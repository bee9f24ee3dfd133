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
