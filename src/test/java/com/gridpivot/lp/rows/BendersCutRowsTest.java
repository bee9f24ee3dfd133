package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanProblem;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decomposition master's rows on RowFixtures.plan() (2 months, interconnect 10 MW, H100 pue 1.2).
 * θ bounds 5,000 and 7,000. aiSitePower[2026-01] at W = 4: 1.2 · 4 = 4.8 ≤ 10.
 * Optimality cut at K̂ = 5, Ŵ = 2 with V̂ = 1,000, g_K = 60, g_W = −12 (λ = 10 USD per MW of site power × pue 1.2):
 * θ − 60 K + 12 W ≤ 1,000 − 60·5 + 12·2 = 724. At θ = 900, K = 3, W = 1: 900 − 180 + 12 = 732 (> 724: this point is cut off;
 * the cut allows θ ≤ 724 + 180 − 12 = 892 there).
 * Feasibility cut: 2 K − W ≥ −3 (USD), rows in millions: at K = 3, W = 1: 1e-6 · (6 − 1) = 5e-6 ≥ −3e-6.
 */
class BendersCutRowsTest {

    @Test
    void monthValuesSitePowerAndCuts() {
        PlanProblem p = RowFixtures.plan();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] theta = BendersCutRows.addMonthValues(s, p, new double[] {5_000.0, 7_000.0});
            assertThat(theta[1].name()).isEqualTo("dispatchValueUsd[2026-02]");
            assertThat(theta[1].ub()).isEqualTo(7_000.0);
            assertThat(theta[0].lb()).isEqualTo(Double.NEGATIVE_INFINITY);
            MPVariable k = Lp.var(s, 0, Lp.inf(), "asicKept[S21,2026-01]");
            MPVariable[][] w = {{Lp.var(s, 0, Lp.inf(), "aiReserved[H100,2026-01]"), Lp.var(s, 0, Lp.inf(), "aiReserved[H100,2026-02]")}};
            BendersCutRows.addAiSitePower(s, p, w);
            fix(w[0][0], 4.0);
            fix(w[0][1], 1.0);
            fix(k, 5.0);
            fix(theta[0], 900.0);
            fix(theta[1], 0.0);
            assertRow(s, "aiSitePower[2026-01]", 4.8, Double.NEGATIVE_INFINITY, 10.0);
            Map<MPVariable, Double> g = new IdentityHashMap<>();
            g.put(k, 60.0);
            g.put(w[0][0], -12.0);
            Map<MPVariable, Double> at = new IdentityHashMap<>();
            at.put(k, 5.0);
            at.put(w[0][0], 2.0);
            BendersCutRows.addOptimalityCut(s, "dispatchCut[2026-01,1]", theta[0], 1_000.0, g, at);
            fix(k, 3.0);
            fix(w[0][0], 1.0);
            assertRow(s, "dispatchCut[2026-01,1]", 900 - 180 + 12, Double.NEGATIVE_INFINITY, 724.0);
            Map<MPVariable, Double> a = new IdentityHashMap<>();
            a.put(k, 2.0);
            a.put(w[0][0], -1.0);
            BendersCutRows.addFeasibilityCut(s, "cashCut[s1,2026-01,1]", a, -3.0);
            assertRow(s, "cashCut[s1,2026-01,1]", 5e-6, -3e-6, Double.POSITIVE_INFINITY);
            // the cut bounds θ: max θ at K = 3, W = 1 is 892
            theta[0].setBounds(Double.NEGATIVE_INFINITY, 5_000.0);
            s.objective().setCoefficient(theta[0], 1.0);
            s.objective().setMaximization();
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            assertThat(theta[0].solutionValue()).isCloseTo(892.0, within(1e-9));
        } finally {
            s.delete();
        }
    }
}
