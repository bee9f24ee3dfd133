package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.result.PlanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Financing sources (issue 15, item 2) and the executive's sentences (item 5) on a plan solved by hand.
 *
 * <p>The plan: no fleet, one AI option "flat" (120 USD/MWh, pue 1, energy 20 USD/MWh → margin 100 USD/MWh, no lead time),
 * 1 MW started in Jan 2026 (a fixed plan) at a capex of 250,000 USD paid at the start of Jan; r = 0; no starting cash; four
 * months Jan–Apr 2026 of 744, 672, 744, 720 h → operating cash 74,400, 67,200, 74,400, 72,000 USD (288,000 in all). Jan's
 * cash before financing is 74,400 − 250,000 = −175,600 USD: without financing the plan is INFEASIBLE. Every financing flow
 * is at its month's end; principal moves cash only, interest and fees enter the NPV (models/PLANS.md, "Financing sources").
 */
class FinancingPlanTest {
    private static final double EPS = 1e-4;

    static ObjectNode json(String finance) {
        ObjectNode json = PlanModelTest.base(0);
        json.remove("asicFleets");
        json.put("months", 4);
        ((ObjectNode) json.get("aiOptions").get(0)).put("capexUsdPerMw", 250_000).put("maxItMw", 1);
        if (finance != null) {
            json.set("finance", node(finance));
        }
        return json;
    }

    /** The fixed plan "1 MW in Jan", evaluated (the comparison's third answer, after the optimum and staying on Bitcoin). */
    static PlanResult oneMw(String finance) {
        FixedPlan one = new FixedPlan("1 MW in Jan", Map.of(FixedPlan.key("flat", 0), 1.0), Map.of(), Map.of(), Map.of());
        return PlanEngine.compare(problem(json(finance)), List.of(one), RunControl.NONE).plans().get(2);
    }

    static PlanResult.FinancingSource source(PlanResult r, int k) {
        return r.financing().sources().get(k);
    }

