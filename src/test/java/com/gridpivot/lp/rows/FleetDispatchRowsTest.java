package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fleetLimit: D − x ≤ 0 (what-if) and D − K ≤ 0 (plan, per scenario). */
class FleetDispatchRowsTest {

    /** x = 4 deployed, D = 3 dispatched: 3 − 4 = −1 ≤ 0; D and x are capped at cap = 1,600 × 3,125 W = 5 MW. */
    @Test
    void whatIfDispatchStaysWithinTheDeployedMw() {
        AllocationProblem p = RowFixtures.whatIf(HourAggregation.NONE);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] x = FleetDispatchRows.addDeployedMw(s, p, true);
            MPVariable[][] d = FleetDispatchRows.addDispatchMw(s, p, List.of(RowFixtures.block()), x);
            assertThat(x[0].name()).isEqualTo("deployed[S21]");
            assertThat(d[0][0].name()).isEqualTo("dispatch[S21,b000]");
            assertThat(x[0].ub()).isEqualTo(5.0);
            assertThat(d[0][0].ub()).isEqualTo(5.0);
            fix(x[0], 4.0);
            fix(d[0][0], 3.0);
            assertRow(s, "fleetLimit[S21,b000]", 3.0 - 4.0, Double.NEGATIVE_INFINITY, 0.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /** Merged model, no fixed opex: no xᵢ and no fleetLimit row; D ≤ cap = 5 alone. */
    @Test
    void mergedModelWithoutFixedOpexCapsDispatchByItsBound() {
        FleetSpec noFixed = new FleetSpec("S 21/b", null, 1600, 150, 3125, 1.1, 0.0, 2.0, 0.0);
        AllocationProblem base = RowFixtures.whatIf(HourAggregation.EXACT);
        AllocationProblem p = new AllocationProblem(base.site(), List.of(noFixed), base.aiOptions(), base.priceUsdPerMwh(),
                base.hashpriceUsdPerPhDay(), 0.0, 5, SolverKind.GLOP, HourAggregation.EXACT, 10.0);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] x = FleetDispatchRows.addDeployedMw(s, p, false);
            MPVariable[][] d = FleetDispatchRows.addDispatchMw(s, p, List.of(RowFixtures.block()), x);
            assertThat(x[0]).isNull();
            assertThat(s.numConstraints()).isZero();
            assertThat(d[0][0].ub()).isEqualTo(5.0);
            assertThat(d[0][0].name()).isEqualTo("dispatch[S_21_b,b000]"); // one sanitizer: '/' and ' ' become '_'
        } finally {
            s.delete();
        }
    }

    /** Plan, scenario "s1": K = 5 kept in Jan, D = 2 → 2 − 5 = −3 ≤ 0; Feb K = 4, D = 4 → 0 (binding). */
    @Test
    void planDispatchStaysWithinTheKeptMwPerScenario() {
        PlanProblem p = RowFixtures.plan();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[][] kept = {{Lp.var(s, 0, 10, "k0"), Lp.var(s, 0, 10, "k1")}};
            MPVariable[][][] d = FleetDispatchRows.addPlanDispatchMw(s, p, "s1", RowFixtures.planBlocks(), kept);
            assertThat(d[0][0][0].name()).isEqualTo("dispatch[s1,S21,2026-01,b000]");
            fix(kept[0][0], 5.0);
            fix(kept[0][1], 4.0);
            fix(d[0][0][0], 2.0);
            fix(d[1][0][0], 4.0);
            assertRow(s, "fleetLimit[s1,S21,2026-01,b000]", 2.0 - 5.0, Double.NEGATIVE_INFINITY, 0.0);
            assertRow(s, "fleetLimit[s1,S21,2026-02,b000]", 4.0 - 4.0, Double.NEGATIVE_INFINITY, 0.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }
}
