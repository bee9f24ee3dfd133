package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.CapexTiming;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * cashBalance: 1e-6 (cash[m] − cash[m−1] − CFₘ) = 1e-6 S₀ [m = 0] (the row in millions of USD), and the terms of CFₘ by
 * category.
 *
 * <p>Decisions fixed (2 hours a month): K = (4, 4) kept, R = (1, 0) retired, B = (0, 0) bought, D = (3, 2) dispatched, S = (3, 1)
 * AI started, O = (1, 2) online, T = (2, 0) BTC sold. Only the cash rows are built, so the values need not satisfy the
 * other groups' rows.
 * <pre>
 * Jan: salvage 100,000·1 = 100,000; fixed opex −1·2 h·4 = −8; mining revenue 200·3 = 600, energy −66·3 = −198, varOpex −4·3 = −12;
 *      AI revenue 2 h·120·1 = 240, energy −1.2·(20+40)·1 = −72, opex −(2·3 + 2·2)·1 = −10, capex (spread over the 2-month lead)
 *      −1,000,000·½·3 = −1,500,000; treasury 50,000·2 = 100,000.                 CF₀ = −1,299,460
 * Feb: fixed opex −8; mining 400 − 132 − 8; AI 480 − 144 − 20; capex −1,000,000·½·(3 + 1) = −2,000,000.   CF₁ = −1,999,432
 * cash₀ = 1,000,000 + CF₀ = −299,460;   cash₁ = cash₀ + CF₁ = −2,298,892.
 * </pre>
 */
class CashRowsTest {

