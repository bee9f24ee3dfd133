package com.gridpivot.lp;

/**
 * @param status     the true status (INFEASIBLE and UNBOUNDED are confirmed without presolve)
 * @param objective  the objective value when a solution exists, else NaN
 * @param solveMs    wall time of the solve, ms
 * @param solverName the backend that answered
 * @param note       what was done to confirm the status, or null
 */
public record SolveOutcome(LpStatus status, double objective, double solveMs, String solverName, String note) {
    public boolean hasSolution() {
        return status == LpStatus.OPTIMAL || status == LpStatus.FEASIBLE;
    }
}
