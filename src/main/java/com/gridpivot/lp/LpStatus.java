package com.gridpivot.lp;

/** The outcome of an LP solve as GridPivot reports it. */
public enum LpStatus {
    /** Proven optimal. */
    OPTIMAL,
    /** A feasible answer that is not proven optimal (e.g. stopped by the time limit with a solution). */
    FEASIBLE,
    /** No allocation satisfies the constraints. */
    INFEASIBLE,
    /** The objective can grow without bound (cannot happen with validated inputs; kept for honesty). */
    UNBOUNDED,
    /** Stopped by the time limit without a usable answer. */
    TIMED_OUT,
    /** The solver failed numerically. */
    ERROR
}
