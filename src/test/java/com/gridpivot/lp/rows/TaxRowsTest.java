package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.FinancingRowsTestSupport.sum;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanFinancing;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanTax;
import com.gridpivot.planning.input.PlanTax.Depreciation;
import com.gridpivot.planning.input.PlanTax.Schedule;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Income tax by tax year: I_y = taxable terms − depreciation; P_y − N_y = I_y; X_y ≥ ρ (P_y − U_y); the loss stock
 * S_y = S_{y−1} − U_y + N_y, U_y ≤ S_{y−1}, U_y ≤ λ P_y; − X_y in the cash of the year's last month. The cash terms are
 * written by hand on fixed variables; the tax variables are free and the LP minimises the discounted tax, as the plan does.
 */
class TaxRowsTest {
    static final Depreciation SL5 = new Depreciation(Schedule.STRAIGHT_LINE, 5, 0.0);
    static final Depreciation SL39 = new Depreciation(Schedule.STRAIGHT_LINE, 39, 0.0);

    /*
     * Tax with depreciation and a loss carried forward over two years. ρ = 21 %, ASICs straight-line over 5 years, a loss
     * of 200,000 USD carried in, BTC cost basis 40,000 USD. Months 2026-12 (tax year 2026) and 2027-01 (2027).
     *   2026-12: mining revenue 1,200,000, energy − 200,000 (EBITDA 1,000,000); 10 MW of ASICs bought at 1,000,000 USD/MW
     *            (10,000,000: depreciation 10,000,000 / 5 = 2,000,000 in 2026 and again in 2027); interest − 300,000;
     *            a loan drawn, + 5,000,000 (principal: not income).
     *            I_2026 = 1,000,000 − 2,000,000 − 300,000 = −1,300,000 → N = 1,300,000, X = 0,
     *            S_2026 = 200,000 + 1,300,000 = 1,500,000.
     *   2027-01: mining revenue 4,000,000; interest − 100,000; 10 BTC sold at 60,000 (600,000 of cash; gain 10 × (60,000 −
     *            40,000) = 200,000). I_2027 = 4,000,000 − 2,000,000 − 100,000 + 200,000 = 2,100,000; U = min(1,500,000,
     *            2,100,000) = 1,500,000; X = 0.21 × (2,100,000 − 1,500,000) = 126,000, paid at the end of 2027-01 (the
     *            horizon's last month); S_2027 = 0.
     * Without carry-forward: X_2026 = 0 (the loss is lost), X_2027 = 0.21 × 2,100,000 = 441,000.
     */
    @Test
    void taxWithDepreciationAndALossCarriedForwardOverTwoYears() {
        PlanTax tax = new PlanTax(0.21, SL5, SL5, SL39, 0.0, true, 1.0, 200_000, 40_000.0);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = twoYearTerms(s);
            TaxRows.Tax t = TaxRows.add(s, problem(tax, months(YearMonth.of(2026, 12), 2)), terms);
            assertThat(t.calendarYears()).containsExactly(2026, 2027);
            assertThat(t.payMonth()).containsExactly(0, 1);
            assertThat(t.taxUsd()[1].name()).isEqualTo("incomeTaxUsd[2027]");
            assertThat(t.lossStockUsd()[0].name()).isEqualTo("lossStockUsd[2026]");
            minimiseDiscountedTax(s, t);
            assertThat(t.profitUsd()[0].solutionValue() - t.lossUsd()[0].solutionValue()).isCloseTo(-1_300_000, within(1e-3));
            assertThat(t.taxUsd()[0].solutionValue()).isCloseTo(0.0, within(1e-3));
            assertThat(t.lossStockUsd()[0].solutionValue()).isCloseTo(1_500_000, within(1e-3));
            assertThat(t.profitUsd()[1].solutionValue() - t.lossUsd()[1].solutionValue()).isCloseTo(2_100_000, within(1e-3));
            assertThat(t.lossUsedUsd()[1].solutionValue()).isCloseTo(1_500_000, within(1e-3));
            assertThat(t.taxUsd()[1].solutionValue()).isCloseTo(126_000, within(1e-3));
            assertThat(t.lossStockUsd()[1].solutionValue()).isCloseTo(0.0, within(1e-3));
            assertThat(sum(terms, 0, CashCategory.INCOME_TAX)).isCloseTo(0.0, within(1e-3));
            assertThat(sum(terms, 1, CashCategory.INCOME_TAX)).isCloseTo(-126_000, within(1e-3));
            double[][] dep = TaxRows.depreciationUsd(problem(tax, months(YearMonth.of(2026, 12), 2)), t, terms);
            assertThat(dep[0]).containsExactly(new double[] {2_000_000, 0, 0}, within(1e-6));
            assertThat(dep[1]).containsExactly(new double[] {2_000_000, 0, 0}, within(1e-6));
        } finally {
            s.delete();
        }
        PlanTax noCarry = new PlanTax(0.21, SL5, SL5, SL39, 0.0, false, 1.0, 0.0, 40_000.0);
        MPSolver s2 = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = twoYearTerms(s2);
            TaxRows.Tax t = TaxRows.add(s2, problem(noCarry, months(YearMonth.of(2026, 12), 2)), terms);
            assertThat(t.lossStockUsd()).isNull();
            minimiseDiscountedTax(s2, t);
            assertThat(t.taxUsd()[0].solutionValue()).isCloseTo(0.0, within(1e-3));
            assertThat(t.taxUsd()[1].solutionValue()).isCloseTo(441_000, within(1e-3));
        } finally {
            s2.delete();
        }
    }

    /** The fixed cash terms of the two-year case (see above). */
    private static List<List<CashRows.Term>> twoYearTerms(MPSolver s) {
        List<List<CashRows.Term>> terms = CashRows.newTerms(2);
        terms.get(0).add(new CashRows.Term(fixed(s, "rev0", 1_200_000), 1.0, CashCategory.MINING_REVENUE));
        terms.get(0).add(new CashRows.Term(fixed(s, "energy0", 200_000), -1.0, CashCategory.MINING_ENERGY));
        terms.get(0).add(new CashRows.Term(fixed(s, "bought0", 10.0), -1_000_000.0, CashCategory.ASIC_PURCHASE));
        terms.get(0).add(new CashRows.Term(fixed(s, "interest0", 300_000), -1.0, CashCategory.FINANCING_INTEREST));
        terms.get(0).add(new CashRows.Term(fixed(s, "loan0", 5_000_000), 1.0, CashCategory.DEBT_PRINCIPAL));
        terms.get(1).add(new CashRows.Term(fixed(s, "rev1", 4_000_000), 1.0, CashCategory.MINING_REVENUE));
        terms.get(1).add(new CashRows.Term(fixed(s, "interest1", 100_000), -1.0, CashCategory.FINANCING_INTEREST));
        terms.get(1).add(new CashRows.Term(fixed(s, "sold1", 10.0), 60_000.0, CashCategory.TREASURY_SALE));
        return terms;
    }

    /*
     * MACRS 5-year on an ASIC purchase: 1,000,000 USD of ASICs bought in 2026-12, IRS Pub 946 table A-1 (half-year
     * convention): 20 %, 32 %, 19.2 %, 11.52 %, 11.52 %, 5.76 % in 2026 … 2031, nothing in 2032. EBITDA 500,000 in each
     * December, ρ = 21 %:
     *   2026: 500,000 − 200,000 = 300,000 → 63,000        2027: 500,000 − 320,000 = 180,000 → 37,800
     *   2028: 500,000 − 192,000 = 308,000 → 64,680        2029 and 2030: 500,000 − 115,200 = 384,800 → 80,808
     *   2031: 500,000 − 57,600 = 442,400 → 92,904         2032: 500,000 → 105,000
     * With 60 % bonus depreciation the 2026 deduction is 600,000 + 0.4 × 200,000 = 680,000 (I = −180,000: a loss of 180,000,
     * no tax) and the 2027 one 0.4 × 320,000 = 128,000 (I = 372,000, less the 180,000 carried: 0.21 × 192,000 = 40,320).
     */
    @Test
    void macrsFiveYearOnAnAsicPurchase() {
        List<MonthData> months = months(YearMonth.of(2026, 12), 73); // 2026-12 … 2032-12: tax years 2026 … 2032
        double[] expectedDep = {200_000, 320_000, 192_000, 115_200, 115_200, 57_600, 0};
        double[] expectedTax = {63_000, 37_800, 64_680, 80_808, 80_808, 92_904, 105_000};
        PlanTax tax = new PlanTax(0.21, new Depreciation(Schedule.MACRS_5, 5, 0.0), SL5, SL39, 0.0, true, 1.0, 0.0, null);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = macrsTerms(s, months.size());
            PlanProblem p = problem(tax, months);
            TaxRows.Tax t = TaxRows.add(s, p, terms);
            assertThat(t.years()).isEqualTo(7);
            assertThat(t.payMonth()).containsExactly(0, 12, 24, 36, 48, 60, 72);
            minimiseDiscountedTax(s, t);
            double[][] dep = TaxRows.depreciationUsd(p, t, terms);
            for (int y = 0; y < 7; y++) {
                assertThat(dep[y][0]).as("depreciation %d", 2026 + y).isCloseTo(expectedDep[y], within(1e-6));
                assertThat(t.taxUsd()[y].solutionValue()).as("tax %d", 2026 + y).isCloseTo(expectedTax[y], within(1e-3));
                assertThat(sum(terms, t.payMonth()[y], CashCategory.INCOME_TAX)).isCloseTo(-expectedTax[y], within(1e-3));
            }
        } finally {
            s.delete();
        }
        PlanTax bonus = new PlanTax(0.21, new Depreciation(Schedule.MACRS_5, 5, 0.6), SL5, SL39, 0.0, true, 1.0, 0.0, null);
        MPSolver s2 = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = macrsTerms(s2, months.size());
            PlanProblem p = problem(bonus, months);
            TaxRows.Tax t = TaxRows.add(s2, p, terms);
            minimiseDiscountedTax(s2, t);
            double[][] dep = TaxRows.depreciationUsd(p, t, terms);
            assertThat(dep[0][0]).isCloseTo(680_000, within(1e-6));
            assertThat(dep[1][0]).isCloseTo(128_000, within(1e-6));
            assertThat(t.taxUsd()[0].solutionValue()).isCloseTo(0.0, within(1e-3));
            assertThat(t.lossStockUsd()[0].solutionValue()).isCloseTo(180_000, within(1e-3));
            assertThat(t.taxUsd()[1].solutionValue()).isCloseTo(40_320, within(1e-3));
            double total = 0.0;
            for (double[] y : dep) {
                total += y[0];
            }
            assertThat(total).as("the whole cost is deducted once").isCloseTo(1_000_000, within(1e-6));
        } finally {
            s2.delete();
        }
    }

    /** The IRS table A-1 shares and straight-line with bonus, as documented. */
    @Test
    void scheduleShares() {
        Depreciation m7 = new Depreciation(Schedule.MACRS_7, 7, 0.0);
        assertThat(m7.share(0)).isEqualTo(0.1429);
        assertThat(m7.share(7)).isEqualTo(0.0446);
        assertThat(m7.share(8)).isEqualTo(0.0);
        Depreciation sl = new Depreciation(Schedule.STRAIGHT_LINE, 4, 0.5);
        assertThat(sl.share(0)).isEqualTo(0.5 + 0.5 * 0.25);
        assertThat(sl.share(3)).isEqualTo(0.125);
        assertThat(sl.share(4)).isEqualTo(0.0);
    }

    /*
     * The buildings' share of AI capex: 2,000,000 USD of AI capex in 2026-12 with b = 25 %: gpus 1,500,000 straight-line over
     * 5 years (300,000 a year), buildings 500,000 over 39 (12,820.51 a year); the tenant's 400,000 share of the capex (AI_TENANT_CAPEX,
     * +400,000) lowers both bases: gpus 1,200,000 → 240,000, buildings 400,000 → 10,256.41.
     */
    @Test
    void aiCapexSplitsIntoGpusAndBuildingsNetOfTheTenantsShare() {
        PlanTax tax = new PlanTax(0.21, SL5, SL5, SL39, 0.25, true, 1.0, 0.0, null);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            terms.get(0).add(new CashRows.Term(fixed(s, "start0", 2.0), -1_000_000.0, CashCategory.AI_CAPEX));
            terms.get(0).add(new CashRows.Term(fixed(s, "contracted0", 2.0), 200_000.0, CashCategory.AI_TENANT_CAPEX));
            PlanProblem p = problem(tax, months(YearMonth.of(2026, 12), 2));
            TaxRows.Tax t = TaxRows.add(s, p, terms);
            minimiseDiscountedTax(s, t);
            double[][] dep = TaxRows.depreciationUsd(p, t, terms);
            assertThat(dep[1]).containsExactly(new double[] {0.0, 240_000, 400_000 / 39.0}, within(1e-6));
            // no income: a loss of the whole deduction, carried
            assertThat(t.lossStockUsd()[1].solutionValue()).isCloseTo(2 * (240_000 + 400_000 / 39.0), within(1e-3));
        } finally {
            s.delete();
        }
    }

    /** Without finance.tax: no variable, no row, no term. */
    @Test
    void nothingWithoutTax() {
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            assertThat(TaxRows.add(s, problem(null, months(YearMonth.of(2026, 12), 2)), terms)).isNull();
            assertThat(s.numVariables()).isZero();
            assertThat(s.numConstraints()).isZero();
            assertThat(terms.get(0)).isEmpty();
            assertThat(terms.get(1)).isEmpty();
        } finally {
            s.delete();
        }
    }

    private static List<List<CashRows.Term>> macrsTerms(MPSolver s, int months) {
        List<List<CashRows.Term>> terms = CashRows.newTerms(months);
        terms.get(0).add(new CashRows.Term(fixed(s, "bought", 1.0), -1_000_000.0, CashCategory.ASIC_PURCHASE));
        for (int m = 0; m < months; m += 12) {
            terms.get(m).add(new CashRows.Term(fixed(s, "ebitda" + m, 500_000), 1.0, CashCategory.MINING_REVENUE));
        }
        return terms;
    }

    /** min Σ_y δ_pay(y) X_y at r = 12 % (the plan's objective on the tax: every other variable is fixed). */
    private static void minimiseDiscountedTax(MPSolver s, TaxRows.Tax t) {
        for (int y = 0; y < t.years(); y++) {
            s.objective().setCoefficient(t.taxUsd()[y], Math.pow(1.12, -(t.payMonth()[y] + 1) / 12.0));
        }
        s.objective().setMinimization();
        assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
    }

    private static MPVariable fixed(MPSolver s, String name, double value) {
        MPVariable v = Lp.var(s, 0.0, Lp.inf(), name);
        fix(v, value);
        return v;
    }

    /** n months from first, two hours each (the fixture's prices). */
    static List<MonthData> months(YearMonth first, int n) {
        List<MonthData> out = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            out.add(new MonthData(first.plusMonths(m), new double[] {20.0, 40.0}, new double[] {50.0, 50.0}, 50_000.0, new double[] {0.0, 0.0}));
        }
        return out;
    }

    /** {@link RowFixtures#plan()} over these months with this tax (null: none). */
    static PlanProblem problem(PlanTax tax, List<MonthData> months) {
        PlanProblem b = RowFixtures.plan();
        return new PlanProblem(months.get(0).month(), months, b.interconnectMw(), b.maxAiItMw(), b.minAiItMw(), b.minAiFromIndex(),
                b.maxConversionMwPerMonth(), b.fleets(), b.options(), b.startingCashUsd(), 0.0, b.treasuryBtc(), b.discountRate(), b.solver(),
                b.hourModel(), b.timeLimitSeconds(), List.of(), PlanProblem.TerminalValue.NONE, PlanFinancing.NONE.withTax(tax));
    }
}
