package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** asicBalance: K[m] − K[m−1] − B[m] + R[m] = 0, with K[−1] = cap = 5 MW. */
class FleetStockRowsTest {

    /** Jan: retire 1 → K₀ + R₀ − B₀ = 4 + 1 − 0 = 5 = cap. Feb: buy 2 → K₁ − K₀ + R₁ − B₁ = 6 − 4 + 0 − 2 = 0. */
    @Test
    void keptRetiredBoughtBalance() {
        PlanProblem p = RowFixtures.plan();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            FleetStockRows.Asic a = FleetStockRows.add(s, p, null);
            assertThat(a.kept()[0][0].ub()).isEqualTo(Double.POSITIVE_INFINITY); // can be bought: no cap on K
            fix(a.kept()[0][0], 4.0);
            fix(a.kept()[0][1], 6.0);
            fix(a.retired()[0][0], 1.0);
            fix(a.retired()[0][1], 0.0);
            fix(a.bought()[0][0], 0.0);
            fix(a.bought()[0][1], 2.0);
            assertRow(s, "asicBalance[S21,2026-01]", 4.0 + 1.0 - 0.0, 5.0, 5.0);
            assertRow(s, "asicBalance[S21,2026-02]", 6.0 - 4.0 + 0.0 - 2.0, 0.0, 0.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /** No new-machine price: no B, and K ≤ cap = 5. A fixed plan fixes retirements: 2 MW in Feb as listed, 0 in Jan. */
    @Test
    void withoutPurchasesKeptIsCappedAndFixedRetirementsAreBounds() {
        PlanProblem b = RowFixtures.plan();
        PlanProblem p = new PlanProblem(b.startMonth(), b.months(), b.interconnectMw(), b.maxAiItMw(), b.minAiItMw(), b.minAiFromIndex(),
                b.maxConversionMwPerMonth(), List.of(new PlanFleet(RowFixtures.S21, 100_000.0, Double.NaN)), b.options(), b.startingCashUsd(),
                b.cashFloorUsd(), b.treasuryBtc(), b.discountRate(), b.solver(), b.hourModel(), b.timeLimitSeconds());
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            FleetStockRows.Asic a = FleetStockRows.add(s, p, new FixedPlan("f", null, Map.of(FixedPlan.key("S21", 1), 2.0), null, null));
            assertThat(a.bought()[0]).isNull();
            assertThat(a.kept()[0][1].ub()).isEqualTo(5.0);
            assertThat(a.retired()[0][0].ub()).isEqualTo(0.0);
            assertThat(a.retired()[0][1].lb()).isEqualTo(2.0);
            fix(a.kept()[0][0], 5.0);
            fix(a.kept()[0][1], 3.0);
            assertRow(s, "asicBalance[S21,2026-02]", 3.0 - 5.0 + 2.0, 0.0, 0.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }
}
