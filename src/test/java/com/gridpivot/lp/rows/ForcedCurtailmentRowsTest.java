package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static com.gridpivot.lp.rows.RowFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.ForcedCurtailment;
import com.gridpivot.optimization.input.ForcedCurtailment.AiLoad;
import com.gridpivot.optimization.input.ForcedCurtailment.Placement;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.model.HourBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forced curtailment rows (SB 6) on the two-hour fixture (prices 20 and 40 USD/MWh, S21 at pue 1.1, H100 at pue 1.2, interconnect
 * 10 MW): hour 1 forced, limit 2 MW.
 */
class ForcedCurtailmentRowsTest {
    static AllocationProblem problem(AiLoad ai, double backupUsdPerMwh) {
        AllocationProblem base = RowFixtures.whatIf(HourAggregation.NONE);
        return base.withForcedCurtailment(new ForcedCurtailment(Placement.LISTED, 0, new boolean[] {false, true}, 2.0, ai, backupUsdPerMwh));
    }

    static List<HourBlock> hourly() {
        return List.of(new HourBlock("h00000", new int[] {0}, new int[] {0}, new double[] {76.0}),
                new HourBlock("h00001", new int[] {1}, new int[] {0}, new double[] {54.0}));
    }

    /**
     * COUNTED: forcedCurtailmentMw[h00001] = 1.1 D₁ + 1.2 y ≤ 2; D₁ = 1, y = 0.5 → 1.1 + 0.6 = 1.7. No row for the free hour 0;
     * the interconnect rows keep y (1.2 in both).
     */
    @Test
    void countedAiLoadSharesTheLimit() {
        AllocationProblem p = problem(AiLoad.COUNTED, 0.0);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[][] d = {{Lp.var(s, 0, 5, "d0")}, {Lp.var(s, 0, 5, "d1")}};
            MPVariable[] y = AiBuildRows.addAiItMw(s, p);
            MPConstraint[] ic = InterconnectRows.add(s, p, hourly(), d, y);
            MPConstraint[] rows = ForcedCurtailmentRows.add(s, p, hourly(), d, y, ic);
            assertThat(rows[0]).isNull();
            fix(d[0][0], 3.0);
            fix(d[1][0], 1.0);
            fix(y[0], 0.5);
            assertRow(s, "forcedCurtailmentMw[h00001]", 1.1 * 1.0 + 1.2 * 0.5, Double.NEGATIVE_INFINITY, 2.0);
            assertThat(ic[1].getCoefficient(y[0])).isEqualTo(1.2);
            assertFeasible(s);
            // 1.1 · 1.5 + 0.6 = 2.25 > 2: the fixed point breaks the row
            fix(d[1][0], 1.5);
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.INFEASIBLE);
        } finally {
            s.delete();
        }
    }

    /**
     * BACKUP_POWER: the AI load is off the grid in hour 1: forcedCurtailmentMw[h00001] = 1.1 D₁ only (D₁ = 1 → 1.1 ≤ 2) and
     * interconnect[h00001] has no y; interconnect[h00000] keeps 1.2 y (D₀ = 2, y = 6: 2.2 + 7.2 = 9.4 ≤ 10).
     */
    @Test
    void backupPowerTakesTheAiLoadOffTheGrid() {
        AllocationProblem p = problem(AiLoad.BACKUP_POWER, 100.0);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[][] d = {{Lp.var(s, 0, 5, "d0")}, {Lp.var(s, 0, 5, "d1")}};
            MPVariable[] y = AiBuildRows.addAiItMw(s, p);
            MPConstraint[] ic = InterconnectRows.add(s, p, hourly(), d, y);
            ForcedCurtailmentRows.add(s, p, hourly(), d, y, ic);
            fix(d[0][0], 2.0);
            fix(d[1][0], 1.0);
            fix(y[0], 6.0);
            assertRow(s, "forcedCurtailmentMw[h00001]", 1.1, Double.NEGATIVE_INFINITY, 2.0);
            assertThat(row(s, "forcedCurtailmentMw[h00001]").getCoefficient(y[0])).isZero();
            assertThat(ic[1].getCoefficient(y[0])).isZero();
            assertThat(ic[0].getCoefficient(y[0])).isEqualTo(1.2);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /**
     * aⱼ under BACKUP_POWER at 100 USD/MWh: hour 1's energy is 100 · 1.2 = 120 instead of 40 · 1.2 = 48, so the H100's value
     * per MW drops by 72 USD; under COUNTED it is unchanged.
     */
    @Test
    void backupPowerCostEntersTheAiValue() {
        AllocationProblem none = RowFixtures.whatIf(HourAggregation.NONE);
        double before = CashRows.aiNetUsdPerMw(none, none.aiOptions().get(0));
        AllocationProblem backup = problem(AiLoad.BACKUP_POWER, 100.0);
        assertThat(CashRows.aiNetUsdPerMw(backup, backup.aiOptions().get(0))).isCloseTo(before - 72.0, within(1e-9));
        AllocationProblem counted = problem(AiLoad.COUNTED, 0.0);
        assertThat(CashRows.aiNetUsdPerMw(counted, counted.aiOptions().get(0))).isCloseTo(before, within(1e-9));
    }

    @Test
    void aBlockMixingForcedAndFreeHoursIsADefect() {
        AllocationProblem p = problem(AiLoad.COUNTED, 0.0);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[][] d = {{Lp.var(s, 0, 5, "d")}};
            MPVariable[] y = AiBuildRows.addAiItMw(s, p);
            assertThatThrownBy(() -> ForcedCurtailmentRows.add(s, p, List.of(RowFixtures.block()), d, y, null))
                    .hasMessageContaining("mixes forced curtailment hours and free hours");
        } finally {
            s.delete();
        }
    }
}
