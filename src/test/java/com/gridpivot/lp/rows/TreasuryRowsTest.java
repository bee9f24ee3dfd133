package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** treasuryLimit: Σₘ T[m] ≤ N. */
class TreasuryRowsTest {

    /** Sell 2 BTC in Jan and 3 in Feb: 5 ≤ 10 held. */
    @Test
    void salesWithinTheTreasury() {
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] t = TreasuryRows.add(s, RowFixtures.plan(), null);
            assertThat(t[1].name()).isEqualTo("treasurySold[2026-02]");
            fix(t[0], 2.0);
            fix(t[1], 3.0);
            assertRow(s, "treasuryLimit", 5.0, Double.NEGATIVE_INFINITY, 10.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /** No treasury: no variables unless a fixed plan sells; then its 1 BTC in Jan breaks the limit 1 ≤ 0 (the explainer's case). */
    @Test
    void noTreasury() {
        PlanProblem b = RowFixtures.plan();
        PlanProblem p = new PlanProblem(b.startMonth(), b.months(), b.interconnectMw(), b.maxAiItMw(), b.minAiItMw(), b.minAiFromIndex(),
                b.maxConversionMwPerMonth(), b.fleets(), b.options(), b.startingCashUsd(), b.cashFloorUsd(), 0.0, b.discountRate(), b.solver(),
                b.hourModel(), b.timeLimitSeconds());
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            assertThat(TreasuryRows.add(s, p, null)).isNull();
            MPVariable[] t = TreasuryRows.add(s, p, new FixedPlan("f", null, null, null, Map.of(0, 1.0)));
            assertThat(t[0].lb()).isEqualTo(1.0);
            assertThat(t[1].ub()).isEqualTo(0.0);
            assertRow(s, "treasuryLimit", 1.0, Double.NEGATIVE_INFINITY, 0.0);
        } finally {
            s.delete();
        }
    }
}
