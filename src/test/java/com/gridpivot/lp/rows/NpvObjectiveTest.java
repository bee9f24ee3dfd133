package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The objective: Σₘ δₘ CFₘ − δ_{M−1} P_{M−1} Σ T (plan), npvDef[s] (stochastic), the what-if's horizon value. */
class NpvObjectiveTest {

    /**
     * δₘ = 0.5^(m+1) (δ₋₁ = 1): a = 0.5·100 + 0.25·50 = 62.5, b = 0.25·10 = 2.5; each T[m] −7 (the end value per BTC).
     * Capex c paid at the start of month 1 counts at δ₀ = 0.5, not δ₁ = 0.25: −40 → −20; an ASIC purchase in month 0 at
     * δ₋₁ = 1: −30 → −30. With a scale of 2 on b only: b = 5.
     */
    @Test
    void coefficientsDiscountEachMonth() {
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable a = Lp.var(s, 0, 1, "a");
            MPVariable b = Lp.var(s, 0, 1, "b");
            MPVariable c = Lp.var(s, 0, 1, "c");
            MPVariable buy = Lp.var(s, 0, 1, "buy");
            MPVariable[] t = {Lp.var(s, 0, 1, "t0"), Lp.var(s, 0, 1, "t1")};
            List<List<CashRows.Term>> terms = List.of(
                    List.of(new CashRows.Term(a, 100.0, CashCategory.AI_REVENUE), new CashRows.Term(buy, -30.0, CashCategory.ASIC_PURCHASE)),
                    List.of(new CashRows.Term(a, 50.0, CashCategory.MINING_REVENUE), new CashRows.Term(b, 10.0, CashCategory.AI_OPEX),
                            new CashRows.Term(c, -40.0, CashCategory.AI_CAPEX)));
            Map<MPVariable, Double> coef = NpvObjective.coefficients(terms, x -> 1.0, m -> Math.pow(0.5, m + 1), t, 7.0);
            assertThat(coef.get(a)).isEqualTo(62.5);
            assertThat(coef.get(b)).isEqualTo(2.5);
            assertThat(coef.get(c)).isEqualTo(-20.0);
            assertThat(coef.get(buy)).isEqualTo(-30.0);
            assertThat(coef.get(t[0])).isEqualTo(-7.0);
            assertThat(coef.get(t[1])).isEqualTo(-7.0);
            Map<MPVariable, Double> scaled = NpvObjective.coefficients(terms, x -> x.variable() == b ? 2.0 : 1.0, m -> Math.pow(0.5, m + 1),
                    null, 7.0);
            assertThat(scaled.get(b)).isEqualTo(5.0);
            assertThat(scaled.get(a)).isEqualTo(62.5);
        } finally {
            s.delete();
        }
    }

    /**
     * Plan at r = 12 %: a BTC sold in Jan brings 50,000 at δ₀ = 1.12^(−1/12) and gives up its end value 60,000 at
     * δ₁ = 1.12^(−2/12). As a scenario's npvDef row: npv − (δ₀·50,000 − δ₁·60,000)·T₀ = 0 with T₀ = 1.
     */
    @Test
    void planAndScenarioNpvOfATreasurySale() {
        PlanProblem p = RowFixtures.plan();
        double d0 = Math.pow(1.12, -1.0 / 12.0);
        double d1 = Math.pow(1.12, -2.0 / 12.0);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] sold = TreasuryRows.add(s, p, null);
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            CashRows.addTreasuryCash(p, sold, terms);
            NpvObjective.setPlan(s, p, terms, sold, List.of());
            assertThat(s.objective().getCoefficient(sold[0])).isCloseTo(d0 * 50_000.0 - d1 * 60_000.0, within(1e-9));
            assertThat(s.objective().getCoefficient(sold[1])).isCloseTo(d1 * 60_000.0 - d1 * 60_000.0, within(1e-9));
            assertThat(s.objective().maximization()).isTrue();
            MPVariable npv = NpvObjective.addScenarioNpv(s, p, "low", terms, sold, List.of());
            fix(sold[0], 1.0);
            fix(sold[1], 0.0);
            fix(npv, d0 * 50_000.0 - d1 * 60_000.0);
            assertRow(s, "npvDef[low]", 0.0, 0.0, 0.0);
        } finally {
            s.delete();
        }
    }

    /** What-if: D gets the block's margin sum 130, x −8,760 × 2/8,760 = −2, y its value aⱼ (CashRowsTest). */
    @Test
    void whatIfObjective() {
        AllocationProblem p = RowFixtures.whatIf(HourAggregation.NONE);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] x = FleetDispatchRows.addDeployedMw(s, p, true);
            MPVariable[] y = AiBuildRows.addAiItMw(s, p);
            MPVariable[][] d = FleetDispatchRows.addDispatchMw(s, p, List.of(RowFixtures.block()), x);
            NpvObjective.setAllocation(s, p, List.of(RowFixtures.block()), x, y, d);
            assertThat(s.objective().getCoefficient(d[0][0])).isEqualTo(130.0);
            assertThat(s.objective().getCoefficient(x[0])).isCloseTo(-2.0, within(1e-12));
            assertThat(s.objective().getCoefficient(y[0])).isCloseTo(234.0 - 72.0 - 400_000.0 / 8760.0 - 4.0, within(1e-9));
        } finally {
            s.delete();
        }
    }
}
