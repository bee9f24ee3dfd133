package com.gridpivot.lp;

import com.google.ortools.linearsolver.MPSolver;
import com.gridpivot.optimization.input.SolverKind;

/**
 * Solves a built MPSolver model with a time limit and maps its status to the truth:
 * <ul>
 *   <li>GLOP with presolve can call an unbounded LP infeasible, so INFEASIBLE and UNBOUNDED are confirmed by a
 *       second solve without presolve;</li>
 *   <li>an OPTIMAL answer is checked against the model's bounds and rows ({@code verifySolution});</li>
 *   <li>a solve stopped by the clock is TIMED_OUT (or FEASIBLE when it kept a solution).</li>
 * </ul>
 */
public final class LpSolver {
    private LpSolver() {
    }

    public static SolveOutcome solve(MPSolver solver, SolverKind kind, double timeLimitSeconds, double feasibilityTolerance) {
        OrToolsNatives.ensureLoaded();
        long limitMs = Math.max(1L, Math.round(timeLimitSeconds * 1000.0));
        solver.setTimeLimit(limitMs);
        if (kind == SolverKind.PDLP) {
            // Default PDLP stops at 1e-4 relative; planners compare numbers to the dollar.
            solver.setSolverSpecificParametersAsString(
                    "termination_criteria { simple_optimality_criteria { eps_optimal_relative: 1e-9 eps_optimal_absolute: 1e-9 } }");
        }
        long start = System.nanoTime();
        MPSolver.ResultStatus raw = solver.solve();
        double ms = (System.nanoTime() - start) / 1e6;
        String note = null;
        if ((raw == MPSolver.ResultStatus.INFEASIBLE || raw == MPSolver.ResultStatus.UNBOUNDED) && kind == SolverKind.GLOP) {
            solver.setSolverSpecificParametersAsString("use_preprocessing: false");
            long again = System.nanoTime();
            MPSolver.ResultStatus confirm = solver.solve();
            ms += (System.nanoTime() - again) / 1e6;
            note = "GLOP said " + raw + " with presolve and " + confirm + " without it";
            raw = confirm;
        }
        boolean outOfTime = ms >= limitMs * 0.98;
        LpStatus status = switch (raw) {
            case OPTIMAL -> LpStatus.OPTIMAL;
            case FEASIBLE -> LpStatus.FEASIBLE;
            case INFEASIBLE -> LpStatus.INFEASIBLE;
            case UNBOUNDED -> LpStatus.UNBOUNDED;
            case NOT_SOLVED, ABNORMAL, MODEL_INVALID -> outOfTime ? LpStatus.TIMED_OUT : LpStatus.ERROR;
        };
        if (status == LpStatus.FEASIBLE && outOfTime) {
            note = "stopped by the time limit of " + timeLimitSeconds + " s with a feasible, not proven optimal, answer";
        }
        if (status == LpStatus.OPTIMAL && !solver.verifySolution(feasibilityTolerance, false)) {
            status = LpStatus.ERROR;
            note = "the solver's answer breaks a bound or row by more than " + feasibilityTolerance + "; not reported";
        }
        double objective = status == LpStatus.OPTIMAL || status == LpStatus.FEASIBLE ? solver.objective().value() : Double.NaN;
        return new SolveOutcome(status, objective, ms, kind.name(), note);
    }
}