    @Test
    void balanceAndCategories() {
        PlanProblem p = RowFixtures.plan();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            FleetStockRows.Asic asic = new FleetStockRows.Asic(new MPVariable[][] {vars(s, "K", 4, 4)}, new MPVariable[][] {vars(s, "R", 1, 0)},
                    new MPVariable[][] {vars(s, "B", 0, 0)});
            MPVariable[][][] d = {{{vars(s, "D0", 3)[0]}}, {{vars(s, "D1", 2)[0]}}};
            AiBuildRows.Ai ai = new AiBuildRows.Ai(new MPVariable[][] {vars(s, "S", 3, 1)}, new MPVariable[][] {vars(s, "W", 3, 4)},
                    new MPVariable[][] {vars(s, "O", 1, 2)});
            MPVariable[] sold = vars(s, "T", 2, 0);
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            CashRows.addAsicCash(p, asic, terms);
            CashRows.addDispatchCash(p, RowFixtures.planBlocks(), d, terms);
            CashRows.addAiCash(p, ai, null, terms);
            CashRows.addTreasuryCash(p, sold, terms);
            CashRows.Balance balance = CashRows.addBalance(s, p, null, terms);
            assertThat(balance.cash()[0].lb()).isEqualTo(-500_000.0);
            fix(balance.cash()[0], -299_460.0);
            fix(balance.cash()[1], -2_298_892.0);
            assertThat(CashRows.CASH_ROW_SCALE).isEqualTo(1e-6);
            // in millions of USD: activity 1e-6 × (cash₀ − CF₀) = 1e-6 × 1,000,000 = 1.0 = the bounds
            assertRow(s, "cashBalance[2026-01]", 1e-6 * (-299_460.0 - (-1_299_460.0)), 1_000_000.0 * CashRows.CASH_ROW_SCALE,
                    1_000_000.0 * CashRows.CASH_ROW_SCALE);
            assertRow(s, "cashBalance[2026-02]", 1e-6 * (-2_298_892.0 - (-299_460.0) - (-1_999_432.0)), 0.0, 0.0);
            assertFeasible(s);
            assertThat(CashRows.category(terms.get(0), CashCategory.ASIC_SALVAGE)).isCloseTo(100_000.0, within(1e-9));
            assertThat(CashRows.category(terms.get(0), CashCategory.MINING_OPEX)).isCloseTo(-8.0 - 12.0, within(1e-9));
            assertThat(CashRows.category(terms.get(0), CashCategory.MINING_REVENUE)).isCloseTo(600.0, within(1e-9));
            assertThat(CashRows.category(terms.get(0), CashCategory.MINING_ENERGY)).isCloseTo(-198.0, within(1e-9));
            assertThat(CashRows.category(terms.get(0), CashCategory.AI_REVENUE)).isCloseTo(240.0, within(1e-9));
            assertThat(CashRows.category(terms.get(0), CashCategory.AI_ENERGY)).isCloseTo(-72.0, within(1e-9));
            assertThat(CashRows.category(terms.get(0), CashCategory.AI_OPEX)).isCloseTo(-10.0, within(1e-9));
            assertThat(CashRows.category(terms.get(0), CashCategory.AI_CAPEX)).isCloseTo(-1_500_000.0, within(1e-6));
            assertThat(CashRows.category(terms.get(0), CashCategory.TREASURY_SALE)).isCloseTo(100_000.0, within(1e-9));
            assertThat(CashRows.category(terms.get(1), CashCategory.AI_CAPEX)).isCloseTo(-2_000_000.0, within(1e-6));
            assertThat(CashRows.category(terms.get(1), CashCategory.ASIC_PURCHASE)).isZero();
        } finally {
            s.delete();
        }
    }

    /**
     * A tenant that pays the power leaves no AI energy term; capex at start is paid whole in the start month; colocation is
     * billed per month.
     */
    @Test
    void tenantPaysPowerAndCapexAtStart() {
        PlanProblem b = RowFixtures.plan();
        AiOptionSpec colo = new AiOptionSpec("colo", null, RevenueBasis.COLOCATION, 50.0, true, 1.2, 8.0, 1_000_000.0, 0.0, 0.0);
        PlanProblem p = new PlanProblem(b.startMonth(), b.months(), b.interconnectMw(), b.maxAiItMw(), b.minAiItMw(), b.minAiFromIndex(),
                b.maxConversionMwPerMonth(), b.fleets(), List.of(new PlanOption(colo, 2, CapexTiming.AT_START, 0.0)), b.startingCashUsd(),
                b.cashFloorUsd(), b.treasuryBtc(), b.discountRate(), b.solver(), b.hourModel(), b.timeLimitSeconds());
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            AiBuildRows.Ai ai = new AiBuildRows.Ai(new MPVariable[][] {vars(s, "S", 3, 1)}, new MPVariable[][] {vars(s, "W", 3, 4)},
                    new MPVariable[][] {vars(s, "O", 1, 2)});
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            CashRows.addAiCash(p, ai, null, terms);
            assertThat(terms.get(0)).noneMatch(t -> t.category() == CashCategory.AI_ENERGY);
            // Colocation is billed per month for the contracted kW, not by the month's 2 hours: 50 USD/MWh × 8760/12 = 36,500
            // per MW in each month (it was 2 h × 50 = 100 when prorated by hours); capex −1,000,000 per MW started.
            assertThat(terms.get(0)).extracting(CashRows.Term::coefficientUsd).containsExactly(36_500.0, -1_000_000.0);
            assertThat(terms.get(1)).extracting(CashRows.Term::coefficientUsd).containsExactly(36_500.0, -1_000_000.0);
            assertThat(terms.get(1).get(1).variable()).isSameAs(ai.start()[0][1]);
        } finally {
            s.delete();
        }
    }

    /**
     * What-if AI value per MW over two hours: (120 − 3)·2 = 234, energy 1.2·(20 + 40) = 72, capex 1,000,000 × CRF 0.2 (r = 0,
     * 5 years) × 2/8,760 years = 45.662…, fixed 17,520 × 2/8,760 = 4: aⱼ = 234 − 72 − 400,000/8,760 − 4.
     */
    @Test
    void whatIfAiNetValuePerMw() {
        AllocationProblem p = RowFixtures.whatIf(HourAggregation.EXACT);
        assertThat(CashRows.aiEnergyUsdPerMw(p, RowFixtures.H100)).isCloseTo(72.0, within(1e-12));
        assertThat(CashRows.aiNetUsdPerMw(p, RowFixtures.H100)).isCloseTo(234.0 - 72.0 - 400_000.0 / 8760.0 - 4.0, within(1e-9));
    }

    /** Variables fixed at the given values, one per month. */
    private static MPVariable[] vars(MPSolver s, String name, double... values) {
        MPVariable[] v = new MPVariable[values.length];
        for (int m = 0; m < values.length; m++) {
            v[m] = Lp.var(s, values[m], values[m], name + m);
        }
        return v;
    }
}