    /*
     * A credit line: limit 300,000 USD, interest 12 %/year (1 % a month) on the balance Q, commitment fee 0.6 %/year (0.05 % a
     * month) on 300,000 − Q. Cash stays at 0 while Q > 0 (repaying early saves 1 % − 0.05 % a month), so
     *   Jan: −175,600 + Q0 − 0.01 Q0 − 0.0005 (300,000 − Q0) = 0 → Q0 = 175,750 / 0.9905 = 177,435.64
     *   Feb: 67,200 + (Q1 − Q0) − 0.01 Q1 − 0.0005 (300,000 − Q1) = 0 → Q1 = (Q0 − 67,050) / 0.9905 = 111,444.36
     *   Mar: Q2 = (Q1 − 74,250) / 0.9905 = 37,551.10
     *   Apr: (Q2 − 72,000 + 150) / 0.9905 < 0 → Q3 = 0: repaid in April; drawn for three months.
     * Interest 0.01 (Q0 + Q1 + Q2) = 3,264.31; fees 0.0005 (1,200,000 − Q0 − Q1 − Q2) = 436.78;
     * NPV = 288,000 − 250,000 − 3,264.31 − 436.78 = 34,298.90.
     */
    @Test
    void aCreditLineDrawnForThreeMonthsPaysInterestAndCommitmentFee() {
        PlanResult r = oneMw("{'revolvingCredit': {'limitUsd': 300000, 'interestRatePerYear': 0.12, 'commitmentFeePerYear': 0.006}}");
        assertThat(r.status()).isEqualTo("OPTIMAL");
        double q0 = 175_750 / 0.9905;
        double q1 = (q0 - 67_050) / 0.9905;
        double q2 = (q1 - 74_250) / 0.9905;
        assertThat(q0).isCloseTo(177_435.64, within(0.01));
        assertThat(q1).isCloseTo(111_444.36, within(0.01));
        assertThat(q2).isCloseTo(37_551.10, within(0.01));
        PlanResult.FinancingSource line = source(r, 0);
        assertThat(line.kind()).isEqualTo("REVOLVING_CREDIT");
        assertThat(line.balanceUsd().get(0)).isCloseTo(q0, within(EPS));
        assertThat(line.balanceUsd().get(1)).isCloseTo(q1, within(EPS));
        assertThat(line.balanceUsd().get(2)).isCloseTo(q2, within(EPS));
        assertThat(line.balanceUsd().get(3)).isCloseTo(0.0, within(EPS));
        assertThat(line.repaymentsUsd().get(3)).isCloseTo(q2, within(EPS));
        assertThat(line.interestUsd()).isCloseTo(3_264.31, within(0.01));
        assertThat(line.feesUsd()).isCloseTo(436.78, within(0.01));
        assertThat(line.interestByMonthUsd().get(1)).isCloseTo(0.01 * q1, within(EPS));
        assertThat(line.feesByMonthUsd().get(3)).isCloseTo(150.0, within(EPS));
        assertThat(r.npvUsd()).isCloseTo(34_298.90, within(0.01));
        // the month rows: interest and fees in the cash flow, the principal beside it, cash held at 0 while drawn
        assertThat(r.monthly().get(0).financingCostUsd()).isCloseTo(0.01 * q0 + 0.0005 * (300_000 - q0), within(EPS));
        assertThat(r.monthly().get(0).debtPrincipalUsd()).isCloseTo(q0, within(EPS));
        assertThat(r.monthly().get(0).cumulativeCashUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.monthly().get(0).cashFlowUsd()).isCloseTo(-175_600 - 0.01 * q0 - 0.0005 * (300_000 - q0), within(EPS));
        assertThat(r.financing().peakDebtMonth()).isEqualTo("2026-01");
        assertThat(r.financing().peakDebtUsd()).isCloseTo(q0, within(EPS));
        assertThat(r.summary()).contains("Lowest cash: 0 USD in 2026-01").contains("Peak debt: 177,436 USD in 2026-01");
    }

    /*
     * A bullet loan: 250,000 USD available in Jan, 12 %/year, tenor 4 months (repaid at the end of April), upfront fee 1 %.
     * Only Jan binds: −175,600 + x − 0.01 x (interest) − 0.01 x (fee) = 0 → x = 175,600 / 0.98 = 179,183.67 (Feb: cash
     * 67,200 − 0.01 x = 65,408 > 0; by April 288,000 − 250,000 − 0.05 x = 29,040.82 > 0 after repaying x).
     * Interest 4 × 0.01 x = 7,167.35, fee 1,791.84, NPV = 38,000 − 0.05 x = 29,040.82.
     */
    @Test
    void aBulletLoan() {
        PlanResult r = oneMw("{'termLoans': [{'name': 'bank', 'amountUsd': 250000, 'availableFromMonth': '2026-01', 'interestRatePerYear': 0.12,"
                + " 'tenorMonths': 4, 'amortization': 'BULLET', 'upfrontFeeShare': 0.01}]}");
        assertThat(r.status()).isEqualTo("OPTIMAL");
        double x = 175_600 / 0.98;
        PlanResult.FinancingSource loan = source(r, 0);
        assertThat(loan.drawnUsd()).isCloseTo(x, within(EPS));
        assertThat(loan.balanceUsd()).satisfies(b -> {
            assertThat(b.get(2)).isCloseTo(x, within(EPS));
            assertThat(b.get(3)).isCloseTo(0.0, within(EPS));
        });
        assertThat(loan.repaymentsUsd().get(3)).isCloseTo(x, within(EPS));
        assertThat(loan.interestUsd()).isCloseTo(7_167.35, within(0.01));
        assertThat(loan.feesUsd()).isCloseTo(1_791.84, within(0.01));
        assertThat(r.npvUsd()).isCloseTo(29_040.82, within(0.01));
        assertThat(r.monthly().get(3).cumulativeCashUsd()).isCloseTo(29_040.82, within(0.01));
    }

