package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.SiteSpec;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AI build: the what-if's total and budget rows; the plan's reserved/online definitions and limits. */
class AiBuildRowsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** y = 2 MW: aiTotal 1 ≤ 2 ≤ 6; capexBudget 1,000,000 × 2 = 2,000,000 ≤ 5,000,000; y ≤ maxItMw 8. */
    @Test
    void whatIfTotalAndBudget() {
        AllocationProblem p = RowFixtures.whatIf(HourAggregation.EXACT);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] y = AiBuildRows.addAiItMw(s, p);
            AiBuildRows.addAiTotal(s, p, y);
            AiBuildRows.addCapexBudget(s, p, y);
            assertThat(y[0].name()).isEqualTo("aiIt[H100]");
            assertThat(y[0].ub()).isEqualTo(8.0);
            fix(y[0], 2.0);
            assertRow(s, "aiTotal", 2.0, 1.0, 6.0);
            assertRow(s, "capexBudget", 2_000_000.0, -INF, 5_000_000.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /** Without a most/least AI and without a budget neither row exists. */
    @Test
    void whatIfRowsOnlyWhereALimitApplies() {
        AllocationProblem b = RowFixtures.whatIf(HourAggregation.EXACT);
        AllocationProblem p = new AllocationProblem(new SiteSpec("t", 10.0, INF, 0.0, INF), b.fleets(), b.aiOptions(), b.priceUsdPerMwh(),
                b.hashpriceUsdPerPhDay(), 0.0, 5, SolverKind.GLOP, HourAggregation.EXACT, 10.0);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] y = AiBuildRows.addAiItMw(s, p);
            assertThat(AiBuildRows.addAiTotal(s, p, y)).isNull();
            assertThat(AiBuildRows.addCapexBudget(s, p, y)).isNull();
            assertThat(s.numConstraints()).isZero();
        } finally {
            s.delete();
        }
    }

    /**
     * Lead time 2: S = (3, 1) started in Jan and Feb → reserved W = (3, 3 + 1 = 4); online O = (0, 0) until March.
     * aiReservedDef: W₀ − S₀ = 0, W₁ − W₀ − S₁ = 4 − 3 − 1 = 0; aiOnlineDef: O₀ = 0, O₁ − O₀ = 0 (no S term before m = 2).
     * Limits: aiTotalMax W₁ = 4 ≤ 6; conversionRate 3 and 1 ≤ 4; aiContract from Feb: O₁ = 0 ≥ 1 is broken (the plan
     * cannot meet a contract before its lead time: the row says so).
     */
    @Test
    void planReservedOnlineAndLimits() {
        PlanProblem p = RowFixtures.plan();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            AiBuildRows.Ai ai = AiBuildRows.add(s, p, null);
            AiBuildRows.addLimits(s, p, ai);
            assertThat(ai.reserved()[0][0].ub()).isEqualTo(8.0);
            fix(ai.start()[0][0], 3.0);
            fix(ai.start()[0][1], 1.0);
            fix(ai.reserved()[0][0], 3.0);
            fix(ai.reserved()[0][1], 4.0);
            fix(ai.online()[0][0], 0.0);
            fix(ai.online()[0][1], 0.0);
            assertRow(s, "aiReservedDef[H100,2026-01]", 3.0 - 3.0, 0.0, 0.0);
            assertRow(s, "aiReservedDef[H100,2026-02]", 4.0 - 3.0 - 1.0, 0.0, 0.0);
            assertRow(s, "aiOnlineDef[H100,2026-01]", 0.0, 0.0, 0.0);
            assertRow(s, "aiOnlineDef[H100,2026-02]", 0.0, 0.0, 0.0);
            assertThat(RowFixtures.row(s, "aiOnlineDef[H100,2026-02]").getCoefficient(ai.start()[0][0])).isZero();
            assertRow(s, "aiTotalMax", 4.0, -INF, 6.0);
            assertRow(s, "conversionRate[2026-01]", 3.0, -INF, 4.0);
            assertRow(s, "conversionRate[2026-02]", 1.0, -INF, 4.0);
            assertRow(s, "aiContract[2026-02]", 0.0, 1.0, INF);
            assertThat(s.constraints()).noneMatch(c -> c.name().equals("aiContract[2026-01]"));
        } finally {
            s.delete();
        }
    }

    /** A fixed plan fixes every start: 3 MW in Jan as listed, 0 in Feb (not listed). */
    @Test
    void planFixedStarts() {
        PlanProblem p = RowFixtures.plan();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            AiBuildRows.Ai ai = AiBuildRows.add(s, p, new FixedPlan("f", Map.of(FixedPlan.key("H100", 0), 3.0), null, null, null));
            assertThat(ai.start()[0][0].lb()).isEqualTo(3.0);
            assertThat(ai.start()[0][0].ub()).isEqualTo(3.0);
            assertThat(ai.start()[0][1].ub()).isEqualTo(0.0);
        } finally {
            s.delete();
        }
    }
}
