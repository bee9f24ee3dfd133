package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.lp.RunControl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Tiny multi-period plans whose optimum was computed by hand; the arithmetic is in each comment.
 *
 * <p>Common figures. BTC 50,000 USD flat, fees 0, difficulty D* with D*·2³² = 2.7e23 and flat: 86,400·10¹²/2.7e23 × 3.125
 * = 1e-6 BTC/TH/day → hashprice 1e-6 × 1000 × 50,000 = 50 USD/PH/day (25 after the halving). Fleet "S21": 1,600 units ×
 * 150 TH/s × 3,125 W → cap 5 MW, e = 3125/150 = 20.83 J/TH, 24e = 500 → revenue 50·1000/500 = 100 USD/MWh. Energy 20
 * USD/MWh flat → mining margin 80. AI "flat": 120 USD/MWh, pue 1 → margin 100, maxItMw 10. Interconnect 10 MW.
 * Months from 2026-01: Jan 744 h, Feb 672 h, Mar 744 h (2,160 h).
 */
class PlanModelTest {
    private static final double EPS = 1e-4;

    static ObjectNode base(int leadTimeMonths) {
        return node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0},
                 'site': {'name': 'tiny', 'interconnectMw': 10},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'maxItMw': 10, 'leadTimeMonths': %d}],
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR), leadTimeMonths));
    }

    static double started(PlanResult r, String month) {
        return r.monthly().stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow().aiStartedMw().get("flat");
    }

    /*
     * Lead time 1 month. AI MW started in Jan are online Feb and Mar; they hold site power from Jan.
     * The first 5 MW of AI fit beside the 5 MW fleet: started in Jan they earn 100·(672 + 744) = 141,600 per MW and cost
     * no mining. MW 5–10 displace mining: in Jan −80·744 = −59,520 (building, no revenue), Feb +(100−80)·672 = 13,440,
     * Mar +20·744 = 14,880 → −31,200 per MW: not worth it. Starting in Feb: MW 5–10 lose 80·672 = 53,760 in Feb, gain
     * 14,880 in Mar. So S[flat,Jan] = 5, nothing else.
     * NPV (r = 0) = mining 80·5·2,160 = 864,000 + AI 100·5·1,416 = 708,000 → 1,572,000.
     * AI revenue: Jan 0 (building), Feb 120·672·5 = 403,200, Mar 120·744·5 = 446,400.
     * Without a lead time every AI MW earns 100 > 80 at once: S[flat,Jan] = 10, NPV 100·10·2,160 = 2,160,000.
     */
    @ParameterizedTest
    @ValueSource(strings = {"EXACT_BLOCKS", "HOURLY"})
    void aLeadTimeShiftsRevenue(String hourModel) {
        ObjectNode json = base(1);
        json.put("hourModel", hourModel);
        PlanResult r = PlanEngine.optimize(problem(json), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.hourModel()).isEqualTo(hourModel);
        assertThat(r.npvUsd()).isCloseTo(1_572_000.0, within(EPS));
        assertThat(started(r, "2026-01")).isCloseTo(5.0, within(1e-7));
        assertThat(started(r, "2026-02")).isCloseTo(0.0, within(1e-7));
        assertThat(r.monthly().get(0).aiRevenueUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.monthly().get(0).aiUnderConstructionMw().get("flat")).isCloseTo(5.0, within(1e-7));
        assertThat(r.monthly().get(1).aiRevenueUsd()).isCloseTo(403_200.0, within(EPS));
        assertThat(r.monthly().get(2).aiRevenueUsd()).isCloseTo(446_400.0, within(EPS));
        assertThat(r.monthly().get(1).aiOnlineMw().get("flat")).isCloseTo(5.0, within(1e-7));
        assertThat(r.stayOnBitcoinNpvUsd()).isCloseTo(864_000.0, within(EPS));
        assertThat(r.incrementalNpvUsd()).isCloseTo(708_000.0, within(EPS));
        assertThat(r.revenuePerItMwhUsd()).containsEntry("mining", 100.0);
        assertThat(r.revenuePerItMwhUsd().get("flat")).isCloseTo(120.0, within(1e-9));

        ObjectNode now = base(0);
        now.put("hourModel", hourModel);
        PlanResult r0 = PlanEngine.optimize(problem(now), RunControl.NONE);
        assertThat(r0.npvUsd()).isCloseTo(2_160_000.0, within(EPS));
        assertThat(started(r0, "2026-01")).isCloseTo(10.0, within(1e-7));
        assertThat(r0.monthly().get(0).aiRevenueUsd()).isCloseTo(120.0 * 744 * 10, within(EPS));
    }

    /*
     * The cash budget binds. As above (lead time 1) with capex 100,000 USD/MW paid at start, starting cash 0, credit line 0.
     * A Jan MW (of the first 5) is worth 141,600 − 100,000 = 41,600; a Feb MW 74,400 − 100,000 < 0.
     * Cash at the end of Jan: mining 80·744·5 = 297,600 − 100,000·S ≥ 0 → S = 2.976 MW.
     * NPV = 864,000 + 2.976·41,600 = 987,801.6; the lowest cumulative cash is Jan's 0.
     * Without finance the floor is the same 0 (no free money, issue 15), and the answer warns that cash sits at that floor.
     * With a credit line of 202,400 USD (no interest): S = 5, NPV = 864,000 + 5·41,600 = 1,072,000, Jan cash
     * 297,600 − 500,000 = −202,400, at the line's limit.
     */
    @Test
    void theBudgetBinds() {
        ObjectNode json = base(1);
        ((ObjectNode) json.get("aiOptions").get(0)).put("capexUsdPerMw", 100_000);
        PlanResult none = PlanEngine.optimize(problem(json), RunControl.NONE);
        assertThat(none.npvUsd()).isCloseTo(987_801.6, within(EPS));
        assertThat(none.lowestCashUsd()).isCloseTo(0.0, within(EPS));
        assertThat(none.warnings()).containsExactly("finance: the cumulative cash reaches the floor of 0 USD in 2026-01: without financing "
                + "(finance.revolvingCredit, termLoans, convertibleNotes) cash may not fall below 0 (before issue 15 an absent credit line meant unlimited credit at no cost); "
                + "financing may allow a better plan");

        json.set("finance", node("{'creditLineUsd': 202400}"));
        PlanResult line = PlanEngine.optimize(problem(json), RunControl.NONE);
        assertThat(line.npvUsd()).isCloseTo(1_072_000.0, within(EPS));
        assertThat(started(line, "2026-01")).isCloseTo(5.0, within(1e-7));
        assertThat(line.lowestCashMonth()).isEqualTo("2026-01");
        assertThat(line.lowestCashUsd()).isCloseTo(-202_400.0, within(EPS));
        assertThat(line.warnings()).isEmpty();

        json.set("finance", node("{'startingCashUsd': 0, 'creditLineUsd': 0}"));
        PlanResult r = PlanEngine.optimize(problem(json), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(started(r, "2026-01")).isCloseTo(2.976, within(1e-7));
        assertThat(r.npvUsd()).isCloseTo(987_801.6, within(EPS));
        assertThat(r.lowestCashMonth()).isEqualTo("2026-01");
        assertThat(r.lowestCashUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.monthly().get(0).aiCapexUsd()).isCloseTo(297_600.0, within(EPS));
    }

    /*
     * A treasury sale funds the capex. As the budget case plus 10 BTC at 50,000 USD. With r = 0 and a flat BTC price a sale
     * is worth what the coin is worth at the end, so the NPV is the unconstrained 1,072,000 with S = 5; Jan needs
     * 500,000 − 297,600 = 202,400 USD = 4.048 BTC sold by the end of Jan.
     */
    @Test
    void aTreasurySaleFundsCapex() {
        ObjectNode json = base(1);
        ((ObjectNode) json.get("aiOptions").get(0)).put("capexUsdPerMw", 100_000);
        json.set("finance", node("{'startingCashUsd': 0, 'creditLineUsd': 0, 'treasuryBtc': 10}"));
        PlanResult r = PlanEngine.optimize(problem(json), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(started(r, "2026-01")).isCloseTo(5.0, within(1e-7));
        assertThat(r.npvUsd()).isCloseTo(1_072_000.0, within(EPS));
        assertThat(r.monthly().get(0).treasurySoldBtc()).isGreaterThanOrEqualTo(4.048 - 1e-7);
        assertThat(r.monthly().get(0).cumulativeCashUsd()).isGreaterThanOrEqualTo(-1e-4);
        assertThat(r.totals().treasurySoldBtc()).isLessThanOrEqualTo(10.0 + 1e-9);
    }

    /*
     * The halving halves mining revenue. Fleet only, energy 0, from 2028-03 for 3 months; block 1,050,000 is estimated at
     * 2028-04-17 08:09 UTC (840,000 at 2024-04-20 00:09 + 210,000 × 10 min = +1,458 days 8 h).
     * Mar: 100 USD/MWh × 744 h × 5 MW = 372,000. May: 50 × 744 × 5 = 186,000 (exactly half per hour).
     * Apr (720 h): days 1–16 at 100, day 17 blends 489/1440 at 3.125 and 951/1440 at 1.5625 → 100·1929/2880 = 66.979…,
     * days 18–30 at 50: 5 MW × 24 h × (16·100 + 66.979167 + 13·50) = 120 × 2,316.979167 = 278,037.5.
     */
    @Test
    void theHalvingHalvesMiningRevenue() {
        ObjectNode json = base(0);
        json.remove("aiOptions");
        json.put("startMonth", "2028-03");
        ((ObjectNode) json.get("scenario").get("energy")).put("flatPriceUsdPerMwh", 0);
        PlanResult r = PlanEngine.optimize(problem(json), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.monthly().get(0).miningRevenueUsd()).isCloseTo(372_000.0, within(EPS));
        assertThat(r.monthly().get(1).miningRevenueUsd()).isCloseTo(278_037.5, within(EPS));
        assertThat(r.monthly().get(2).miningRevenueUsd()).isCloseTo(186_000.0, within(EPS));
        assertThat(r.monthly().get(0).meanHashpriceUsdPerPhDay()).isCloseTo(50.0, within(1e-9));
        assertThat(r.monthly().get(2).meanHashpriceUsdPerPhDay()).isCloseTo(25.0, within(1e-9));
    }

    /*
     * NPV, IRR and payback by hand. No fleet; AI "flat" 120 USD/MWh, energy 20, capex 60,000 USD/MW at start, lead time 1,
     * maxItMw 1; 2 months from 2026-01; r = 10 %/year, month m's flows discounted by 1.1^−(m+1)/12 from its end, capex by
     * 1.1^−m/12 from its start (models/PLANS.md, "Timing conventions").
     * Staying on Bitcoin (no fleet, no AI) is worth 0. The plan starts 1 MW in Jan: CF = [−60,000, 100·672 = 67,200].
     * NPV = −60,000·1.1^0 + 67,200·1.1^(−2/12) = −60,000 + 66,140.96 = 6,140.96 (it was 6,615.62 with the capex discounted
     * from the end of January: −59,525.34).
     * Monthly IRR: −60,000 at time 0, +67,200 at 2 months: (1+x)² = 1.12 → annual 1.12⁶ − 1 = 97.38 % (it was 1.12¹² − 1 =
     * 289.6 % with the capex at the end of January). Payback: the cumulative −60,000, +7,200 turns positive in Feb (2 months).
     * Lowest cash: Jan, −60,000, funded by a credit line of 60,000 USD (no interest).
     */
    @Test
    void npvAndIrrMatchAHandCalculation() {
        ObjectNode json = base(1);
        json.remove("asicFleets");
        json.set("finance", node("{'creditLineUsd': 60000}"));
        json.put("months", 2);
        ((ObjectNode) json.get("scenario")).put("discountRate", 0.10);
        ((ObjectNode) json.get("aiOptions").get(0)).put("capexUsdPerMw", 60_000).put("maxItMw", 1);
        PlanResult r = PlanEngine.optimize(problem(json), RunControl.NONE);
        double npv = -60_000 + 67_200 * Math.pow(1.1, -2.0 / 12);
        assertThat(npv).isCloseTo(6_140.96, within(0.01));
        assertThat(r.npvUsd()).isCloseTo(npv, within(EPS));
        assertThat(r.stayOnBitcoinNpvUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.incrementalNpvUsd()).isCloseTo(npv, within(EPS));
        assertThat(r.monthly().get(0).incrementalCashFlowUsd()).isCloseTo(-60_000.0, within(EPS));
        assertThat(r.monthly().get(1).incrementalCashFlowUsd()).isCloseTo(67_200.0, within(EPS));
        assertThat(r.incrementalIrrAnnual()).isCloseTo(Math.pow(1.12, 6) - 1, within(1e-9));
        assertThat(Math.pow(1.12, 6) - 1).isCloseTo(0.9738, within(1e-4));
        assertThat(r.paybackMonth()).isEqualTo("2026-02");
        assertThat(r.paybackMonths()).isEqualTo(2);
        assertThat(r.lowestCashMonth()).isEqualTo("2026-01");
        assertThat(r.lowestCashUsd()).isCloseTo(-60_000.0, within(EPS));
    }

    /*
     * No free money (issue 15). The hand case above as a fixed plan "1 MW in Jan" without finance: Jan's cash is
     * 0 − 60,000 = −60,000 < 0, the floor without financing, and no other decision can raise it (no fleet, no treasury), so the
     * plan is INFEASIBLE and its explanation names Jan and the shortfall of 60,000 USD. A credit line of that size
     * (60,000 USD) makes it feasible with the hand NPV 6,140.96 (capex discounted from the start of January).
     */
    @Test
    void anUnfundablePlanNamesTheMonthAndShortfallAndThatCreditLineFundsIt() {
        ObjectNode json = base(1);
        json.remove("asicFleets");
        json.put("months", 2);
        ((ObjectNode) json.get("scenario")).put("discountRate", 0.10);
        ((ObjectNode) json.get("aiOptions").get(0)).put("capexUsdPerMw", 60_000).put("maxItMw", 1);
        FixedPlan one = new FixedPlan("1 MW in Jan", Map.of(FixedPlan.key("flat", 0), 1.0), Map.of(), Map.of(), Map.of());
        PlanResult r = PlanEngine.compare(problem(json), List.of(one), RunControl.NONE).plans().get(2);
        assertThat(r.status()).isEqualTo("INFEASIBLE");
        assertThat(r.explanation()).isEqualTo("cash: with starting cash 0 USD and no financing, the best plan with the fixed AI starts still "
                + "reaches a cumulative cash of -60,000 USD in 2026-01: a shortfall of 60,000 USD below the cash floor of 0 USD; funding of "
                + "60,000 USD more by 2026-01 would close it (finance.creditLineUsd = 60,000)");

        json.set("finance", node("{'creditLineUsd': 60000}"));
        PlanResult funded = PlanEngine.compare(problem(json), List.of(one), RunControl.NONE).plans().get(2);
        assertThat(funded.status()).isEqualTo("OPTIMAL");
        assertThat(funded.npvUsd()).isCloseTo(-60_000 + 67_200 * Math.pow(1.1, -2.0 / 12), within(EPS));
        assertThat(funded.lowestCashUsd()).isCloseTo(-60_000.0, within(EPS));
    }

    /*
     * A fixed plan evaluated equals the optimum when it is the optimum. Lead-time case: "5 MW in 2026-01" is the optimum
     * (1,572,000); "10 MW in 2026-01" leaves no power for mining in any month (AI holds it from
     * construction start), AI earns 100·10·(672 + 744) = 1,416,000; "stay on Bitcoin" = 864,000. The optimizer's own decisions re-sent
     * as a fixed plan give its NPV again.
     */
    @Test
    void aFixedPlanEvaluatedEqualsTheOptimumWhenItIsTheOptimum() {
        PlanProblem p = problem(base(1));
        FixedPlan five = new FixedPlan("5 MW in 2026-01", Map.of(FixedPlan.key("flat", 0), 5.0), Map.of(), Map.of(), Map.of());
        FixedPlan ten = new FixedPlan("10 MW in 2026-01", Map.of(FixedPlan.key("flat", 0), 10.0), Map.of(), Map.of(), Map.of());
        FixedPlan stay = new FixedPlan("stay", Map.of(), Map.of(), Map.of(), Map.of());
        PlanComparison c = PlanEngine.compare(p, List.of(five, ten, stay), RunControl.NONE);
        assertThat(c.plans()).extracting(PlanResult::name)
                .containsExactly("optimized", "stay on Bitcoin", "5 MW in 2026-01", "10 MW in 2026-01", "stay");
        assertThat(c.plans().get(0).npvUsd()).isCloseTo(1_572_000.0, within(EPS));
        assertThat(c.plans().get(1).npvUsd()).isCloseTo(864_000.0, within(EPS));
        assertThat(c.plans().get(2).npvUsd()).isCloseTo(c.plans().get(0).npvUsd(), within(EPS));
        assertThat(c.plans().get(3).npvUsd()).isCloseTo(1_416_000.0, within(EPS));
        assertThat(c.plans().get(4).npvUsd()).isCloseTo(864_000.0, within(EPS));
        assertThat(c.plans().get(3).incrementalNpvUsd()).isCloseTo(1_416_000.0 - 864_000.0, within(EPS));
        assertThat(c.plans().get(3).monthly().get(0).miningMw()).isCloseTo(0.0, within(1e-7));
    }

    /*
     * Exact month blocks = hourly rows on varying prices: two fleets (different efficiency and pue), a daily hashprice
     * (difficulty growing 5 %/month), prices replayed from a synthetic year with spikes and negative hours, an AI option
     * with a 1-month lead time and capex spread, a cash floor and a contracted minimum. Same NPV to 1e-7 relative.
     */
    @Test
    void exactBlocksEqualHourlyRows() {
        ObjectNode json = node("""
                {'scenario': {'btc': {'priceUsd': 65000, 'annualGrowth': 0.3, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.05,
                                      'feesBtcPerBlock': 0.02},
                              'energy': {'node': 'SYNTH', 'replayYear': 2023}, 'discountRate': 0.08,
                              'ai': {'colocationRateDeclinePerYear': 0.1}},
                 'site': {'interconnectMw': 12, 'minAiItMw': 2, 'minAiFromMonth': '2026-04'},
                 'asicFleets': [{'name': 'S21', 'units': 2000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500, 'pue': 1.05, 'fixedOpexUsdPerMwYear': 20000},
                                {'name': 'S19', 'units': 1500, 'hashrateThPerUnit': 141, 'powerWPerUnit': 3032, 'pue': 1.2, 'variableOpexUsdPerMwh': 2}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 140, 'tenantPaysPower': true, 'pue': 1.3, 'capexUsdPerMw': 9.5e6,
                                'leadTimeMonths': 2, 'capexTiming': 'SPREAD'}],
                 'finance': {'startingCashUsd': 5e6, 'creditLineUsd': 2e7},
                 'startMonth': '2026-01', 'months': 4}""");
        double[] year = new double[8760];
        for (int t = 0; t < year.length; t++) {
            year[t] = 30 + 25 * Math.sin(t / 7.0) + (t % 97 == 0 ? 900 : 0) - (t % 53 == 0 ? 60 : 0);
        }
        PlanProblem exact = problem(json, (n, y) -> year);
        json.put("hourModel", "HOURLY");
        PlanProblem hourly = problem(json, (n, y) -> year);
        PlanResult a = PlanEngine.optimize(exact, RunControl.NONE);
        PlanResult b = PlanEngine.optimize(hourly, RunControl.NONE);
        assertThat(a.status()).isEqualTo("OPTIMAL");
        assertThat(b.status()).isEqualTo("OPTIMAL");
        assertThat(a.solver().hourBlocks()).isLessThan(b.solver().hourBlocks());
        assertThat(b.solver().hourBlocks()).isEqualTo(31 * 24 + 28 * 24 + 31 * 24 + 30 * 24);
        assertThat(a.npvUsd()).isCloseTo(b.npvUsd(), within(1e-7 * Math.abs(b.npvUsd())));
        // With a contracted AI minimum there is no stay-on-Bitcoin plan: no incremental figures, and a note saying why.
        assertThat(a.stayOnBitcoinNpvUsd()).isNull();
        assertThat(a.irrNote()).contains("INFEASIBLE").contains("contracted");
        assertThat(a.monthly().get(3).aiOnlineTotalMw()).isGreaterThanOrEqualTo(2.0 - 1e-7);
    }

    /*
     * Infeasible with numbers: 5 MW contracted from 2026-02 but the option takes 3 months to build → first MW in 2026-04.
     */
    @Test
    void anImpossibleContractIsInfeasibleWithAnExplanation() {
        ObjectNode json = base(3);
        json.set("site", node("{'interconnectMw': 10, 'minAiItMw': 5, 'minAiFromMonth': '2026-02'}"));
        PlanResult r = PlanEngine.optimize(problem(json), RunControl.NONE);
        assertThat(r.status()).isEqualTo("INFEASIBLE");
        assertThat(r.explanation()).contains("contracted AI 5 MW from 2026-02").contains("3 months").contains("2026-04");
    }
}