    /*
     * An amortizing loan: the same loan, STRAIGHT: x/4 repaid at each month's end, interest on x, 0.75 x, 0.5 x, 0.25 x.
     * Jan binds: −175,600 + x − 0.01 x − 0.01 x − 0.25 x = 0 → x = 175,600 / 0.73 = 240,547.95 (Feb: 67,200 − 0.0075 x − 0.25 x
     * = 5,258.90 ≥ 0). Interest 0.01 x (1 + 0.75 + 0.5 + 0.25) = 6,013.70, fee 2,405.48, NPV = 38,000 − 0.035 x = 29,580.82.
     */
    @Test
    void anAmortizingLoan() {
        PlanResult r = oneMw("{'termLoans': [{'name': 'bank', 'amountUsd': 250000, 'interestRatePerYear': 0.12, 'tenorMonths': 4,"
                + " 'amortization': 'STRAIGHT', 'upfrontFeeShare': 0.01}]}");
        assertThat(r.status()).isEqualTo("OPTIMAL");
        double x = 175_600 / 0.73;
        PlanResult.FinancingSource loan = source(r, 0);
        assertThat(loan.drawnUsd()).isCloseTo(x, within(EPS));
        assertThat(loan.repaymentsUsd().get(1)).isCloseTo(x / 4, within(EPS));
        assertThat(loan.balanceUsd().get(1)).isCloseTo(x / 2, within(EPS));
        assertThat(loan.interestByMonthUsd().get(2)).isCloseTo(0.005 * x, within(EPS));
        assertThat(loan.interestUsd()).isCloseTo(6_013.70, within(0.01));
        assertThat(loan.feesUsd()).isCloseTo(2_405.48, within(0.01));
        assertThat(loan.balanceAtEndUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.npvUsd()).isCloseTo(29_580.82, within(0.01));
        assertThat(r.monthly().get(1).cumulativeCashUsd()).isCloseTo(5_258.90, within(0.01));
    }

    /*
     * A convertible note: up to 300,000 USD issued in Jan, coupon 6 %/year (0.5 % a month), maturity 2030-01 (past the
     * horizon), conversion at 10 USD a share, 1,000,000 shares outstanding. Jan: −175,600 + y − 0.005 y = 0 → y = 176,482.41;
     * coupons 4 × 0.005 y = 3,529.65; NPV = 38,000 − 0.02 y = 34,470.35; still owed at the end: y. If converted: y / 10 =
     * 17,648.24 shares, 17,648.24 / 1,017,648.24 = 1.73 % of the equity.
     */
    @Test
    void aConvertiblesCoupon() {
        PlanResult r = oneMw("{'convertibleNotes': [{'name': 'CN 2030', 'principalUsd': 300000, 'couponPerYear': 0.06,"
                + " 'conversionPriceUsdPerShare': 10, 'maturityMonth': '2030-01'}], 'sharesOutstanding': 1000000}");
        assertThat(r.status()).isEqualTo("OPTIMAL");
        double y = 175_600 / 0.995;
        PlanResult.FinancingSource note = source(r, 0);
        assertThat(note.drawnUsd()).isCloseTo(y, within(EPS));
        assertThat(note.interestUsd()).isCloseTo(3_529.65, within(0.01));
        assertThat(note.balanceAtEndUsd()).isCloseTo(y, within(EPS));
        assertThat(note.conversionShares()).isCloseTo(17_648.24, within(0.01));
        assertThat(note.conversionEquityShare()).isCloseTo(0.017342, within(1e-6));
        assertThat(r.npvUsd()).isCloseTo(34_470.35, within(0.01));
        assertThat(r.financing().conversionNote()).contains("17,648 shares (1.73 % of the equity after conversion)");
    }

