package com.gridpivot.lp;

import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.gridpivot.optimization.input.SolverKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Solves a built MPSolver model with a time limit and maps its status to the truth:
 * <ul>
 *   <li>GLOP with presolve can call an unbounded LP infeasible, so INFEASIBLE and UNBOUNDED are confirmed by a
 *       second solve without presolve;</li>
 *   <li>an OPTIMAL answer is checked against the model's bounds and rows ({@code verifySolution});</li>
 *   <li>a solve stopped by the clock is TIMED_OUT (or FEASIBLE when it kept a solution);</li>
 *   <li>a backend that ends in a numerical failure (ABNORMAL, NOT_SOLVED before the time limit, or an answer that fails
 *       the check) is not the end: the same model is solved again on the other backends in turn (GLOP → CLP → PDLP,
 *       CLP → GLOP → PDLP, PDLP → GLOP → CLP) within what is left of the time limit, and the first answer is loaded
 *       back into the caller's solver (values, duals, reduced costs), so the caller reads it as its own. The outcome
 *       names the backend that answered and its note says which failed and how.</li>
 * </ul>
 * A cancel that interrupts the caller's solver does not reach a fallback backend; that solve ends within the time left.
 *
 * <p>A MIP (a solver of {@link Lp#newMipSolver()}: a plan with whole blocks of AI) takes {@link #solveMip}: its LP relaxation
 * first, on the requested LP backend through the LP path above (a bound, and an infeasible relaxation ends the solve), then
 * SCIP within what is left of the time limit, stopping at a relative gap of {@link #MIP_RELATIVE_GAP}. The outcome carries
 * SCIP's best bound and the relaxation's optimum; a time limit ends with the best plan found (FEASIBLE) and its gap.
 */
public final class LpSolver {
    private LpSolver() {
    }

    /** One backend's attempt: its mapped status, the status OR-Tools gave, its time, and what was done or went wrong. */
    private record Attempt(LpStatus status, MPSolver.ResultStatus raw, double ms, String note) {
        boolean hasSolution() {
            return status == LpStatus.OPTIMAL || status == LpStatus.FEASIBLE;
        }

        /** A numerical failure another backend may not share (an invalid model or a time-out is the same everywhere). */
        boolean retryOnAnotherBackend() {
            return status == LpStatus.ERROR && raw != MPSolver.ResultStatus.MODEL_INVALID;
        }

        String describe(SolverKind kind) {
            if (raw == MPSolver.ResultStatus.OPTIMAL) {
                return kind + " answered OPTIMAL, but " + note; // the check of its answer failed
            }
            return kind + " ended in " + raw + (note != null ? " (" + note + ")" : switch (raw) {
                case ABNORMAL -> " (a numerical failure)";
                case NOT_SOLVED -> " (stopped without an answer)";
                case MODEL_INVALID -> " (the model is invalid: a NaN or infinite coefficient or bound)";
                default -> "";
            });
        }
    }

    /**
     * SCIP stops when (bound − best plan) / best plan is below this: 10⁻⁶ of a plan's NPV is a dollar per million (SCIP's own
     * default, 10⁻⁴, would leave $50,000 on a $500M plan unexplored).
     */
    public static final double MIP_RELATIVE_GAP = 1e-6;

    /**
     * @param kind the LP backend (a MIP's relaxation is solved on it; the MIP itself on SCIP)
     */
    public static SolveOutcome solve(MPSolver solver, SolverKind kind, double timeLimitSeconds, double feasibilityTolerance) {
        OrToolsNatives.ensureLoaded();
        long limitMs = Math.max(1L, Math.round(timeLimitSeconds * 1000.0));
        if (solver.isMip()) {
            return solveMip(solver, kind, limitMs, feasibilityTolerance);
        }
        Attempt first = attempt(solver, kind, limitMs, timeLimitSeconds, feasibilityTolerance);
        if (!first.retryOnAnotherBackend()) {
            String note = first.status() == LpStatus.ERROR ? first.describe(kind) : first.note();
            double objective = first.hasSolution() ? solver.objective().value() : Double.NaN;
            if (first.status() == LpStatus.FEASIBLE) {
                return withBound(solver, objective, first.ms(), kind.name(), note);
            }
            return new SolveOutcome(first.status(), objective, first.ms(), kind.name(), note);
        }
        double ms = first.ms();
        List<String> tried = new ArrayList<>(List.of(first.describe(kind)));
        MPModelProto model = solver.exportModelToProto();
        for (SolverKind other : fallbacks(kind)) {
            long leftMs = limitMs - Math.round(ms);
            if (leftMs < 1) {
                tried.add("no time was left to try " + other);
                break;
            }
            MPSolver alt = MPSolver.createSolver(other.name());
            if (alt == null) {
                tried.add(other + " is missing from this OR-Tools build");
                continue;
            }
            try {
                String loadError = alt.loadModelFromProto(model);
                if (loadError != null && !loadError.isEmpty()) {
                    tried.add(other + " could not load the model: " + loadError);
                    continue;
                }
                Attempt again = attempt(alt, other, leftMs, leftMs / 1000.0, feasibilityTolerance);
                ms += again.ms();
                if (again.hasSolution() && solver.loadSolutionFromProto(alt.createSolutionResponseProto())
                        && solver.verifySolution(feasibilityTolerance, false)) {
                    String note = String.join("; ", tried) + "; solved again with " + other
                            + (again.note() != null ? " (" + again.note() + ")" : "");
                    if (again.status() == LpStatus.FEASIBLE) {
                        return withBound(alt, solver.objective().value(), ms, other.name(), note);
                    }
                    return new SolveOutcome(again.status(), solver.objective().value(), ms, other.name(), note);
                }
                tried.add(again.hasSolution() ? other + " answered " + again.status() + " but its answer could not be loaded back"
                        : again.describe(other));
            } finally {
                alt.delete();
            }
        }
        return new SolveOutcome(LpStatus.ERROR, Double.NaN, ms, kind.name(), String.join("; ", tried));
    }

    /**
     * The MIP path: the LP relaxation (integers relaxed) on {@code relaxKind} through {@link #solve}, then the MIP on the
     * caller's solver within the time left. Statuses: OPTIMAL (gap ≤ {@link #MIP_RELATIVE_GAP}), FEASIBLE (the time limit
     * ended the search with a plan: its gap says how far from proven), INFEASIBLE (the relaxation already is, or the MIP),
     * TIMED_OUT (no plan found in time), ERROR (the relaxation failed on every backend, or SCIP failed or its answer breaks a
     * row by more than the tolerance).
     */
    static SolveOutcome solveMip(MPSolver solver, SolverKind relaxKind, long limitMs, double feasibilityTolerance) {
        String mip = Lp.MIP_BACKEND;
        MPModelProto.Builder relaxed = solver.exportModelToProto().toBuilder();
        for (int i = 0; i < relaxed.getVariableCount(); i++) {
            if (relaxed.getVariable(i).getIsInteger()) {
                relaxed.getVariableBuilder(i).setIsInteger(false);
            }
        }
        SolveOutcome rel;
        MPSolver lp = Lp.newSolver(relaxKind);
        try {
            String loadError = lp.loadModelFromProto(relaxed.build());
            if (loadError != null && !loadError.isEmpty()) {
                return new SolveOutcome(LpStatus.ERROR, Double.NaN, 0.0, mip, "the LP relaxation could not be loaded into " + relaxKind
                        + ": " + loadError);
            }
            rel = solve(lp, relaxKind, limitMs / 1000.0, feasibilityTolerance);
        } finally {
            lp.delete();
        }
        double relaxation = rel.status() == LpStatus.OPTIMAL ? rel.objective() : Double.NaN;
        String relText = "LP relaxation (" + rel.solverName() + ") " + rel.status()
                + (rel.status() == LpStatus.OPTIMAL ? " at " + String.format(java.util.Locale.ROOT, "%.6g", rel.objective()) : "")
                + (rel.note() != null ? " (" + rel.note() + ")" : "");
        if (rel.status() == LpStatus.INFEASIBLE || rel.status() == LpStatus.ERROR || rel.status() == LpStatus.TIMED_OUT) {
            // no integer point where the relaxation has none; a relaxation that failed or ran out of time leaves no time or bound
            return new SolveOutcome(rel.status(), Double.NaN, rel.solveMs(), mip, "MIP not solved: " + relText, Double.NaN,
                    new SolveOutcome.Mip(Double.NaN, rel.solverName(), rel.solveMs(), 0L));
        }
        long leftMs = limitMs - Math.round(rel.solveMs());
        if (leftMs < 1) {
            return new SolveOutcome(LpStatus.TIMED_OUT, Double.NaN, rel.solveMs(), mip, "no time was left for the MIP after the " + relText,
                    relaxation, new SolveOutcome.Mip(relaxation, rel.solverName(), rel.solveMs(), 0L));
        }
        solver.setTimeLimit(leftMs);
        MPSolverParameters params = new MPSolverParameters();
        long start = System.nanoTime();
        MPSolver.ResultStatus raw;
        try {
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, MIP_RELATIVE_GAP);
            raw = solver.solve(params);
        } finally {
            params.delete();
        }
        double ms = (System.nanoTime() - start) / 1e6;
        boolean outOfTime = ms >= leftMs * 0.98;
        LpStatus status = switch (raw) {
            case OPTIMAL -> LpStatus.OPTIMAL;
            case FEASIBLE -> LpStatus.FEASIBLE;
            case INFEASIBLE -> LpStatus.INFEASIBLE;
            case UNBOUNDED -> LpStatus.UNBOUNDED;
            case NOT_SOLVED, ABNORMAL, MODEL_INVALID -> outOfTime ? LpStatus.TIMED_OUT : LpStatus.ERROR;
        };
        long nodes = solver.nodes();
        double objective = Double.NaN;
        double bound = Double.NaN;
        String note;
        if (status == LpStatus.OPTIMAL || status == LpStatus.FEASIBLE) {
            if (!solver.verifySolution(feasibilityTolerance, false)) {
                status = LpStatus.ERROR;
                note = mip + " answered " + raw + ", but its answer breaks a bound or row by more than " + feasibilityTolerance
                        + "; not reported; " + relText;
            } else {
                objective = solver.objective().value();
                bound = tighter(solver, solver.objective().bestBound(), relaxation);
                double gap = Math.abs(bound - objective) / Math.max(Math.abs(objective), 1.0);
                String gapText = String.format(java.util.Locale.ROOT, "relative gap %.3g (best bound %.6g, best plan %.6g)", gap, bound,
                        objective);
                note = status == LpStatus.OPTIMAL
                        ? "MIP solved with " + mip + " in " + nodes + " nodes to a " + gapText + "; " + relText
                        : "stopped by the time limit of " + String.format(java.util.Locale.ROOT, "%.3g", limitMs / 1000.0)
                        + " s with the best plan " + mip + " found, not proven optimal: " + gapText + " after " + nodes + " nodes; " + relText;
            }
        } else if (status == LpStatus.TIMED_OUT) {
            note = mip + " found no plan with whole blocks within the time limit (" + nodes + " nodes); " + relText;
        } else {
            note = mip + " ended in " + raw + "; " + relText;
        }
        return new SolveOutcome(status, objective, rel.solveMs() + ms, mip, note, bound,
                new SolveOutcome.Mip(relaxation, rel.solverName(), rel.solveMs(), nodes));
    }

    /**
     * A FEASIBLE LP answer (a time limit stopped the backend before it proved optimality) with the bound that the duals it
     * held give ({@link DualBound}), its relative gap said in the note; without a finite bound the note says that too.
     *
     * @param dualsFrom the solver that holds the answer's duals (the caller's, or the fallback backend's)
     */
    private static SolveOutcome withBound(MPSolver dualsFrom, double objective, double ms, String solverName, String note) {
        long start = System.nanoTime();
        double bound = DualBound.of(dualsFrom);
        double boundMs = (System.nanoTime() - start) / 1e6;
        boolean max = dualsFrom.objective().maximization();
        if (Double.isFinite(bound) && Double.isFinite(objective)) {
            // the answer is feasible, so the optimum lies between it and the bound; rounding may put them a hair the wrong way
            bound = max ? Math.max(bound, objective) : Math.min(bound, objective);
            double gap = Math.abs(bound - objective) / Math.max(Math.abs(objective), 1.0);
            String text = String.format(java.util.Locale.ROOT,
                    "; the optimum is at most %.3g %% better than this answer: a bound of %.9g from the duals %s held when it stopped"
                            + " (against %.9g; computed in %.0f ms)", 100.0 * gap, bound, solverName, objective, boundMs);
            return new SolveOutcome(LpStatus.FEASIBLE, objective, ms + boundMs, solverName, (note == null ? "stopped" : note) + text,
                    bound, null);
        }
        return new SolveOutcome(LpStatus.FEASIBLE, objective, ms + boundMs, solverName, (note == null ? "stopped" : note)
                + "; the duals " + solverName + " held when it stopped give no finite bound, so how far this answer is from the"
                + " optimum is unknown", Double.NaN, null);
    }

    /** The tighter of the MIP backend's best bound and the LP relaxation's optimum (either may be NaN or infinite). */
    private static double tighter(MPSolver solver, double mipBound, double relaxation) {
        boolean max = solver.objective().maximization();
        if (!Double.isFinite(mipBound)) {
            return relaxation;
        }
        if (!Double.isFinite(relaxation)) {
            return mipBound;
        }
        return max ? Math.min(mipBound, relaxation) : Math.max(mipBound, relaxation);
    }

    /** The other backends, in the order they are tried after {@code kind} failed. */
    static List<SolverKind> fallbacks(SolverKind kind) {
        return switch (kind) {
            case GLOP -> List.of(SolverKind.CLP, SolverKind.PDLP);
            case CLP -> List.of(SolverKind.GLOP, SolverKind.PDLP);
            case PDLP -> List.of(SolverKind.GLOP, SolverKind.CLP);
        };
    }

    private static Attempt attempt(MPSolver solver, SolverKind kind, long limitMs, double timeLimitSeconds, double feasibilityTolerance) {
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
        if (status == LpStatus.FEASIBLE && !solver.verifySolution(feasibilityTolerance, false)) {
            // CLP's dual simplex stopped by the clock calls its last point FEASIBLE although it breaks rows (seen: a one-year
            // What-if whose "answer" earned 4× the optimum; BoundBenchmark): never report it
            status = outOfTime ? LpStatus.TIMED_OUT : LpStatus.ERROR;
            note = (outOfTime ? "stopped by the time limit of " + timeLimitSeconds + " s" : "stopped") + " at a point that breaks a bound"
                    + " or row by more than " + feasibilityTolerance + " (not a feasible answer; not reported)";
        } else if (status == LpStatus.FEASIBLE && outOfTime) {
            note = "stopped by the time limit of " + timeLimitSeconds + " s with a feasible, not proven optimal, answer";
        }
        if (status == LpStatus.OPTIMAL && !solver.verifySolution(feasibilityTolerance, false)) {
            status = LpStatus.ERROR;
            note = "its answer breaks a bound or row by more than " + feasibilityTolerance + "; not reported";
        }
        return new Attempt(status, raw, ms, note);
    }
}
