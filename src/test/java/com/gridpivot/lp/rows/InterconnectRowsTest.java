package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.MonthBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** interconnect: Σ pue × IT MW of mining and AI ≤ the interconnect's 10 MW, in every hour of a block. */
class InterconnectRowsTest {

    /** D = 3 MW at pue 1.1 and y = 2 MW at pue 1.2: 3.3 + 2.4 = 5.7 MW of site power ≤ 10. */
    @Test
    void whatIfSitePowerOfOneBlock() {
        AllocationProblem p = RowFixtures.whatIf(HourAggregation.EXACT);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[][] d = {{Lp.var(s, 0, 5, "d")}};
            MPVariable[] y = AiBuildRows.addAiItMw(s, p);
            InterconnectRows.add(s, p, List.of(RowFixtures.block()), d, y);
            fix(d[0][0], 3.0);
            fix(y[0], 2.0);
            assertRow(s, "interconnect[b000]", 1.1 * 3.0 + 1.2 * 2.0, Double.NEGATIVE_INFINITY, 10.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /**
     * Plan: Jan D = 3, W = 2 → 3.3 + 2.4 = 5.7; Feb D = 1, W = 4 → 1.1 + 4.8 = 5.9. AI holds power while reserved (W), not only
     * online. A month without blocks (no fleet may run) keeps one row for the AI alone: W = 4 → 4.8.
     */
    @Test
    void planSitePowerPerMonthAndBlock() {
        PlanProblem p = RowFixtures.plan();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[][][] d = {{{Lp.var(s, 0, 5, "d0")}}, {{Lp.var(s, 0, 5, "d1")}}};
            MPVariable[][] w = {{Lp.var(s, 0, 8, "w0"), Lp.var(s, 0, 8, "w1")}};
            InterconnectRows.addPlan(s, p, null, RowFixtures.planBlocks(), d, w);
            fix(d[0][0][0], 3.0);
            fix(d[1][0][0], 1.0);
            fix(w[0][0], 2.0);
            fix(w[0][1], 4.0);
            assertRow(s, "interconnect[2026-01,b000]", 1.1 * 3.0 + 1.2 * 2.0, Double.NEGATIVE_INFINITY, 10.0);
            assertRow(s, "interconnect[2026-02,b000]", 1.1 * 1.0 + 1.2 * 4.0, Double.NEGATIVE_INFINITY, 10.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
        MPSolver s2 = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<MonthBlock>> blocks = List.of(RowFixtures.planBlocks().get(0), List.of());
            MPVariable[][][] d = {{{Lp.var(s2, 0, 5, "d0")}}, {}};
            MPVariable[][] w = {{Lp.var(s2, 0, 8, "w0"), Lp.var(s2, 0, 8, "w1")}};
            InterconnectRows.addPlan(s2, p, "s2", blocks, d, w);
            fix(d[0][0][0], 0.0);
            fix(w[0][0], 0.0);
            fix(w[0][1], 4.0);
            assertThat(s2.numConstraints()).isEqualTo(2);
            assertRow(s2, "interconnect[s2,2026-02]", 1.2 * 4.0, Double.NEGATIVE_INFINITY, 10.0);
        } finally {
            s2.delete();
        }
    }
}
