package com.gridpivot.optimization;

import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.model.AllocationModel;
import com.gridpivot.optimization.model.AllocationModelBuilder;
import com.gridpivot.optimization.result.AllocationOutcome;
import com.gridpivot.optimization.result.AllocationResult.SolverStats;
import com.gridpivot.optimization.result.AllocationResultBuilder;
import com.gridpivot.optimization.result.InfeasibilityExplainer;
import com.gridpivot.lp.LpSolver;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.SolveOutcome;

/** The what-if pipeline: model → solve → results. Plain Java, usable without Quarkus. */
public final class AllocationEngine {
    private AllocationEngine() {
    }

    public static AllocationOutcome solve(AllocationProblem p) {
        long start = System.nanoTime();
        try (AllocationModel m = AllocationModelBuilder.build(p)) {
            double tolerance = 1e-6 * Math.max(1.0, p.site().interconnectMw());
            SolveOutcome s = LpSolver.solve(m.solver(), p.solver(), p.timeLimitSeconds(), tolerance);
            if (s.status() == LpStatus.INFEASIBLE && InfeasibilityExplainer.conflicts(p).isEmpty() && p.site().minAiItMw() <= 0) {
                // With no contracted AI, all-zero is feasible: an INFEASIBLE answer is the solver's mistake.
                s = new SolveOutcome(LpStatus.ERROR, Double.NaN, s.solveMs(), s.solverName(),
                        "the solver reported INFEASIBLE for a model that is feasible by construction");
            }
            boolean bounded = s.status() == LpStatus.FEASIBLE && Double.isFinite(s.bestBound());
            SolverStats stats = new SolverStats(s.solverName(), 0, m.buildMs(), s.solveMs(), m.solver().numVariables(),
                    m.solver().numConstraints(), p.hourAggregation().name(), p.hours(), m.blocks().size(), s.note(),
                    bounded ? s.bestBound() : null, bounded ? s.relativeGap() : null);
            AllocationOutcome out = s.hasSolution()
                    ? AllocationResultBuilder.fromSolution(m, s, stats)
                    : AllocationResultBuilder.noSolution(p, s, stats);
            double wallMs = (System.nanoTime() - start) / 1e6;
            var st = out.result().solver();
            var withWall = new SolverStats(st.name(), wallMs, st.buildMs(), st.solveMs(), st.variables(), st.constraints(),
                    st.hourAggregation(), st.hours(), st.hourBlocks(), st.note(), st.bestBoundUsd(), st.relativeGap());
            return new AllocationOutcome(out.result().withSolver(withWall), out.dispatchMw(), out.facilityMw());
        }
    }
}
