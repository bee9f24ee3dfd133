package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.PlanSolver;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.AiContract;
import com.gridpivot.planning.input.PlanProblem.CapexTiming;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.SolveOutcome;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AI contracts (models/PLANS.md, "AI contracts"): the split of starts into contracted and spot MW, a tiny LP solved by hand,
 * and the contracted cohort's cash term by term (a 12-month colocation term with escalator, take-or-pay, ramp and tenant
 * capex; a prepayment). Colocation at P USD/kW-month is billed P × 1000 USD per MW-month whatever the month's hours.
 */
class AiContractRowsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Months from 2026-01 of two hours each at 20 USD/MWh, hashprice 50; no fleets; r as given; a colocation option. */
    static PlanProblem problem(int months, double r, double capexUsdPerMw, int lead, AiContract contract, double startingCashUsd) {
        List<MonthData> md = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            md.add(new MonthData(YearMonth.of(2026, 1).plusMonths(m), new double[] {20.0, 20.0}, new double[] {50.0, 50.0}, 50_000.0,
                    new double[] {0.0, 0.0}));
        }
        // market 100 USD/kW-month = 100 × 12,000/8,760 USD/MWh, billed 730 h a month: 100,000 USD per MW-month; tenant pays power
        AiOptionSpec colo = new AiOptionSpec("colo", null, RevenueBasis.COLOCATION, 100.0 * 12_000.0 / 8760.0, true, 1.2, 10.0,
                capexUsdPerMw, 0.0, 0.0);
        return new PlanProblem(YearMonth.of(2026, 1), md, 50.0, INF, 0.0, 0, INF, List.of(),
                List.of(new PlanOption(colo, lead, CapexTiming.AT_START, 0.0, 0.0, Integer.MAX_VALUE, contract)), startingCashUsd, 0.0, 0.0, r,
                SolverKind.GLOP, HourModel.EXACT_BLOCKS, 10.0);
    }

    /** A colocation contract at {@code price} USD/kW-month. */
    static AiContract colo(int term, double price, double escalator, double takeOrPay, double tenantCapex, double prepayment, double[] ramp,
                           double maxMw, boolean renew) {
        return new AiContract(term, price * 12_000.0 / 8760.0, 1.0, escalator, takeOrPay, tenantCapex, prepayment, ramp, maxMw, renew);
    }

    /**
     * Lead time 1: S = (5, 2), Sc = (3, 0) → Ss = (2, 2). aiStartSplit: S − Sc − Ss = 5 − 3 − 2 = 0 and 2 − 0 − 2 = 0;
     * aiSpotOnlineDef: Os₀ = 0 (no start a lead time before), Os₁ − Os₀ − Ss₀ = 2 − 0 − 2 = 0; aiContractMax: 3 + 0 ≤ 4.
     */
    @Test
    void splitSpotOnlineAndContractSize() {
        PlanProblem p = problem(2, 0.0, 0.0, 1, colo(12, 120.0, 0.0, 0.0, 0.0, 0.0, new double[0], 4.0, true), 0.0);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            AiBuildRows.Ai ai = AiBuildRows.add(s, p, null);
            AiContractRows.Contracts c = AiContractRows.add(s, p, null, ai);
            assertThat(c.contracted()[0][0].name()).isEqualTo("aiContracted[colo,2026-01]");
            assertThat(c.spotOnline()[0][1].name()).isEqualTo("aiSpotOnline[colo,2026-02]");
            fix(ai.start()[0][0], 5.0);
            fix(ai.start()[0][1], 2.0);
            fix(c.contracted()[0][0], 3.0);
            fix(c.contracted()[0][1], 0.0);
            fix(c.spotStart()[0][0], 2.0);
            fix(c.spotStart()[0][1], 2.0);
            fix(c.spotOnline()[0][0], 0.0);
            fix(c.spotOnline()[0][1], 2.0);
            fix(ai.reserved()[0][0], 5.0);
            fix(ai.reserved()[0][1], 7.0);
            fix(ai.online()[0][0], 0.0);
            fix(ai.online()[0][1], 5.0);
            assertRow(s, "aiStartSplit[colo,2026-01]", 0.0, 0.0, 0.0);
            assertRow(s, "aiStartSplit[colo,2026-02]", 0.0, 0.0, 0.0);
            assertRow(s, "aiSpotOnlineDef[colo,2026-01]", 0.0, 0.0, 0.0);
            assertRow(s, "aiSpotOnlineDef[colo,2026-02]", 0.0, 0.0, 0.0);
            assertRow(s, "aiContractMax[colo]", 3.0, -INF, 4.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /**
     * The tiny LP solved by hand. 3 months, r = 0, lead time 0, capex 250,000 USD/MW at start, at most 10 MW; market 100
     * USD/kW-month (100,000 USD per MW-month), no decline; contract 120 USD/kW-month for 2 months, at most 4 MW, then renewal
     * at market. Value of one MW started in January: spot 3 × 100,000 − 250,000 = 50,000; contracted 2 × 120,000 + 100,000 −
     * 250,000 = 90,000. In February: spot 2 × 100,000 − 250,000 = −50,000, contracted 240,000 − 250,000 = −10,000 (no start).
     * Optimum: Sc = 4, Ss = 6 in January, NPV 4 × 90,000 + 6 × 50,000 = 660,000 USD (cash 3,000,000 covers the 2,500,000 capex).
     */
    @Test
    void theOptimumSignsTheContractUpToItsSize() {
        PlanProblem p = problem(3, 0.0, 250_000.0, 0, colo(2, 120.0, 0.0, 0.0, 0.0, 0.0, new double[0], 4.0, true), 3_000_000.0);
        try (PlanModel model = PlanModelBuilder.build(p, null)) {
            SolveOutcome o = PlanSolver.solve(model, RunControl.NONE).outcome();
            assertThat(o.objective()).isCloseTo(660_000.0, within(1e-6));
            assertThat(model.contracts().contracted()[0][0].solutionValue()).isCloseTo(4.0, within(1e-9));
            assertThat(model.contracts().spotStart()[0][0].solutionValue()).isCloseTo(6.0, within(1e-9));
            assertThat(model.start()[0][1].solutionValue()).isCloseTo(0.0, within(1e-9));
        }
    }

    /**
     * A 12-month colocation term with escalator, take-or-pay, ramp and tenant capex. 10 MW contracted in January, lead time 1,
     * capex 1,000,000 USD/MW at start, tenant pays κ = 80 %; price 100 USD/kW-month, escalator 3 %/year, take-or-pay ω = 50 %,
     * ramp over 4 months (ρ = 0.25, 0.5, 0.75, 1), 15 months, renewal at market.
     * <ul>
     *   <li>January: capex −1,000,000 per MW started (AI_CAPEX on S), tenant +0.8 × 1,000,000 = +800,000 per contracted MW.</li>
     *   <li>Feb … Jan 2027 (q = 0 … 11): billed max(ρ, ω) = 0.5, 0.5, 0.75, 1, … × 100,000 = 50,000, 50,000, 75,000, then
     *       100,000 nine times (no anniversary inside a 12-month term: the 3 % never applies); Σ = 50,000 + 50,000 + 75,000 + 9 × 100,000 = 1,075,000 per MW.</li>
     *   <li>Feb 2027 (q = 12): the term is over: the market's 100,000 (AI_REVENUE) — with a 24-month term it would be the second
     *       contract year's 100,000 × 1.03 = 103,000.</li>
     * </ul>
     * The result's figures for 10 MW: contracted revenue Σ 10,750,000, tenant capex 8,000,000 in January.
     */
    @Test
    void twelveMonthTermWithEscalatorTakeOrPayRampAndTenantCapex() {
        double[] ramp = {0.25, 0.5, 0.75, 1.0};
        PlanProblem p = problem(15, 0.1, 1_000_000.0, 1, colo(12, 100.0, 0.03, 0.5, 0.8, 0.0, ramp, INF, true), 0.0);
        List<List<CashRows.Term>> terms = contractTerms(p);
        MPVariable sc0 = contracted;
        assertThat(sum(terms, 0, CashCategory.AI_TENANT_CAPEX, sc0)).isCloseTo(800_000.0, within(1e-6));
        double[] expected = {50_000, 50_000, 75_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000};
        double total = 0.0;
        for (int q = 0; q < 12; q++) {
            assertThat(sum(terms, q + 1, CashCategory.AI_CONTRACT_REVENUE, sc0)).as("contract month " + q).isCloseTo(expected[q], within(1e-6));
            total += sum(terms, q + 1, CashCategory.AI_CONTRACT_REVENUE, sc0);
        }
        assertThat(total).isCloseTo(1_075_000.0, within(1e-6));
        assertThat(sum(terms, 13, CashCategory.AI_CONTRACT_REVENUE, sc0)).isZero();
        assertThat(sum(terms, 13, CashCategory.AI_REVENUE, sc0)).isCloseTo(100_000.0, within(1e-6));
        PlanProblem longer = problem(15, 0.1, 1_000_000.0, 1, colo(24, 100.0, 0.03, 0.5, 0.8, 0.0, ramp, INF, true), 0.0);
        assertThat(sum(contractTerms(longer), 13, CashCategory.AI_CONTRACT_REVENUE, contracted)).isCloseTo(103_000.0, within(1e-6));
        double[][] mw = new double[1][15];
        mw[0][0] = 10.0;
        AiContractRows.Figures f = AiContractRows.figures(p, mw);
        double revenue = 0.0;
        for (double v : f.contractedRevenueUsd()[0]) {
            revenue += v;
        }
        assertThat(revenue).isCloseTo(10_750_000.0, within(1e-6));
        assertThat(f.tenantCapexUsd()[0][0]).isCloseTo(8_000_000.0, within(1e-6));
        assertThat(f.contractedOnlineMw()[0][1]).isCloseTo(2.5, within(1e-12)); // ρ₀ × 10 MW
    }

    /**
     * A prepayment: φ = 25 % of a 12-month term at 100 USD/kW-month, no ramp, lead time 0. V = 12 × 100,000 = 1,200,000 per
     * MW; received at the end of January: 0.25 × 1,200,000 = 300,000 (AI_PREPAYMENT); each term month's cash 0.75 × 100,000 =
     * 75,000 (AI_CONTRACT_REVENUE), 25,000 earned from the prepayment. Over the term cash 300,000 + 12 × 75,000 = 1,200,000 = V.
     */
    @Test
    void aPrepaymentIsReceivedUpFrontAndEarnedOverTheTerm() {
        PlanProblem p = problem(12, 0.1, 0.0, 0, colo(12, 100.0, 0.0, 0.0, 0.0, 0.25, new double[0], INF, false), 0.0);
        List<List<CashRows.Term>> terms = contractTerms(p);
        assertThat(p.contractValueUsdPerMw(p.options().get(0), 0)).isCloseTo(1_200_000.0, within(1e-6));
        assertThat(sum(terms, 0, CashCategory.AI_PREPAYMENT, contracted)).isCloseTo(300_000.0, within(1e-6));
        double cash = sum(terms, 0, CashCategory.AI_PREPAYMENT, contracted);
        for (int m = 0; m < 12; m++) {
            assertThat(sum(terms, m, CashCategory.AI_CONTRACT_REVENUE, contracted)).isCloseTo(75_000.0, within(1e-6));
            cash += sum(terms, m, CashCategory.AI_CONTRACT_REVENUE, contracted);
        }
        assertThat(cash).isCloseTo(1_200_000.0, within(1e-6));
        double[][] mw = new double[1][12];
        mw[0][0] = 1.0;
        AiContractRows.Figures f = AiContractRows.figures(p, mw);
        assertThat(f.prepaymentReceivedUsd()[0][0]).isCloseTo(300_000.0, within(1e-6));
        assertThat(f.prepaymentEarnedUsd()[0][5]).isCloseTo(25_000.0, within(1e-6));
        assertThat(f.contractedRevenueUsd()[0][5]).isCloseTo(100_000.0, within(1e-6));
    }

    private MPVariable contracted;

    /** The cash terms of the problem's option with its January cohort's Sc kept in {@link #contracted}. */
    private List<List<CashRows.Term>> contractTerms(PlanProblem p) {
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        AiBuildRows.Ai ai = AiBuildRows.add(s, p, null);
        AiContractRows.Contracts c = AiContractRows.add(s, p, null, ai);
        List<List<CashRows.Term>> terms = CashRows.newTerms(p.monthCount());
        CashRows.addAiCash(p, ai, c, terms);
        contracted = c.contracted()[0][0];
        return terms; // the solver is small and left to the garbage collector with its variables still referenced by the terms
    }

    private static double sum(List<List<CashRows.Term>> terms, int m, CashCategory category, MPVariable v) {
        double s = 0.0;
        for (CashRows.Term t : terms.get(m)) {
            if (t.category() == category && t.variable() == v) {
                s += t.coefficientUsd();
            }
        }
        return s;
    }
}
