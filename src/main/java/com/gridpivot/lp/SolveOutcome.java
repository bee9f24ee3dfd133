package com.gridpivot.lp;

/**
 * @param status     the true status (INFEASIBLE and UNBOUNDED are confirmed without presolve)
 * @param objective  the objective value when a solution exists, else NaN
 * @param solveMs    wall time of the solve, ms (a MIP's includes its LP relaxation)
 * @param solverName the backend that answered
 * @param note       what was done to confirm the status, or null
 * @param bestBound  a proven bound on the optimum (≥ objective when maximising): a MIP's best bound; NaN when none is known
 * @param mip        the MIP's figures (LP relaxation, nodes), or null for an LP
 */
public record SolveOutcome(LpStatus status, double objective, double solveMs, String solverName, String note, double bestBound,
                           Mip mip) {

    /** An LP's outcome: no bound beside the objective, no MIP figures. */
    public SolveOutcome(LpStatus status, double objective, double solveMs, String solverName, String note) {
        this(status, objective, solveMs, solverName, note, Double.NaN, null);
    }

    public boolean hasSolution() {
        return status == LpStatus.OPTIMAL || status == LpStatus.FEASIBLE;
    }

    /**
     * The relative gap |bestBound − objective| / max(|objective|, 1) (objective and bound in the model's unit, USD for a plan),
     * or NaN without a solution or a bound.
     */
    public double relativeGap() {
        if (!hasSolution() || !Double.isFinite(bestBound) || !Double.isFinite(objective)) {
            return Double.NaN;
        }
        return Math.abs(bestBound - objective) / Math.max(Math.abs(objective), 1.0);
    }

    /**
     * A MIP solve's figures beside its answer.
     *
     * @param relaxationObjective the LP relaxation's optimum (integers relaxed; a bound on the MIP's optimum), NaN when it was
     *                            not solved to optimality
     * @param relaxationSolver    the LP backend that solved the relaxation
     * @param relaxationMs        its wall time, ms
     * @param nodes               branch-and-bound nodes the MIP backend explored
     */
    public record Mip(double relaxationObjective, String relaxationSolver, double relaxationMs, long nodes) {
    }
}
