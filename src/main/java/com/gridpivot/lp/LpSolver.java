package com.gridpivot.lp;

import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
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

    public static SolveOutcome solve(MPSolver solver, SolverKind kind, double timeLimitSeconds, double feasibilityTolerance) {
        OrToolsNatives.ensureLoaded();
        long limitMs = Math.max(1L, Math.round(timeLimitSeconds * 1000.0));
        Attempt first = attempt(solver, kind, limitMs, timeLimitSeconds, feasibilityTolerance);
        if (!first.retryOnAnotherBackend()) {
            String note = first.status() == LpStatus.ERROR ? first.describe(kind) : first.note();
            double objective = first.hasSolution() ? solver.objective().value() : Double.NaN;
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
        if (status == LpStatus.FEASIBLE && outOfTime) {
            note = "stopped by the time limit of " + timeLimitSeconds + " s with a feasible, not proven optimal, answer";
        }
        if (status == LpStatus.OPTIMAL && !solver.verifySolution(feasibilityTolerance, false)) {
            status = LpStatus.ERROR;
            note = "its answer breaks a bound or row by more than " + feasibilityTolerance + "; not reported";
        }
        return new Attempt(status, raw, ms, note);
    }
}
