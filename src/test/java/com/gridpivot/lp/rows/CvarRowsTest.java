package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CVaR (Rockafellar–Uryasev). Two scenarios of probability ½ with NPV 100 and −50, α = 0.5, λ = 0.25, floor −60.
 * At ζ = −50, u = (0, 0): cvarShortfallDef u − ζ + npv = 150 and 0 (≥ 0); cvarFloor ζ − 2 Σ pₛ uₛ = −50 ≥ −60.
 * Objective 0.75·(½·100 + ½·(−50)) + 0.25·(−50) = 18.75 − 12.5 = 6.25, the (1 − λ) E + λ CVaR of the two outcomes.
 */
class CvarRowsTest {

    @Test
    void shortfallFloorAndObjective() {
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] npv = {Lp.var(s, 100, 100, "npv[high]"), Lp.var(s, -50, -50, "npv[low]")};
            CvarRows.Cvar c = CvarRows.add(s, List.of("high", "low"), new double[] {0.5, 0.5}, npv, 0.5, 0.25, -60.0);
            fix(c.valueAtRisk(), -50.0);
            fix(c.shortfall()[0], 0.0);
            fix(c.shortfall()[1], 0.0);
            assertRow(s, "cvarShortfallDef[high]", 0.0 + 50.0 + 100.0, 0.0, Double.POSITIVE_INFINITY);
            assertRow(s, "cvarShortfallDef[low]", 0.0 + 50.0 - 50.0, 0.0, Double.POSITIVE_INFINITY);
            assertRow(s, "cvarFloor", -50.0, -60.0, Double.POSITIVE_INFINITY);
            assertThat(s.objective().getCoefficient(npv[0])).isEqualTo(0.375);
            assertThat(s.objective().getCoefficient(c.shortfall()[1])).isEqualTo(-0.25);
            assertThat(s.objective().getCoefficient(c.valueAtRisk())).isEqualTo(0.25);
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            assertThat(s.objective().value()).isCloseTo(6.25, within(1e-9));
        } finally {
            s.delete();
        }
    }

    /** Risk-neutral: objective Σ pₛ npv[s], no rows. */
    @Test
    void riskNeutral() {
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] npv = {Lp.var(s, 100, 100, "npv[high]"), Lp.var(s, -50, -50, "npv[low]")};
            CvarRows.Cvar c = CvarRows.add(s, List.of("high", "low"), new double[] {0.25, 0.75}, npv, Double.NaN, 0.0, Double.NaN);
            assertThat(c.valueAtRisk()).isNull();
            assertThat(s.numConstraints()).isZero();
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            assertThat(s.objective().value()).isCloseTo(0.25 * 100 - 0.75 * 50, within(1e-9));
        } finally {
            s.delete();
        }
    }
}