    /*
     * Minimum cash 10,000 USD with the credit line of the first test: Jan cash = 10,000 → Q0 = 185,750 / 0.9905 = 187,531.55;
     * the covenant binds in Jan (headroom 0), and the answer's summary and warnings say so.
     */
    @Test
    void aMinimumCashCovenantBindsAndIsReported() {
        PlanResult r = oneMw("{'revolvingCredit': {'limitUsd': 300000, 'interestRatePerYear': 0.12, 'commitmentFeePerYear': 0.006},"
                + " 'covenants': {'minCashUsd': 10000}}");
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(source(r, 0).balanceUsd().get(0)).isCloseTo(185_750 / 0.9905, within(EPS));
        PlanResult.CovenantCheck c = r.financing().covenants().get(0);
        assertThat(c.name()).isEqualTo("MIN_CASH");
        assertThat(c.tightestMonth()).isEqualTo("2026-01");
        assertThat(c.headroomUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.summary()).contains("Tightest covenant: minimum cash of 10,000 USD, headroom 0 USD in 2026-01 (binding).");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("finance.covenants: minimum cash of 10,000 USD binds in 2026-01"));
    }

    /*
     * Debt at most k × trailing EBITDA with the bullet loan: Jan's EBITDA 74,400 annualised × 12 = 892,800; the loan needs
     * x = 179,183.67 in Jan, a ratio of 0.2007. k = 0.25: headroom 0.25 × 892,800 − 179,183.67 = 43,016.33 in Jan (Feb's
     * trailing EBITDA (74,400 + 67,200) × 6 = 849,600 → 33,216.33; Mar (216,000 × 4 = 864,000) → 36,816.33; Apr: no debt at
     * its end, not tested). k = 0.2: the loan cannot fund Jan: INFEASIBLE.
     */
    @Test
    void aDebtToEbitdaCovenant() {
        String loan = "'termLoans': [{'name': 'bank', 'amountUsd': 250000, 'interestRatePerYear': 0.12, 'tenorMonths': 4,"
                + " 'amortization': 'BULLET', 'upfrontFeeShare': 0.01}]";
        PlanResult r = oneMw("{" + loan + ", 'covenants': {'maxDebtToTrailingEbitda': 0.25}}");
        assertThat(r.status()).isEqualTo("OPTIMAL");
        double x = 175_600 / 0.98;
        PlanResult.CovenantCheck c = r.financing().covenants().get(0);
        assertThat(c.name()).isEqualTo("MAX_DEBT_TO_TRAILING_EBITDA");
        assertThat(c.monthsTested()).isEqualTo(3);
        assertThat(c.tightestMonth()).isEqualTo("2026-02");
        assertThat(c.headroomUsd()).isCloseTo(0.25 * 849_600 - x, within(EPS));
        assertThat(c.valueThen()).isCloseTo(x / 849_600, within(1e-9));
        assertThat(oneMw("{" + loan + ", 'covenants': {'maxDebtToTrailingEbitda': 0.2}}").status()).isEqualTo("INFEASIBLE");
    }

    /*
     * The unfundable plan of PlanModelTest (1 MW at 60,000 USD capex in Jan, nothing else: Jan's cash −60,000 + 67,200 later)
     * names a shortfall of 60,000 USD in Jan; a priced credit line of that size still leaves 1 % of it, 600 USD, for Jan's
     * interest: Jan's best cash is −60,000 + 0.99 × 60,000 = −600 and the explanation says so; a line of
     * 60,000 / 0.99 = 60,606.06 → 60,607 USD makes the plan feasible, with interest 0.01 × 60,606.06 = 606.06 in Jan and the line
     * repaid in Feb: NPV 7,200 − 606.06 = 6,593.94 (r = 0).
     */
    @Test
    void aCreditLineOfTheReportedShortfallFundsTheUnfundablePlan() {
        ObjectNode json = PlanModelTest.base(1);
        json.remove("asicFleets");
        json.put("months", 2);
        ((ObjectNode) json.get("aiOptions").get(0)).put("capexUsdPerMw", 60_000).put("maxItMw", 1);
        FixedPlan one = new FixedPlan("1 MW in Jan", Map.of(FixedPlan.key("flat", 0), 1.0), Map.of(), Map.of(), Map.of());
        PlanResult none = PlanEngine.compare(problem(json), List.of(one), RunControl.NONE).plans().get(2);
        assertThat(none.status()).isEqualTo("INFEASIBLE");
        assertThat(none.explanation()).contains("a shortfall of 60,000 USD below the cash floor of 0 USD");

        json.set("finance", node("{'revolvingCredit': {'limitUsd': 60000, 'interestRatePerYear': 0.12}}"));
        PlanResult priced = PlanEngine.compare(problem(json), List.of(one), RunControl.NONE).plans().get(2);
        assertThat(priced.status()).isEqualTo("INFEASIBLE");
        assertThat(priced.explanation()).isEqualTo("cash: with starting cash 0 USD and a credit line of 60,000 USD, the best plan with the"
                + " fixed AI starts still reaches a cumulative cash of -600 USD in 2026-01: a shortfall of 600 USD below the cash floor of 0"
                + " USD; funding of 600 USD more by 2026-01 would close it (e.g. 600 USD more on finance.revolvingCredit.limitUsd; its"
                + " interest needs a little more)");

        json.set("finance", node("{'revolvingCredit': {'limitUsd': 60607, 'interestRatePerYear': 0.12}}"));
        PlanResult funded = PlanEngine.compare(problem(json), List.of(one), RunControl.NONE).plans().get(2);
        assertThat(funded.status()).isEqualTo("OPTIMAL");
        assertThat(source(funded, 0).balanceUsd().get(0)).isCloseTo(60_000 / 0.99, within(EPS));
        assertThat(funded.npvUsd()).isCloseTo(67_200 - 60_000 - 0.01 * 60_000 / 0.99, within(EPS));
    }

    /*
     * The legacy finance.creditLineUsd keeps its numbers (a free line: cash may fall to −creditLineUsd at no cost) and the
     * answer warns, naming the priced line; both at once, or the free line under a leverage covenant, are a 400.
     */
    @Test
    void theLegacyCreditLineIsAFreeLineWithAWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        PlanRequest req = PlanTestSupport.JSON.treeToValue(json("{'creditLineUsd': 200000}"), PlanRequest.class);
        PlanTestSupport.ASSEMBLER.assemble(req, req.scenario(), (node, year) -> new double[0], warnings);
        assertThat(warnings).anyMatch(w -> w.startsWith("finance.creditLineUsd: 200,000 USD of credit at no cost (no interest, no"
                + " commitment fee)") && w.contains("finance.revolvingCredit {\"limitUsd\": 200,000"));
        PlanResult r = oneMw("{'creditLineUsd': 200000}");
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.npvUsd()).isCloseTo(38_000.0, within(EPS));
        assertThat(r.lowestCashUsd()).isCloseTo(-175_600.0, within(EPS));
        assertThat(r.financing()).isNull();
        assertThat(r.summary()).contains("drawn on the free credit line of 200,000 USD");

        assertThatThrownBy(() -> problem(json("{'creditLineUsd': 1000, 'revolvingCredit': {'limitUsd': 1000, 'interestRatePerYear': 0.1}}")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("finance.creditLineUsd");
        assertThatThrownBy(() -> problem(json("{'termLoans': [{'amountUsd': 1000, 'interestRatePerYear': 0.1, 'availableFromMonth': '2027-01',"
                + " 'tenorMonths': 12}]}")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("finance.termLoans[0].availableFromMonth");
        assertThatThrownBy(() -> problem(json("{'convertibleNotes': [{'principalUsd': 1000, 'couponPerYear': 0.1,"
                + " 'conversionPriceUsdPerShare': 5}]}")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("finance.convertibleNotes[0].maturityMonth");
    }
}
