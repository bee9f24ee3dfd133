package com.gridpivot.planning.solve;

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
}
