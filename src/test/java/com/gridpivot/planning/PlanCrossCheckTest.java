package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.EnergySource;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.testdata.Highs;
import com.gridpivot.testdata.PlanProblemJson;
import com.gridpivot.testdata.RealData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan LP (OR-Tools GLOP, merged hour blocks) against the independent formulation of models/PLANS.md in
 * models/crosscheck/plan_highs.py (naive hourly model, solved by scipy's HiGHS): the optimal NPV, the NPV of the HiGHS
 * plan's decisions evaluated as a fixed plan by GridPivot (the decisions of a degenerate LP need not be unique, their
 * value must be), and the NPV of fixed plans, each to 1e-6 relative. In CI (or with -Dgridpivot.crosscheck.required=true) a
 * missing python3/scipy fails the test; it never skips silently there.
 */
class PlanCrossCheckTest {
    /** The stored prices of a UTC year as the service reads them (src/main/resources/demo = ../shared/data). */
    static final EnergySource SHIPPED = (node, year) -> RealData.hourlyRtmWithGaps(node, Instant.parse(year + "-01-01T00:00:00Z"),
            Instant.parse((year + 1) + "-01-01T00:00:00Z"));
    static final double REL = 1e-6;
    static final String DEMO_FINANCE = "{'startingCashUsd': 2.0e7, 'creditLineUsd': 1.0e8, 'treasuryBtc': 1800}";

    /**
     * The demo site ("West Texas demo" as the demo data stores it: S21 and S19 XP fleets, colocation lease and H100 cloud)
     * under the demo data's "Base case (demo)" scenario (src/main/resources/demo/scenarios/base.json: BTC $69,070 flat,
     * HB_WEST 2024 replayed) with the plan example's ASIC prices, limits and finance (PlanExamples.PLAN_REQUEST), over 36 months
     * (through the 2028 halving; the example's 60 take HiGHS minutes on the naive hourly model of a loaded test machine).
     */
    static PlanProblem demoSite(String finance) {
        return demoSite(finance, 36);
    }

    static PlanProblem demoSite(String finance, int months) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 69070, 'annualGrowth': 0.0, 'startDifficulty': 125864590119494.0,
                                      'difficultyGrowthPerMonth': 0.0082, 'feesBtcPerBlock': 0.587},
                              'energy': {'node': 'HB_WEST', 'replayYear': 2024},
                              'ai': {'gpuRateDeclinePerYear': 0.0, 'colocationRateDeclinePerYear': 0.0},
                              'asic': {'salvageUsdPerTh': 2.0, 'newPriceUsdPerTh': 14.0}, 'discountRate': 0.1},
                 'site': {'name': 'West Texas demo', 'interconnectMw': 100, 'maxAiItMw': 60, 'maxConversionMwPerMonth': 20},
                 'asicFleets': [{'name': 'S21 fleet', 'model': 'Antminer S21', 'units': 10000, 'pue': 1.05, 'poolFeeFraction': 0.02},
                                {'name': 'S19 XP fleet', 'model': 'Antminer S19 XP', 'units': 8000, 'pue': 1.05, 'poolFeeFraction': 0.02}],
                 'aiOptions': [{'name': 'Colocation lease', 'offering': 'colocation lease', 'capexTiming': 'SPREAD'},
                               {'name': 'H100 cloud', 'offering': 'H100 cloud', 'utilization': 0.8, 'maxItMw': 40}],
                 'finance': %s,
                 'startMonth': '2026-07', 'months': %d}""".formatted(finance, months)), SHIPPED);
    }

    /**
     * Real data of another kind: HB_NORTH's 2023 replayed (its first six UTC hours filled from the next day), BTC rising
     * 25 %/year through the 2028 halving, GPU rates falling 20 %/year with a 9-month lead time, 5 MW of AI contracted from 2028-07
     * (H100's $32M/MW or colocation's 12-month lead), a credit line and a treasury to sell; ASIC prices follow hashprice
     * (ε = 0.678, the default) and the fleets lose 5 % of their hashrate a year.
     */
    static PlanProblem realCase() {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 90000, 'annualGrowth': 0.25, 'startDifficulty': 1.3e14,
                                      'difficultyGrowthPerMonth': 0.02, 'feesBtcPerBlock': 0.1},
                              'energy': {'node': 'HB_NORTH', 'replayYear': 2023, 'annualEscalation': 0.03, 'adderUsdPerMwh': 4},
                              'ai': {'gpuRateDeclinePerYear': 0.2, 'colocationRateDeclinePerYear': 0.03,
                                     'options': {'H100 cloud': {'leadTimeMonths': 9}}},
                              'asic': {'salvageUsdPerTh': 3.0, 'newPriceUsdPerTh': 16.0, 'efficiencyDegradationPerYear': 0.05},
                              'discountRate': 0.12},
                 'site': {'name': 'North', 'interconnectMw': 80, 'maxAiItMw': 50, 'minAiItMw': 5, 'minAiFromMonth': '2028-07',
                          'maxConversionMwPerMonth': 10},
                 'asicFleets': [{'name': 'S21', 'model': 'Antminer S21', 'units': 12000, 'pue': 1.08, 'poolFeeFraction': 0.015},
                                {'name': 'S19 XP', 'model': 'Antminer S19 XP', 'units': 9000, 'pue': 1.08, 'poolFeeFraction': 0.015}],
                 'aiOptions': [{'name': 'Colocation lease', 'offering': 'colocation lease', 'pue': 1.25},
                               {'name': 'H100 cloud', 'offering': 'H100 cloud', 'utilization': 0.85, 'capexTiming': 'SPREAD'}],
                 'finance': {'startingCashUsd': 5.0e6, 'creditLineUsd': 2.0e8, 'treasuryBtc': 300},
                 'startMonth': '2027-07', 'months': 24}"""), SHIPPED);
    }

    @Test
    void demoSiteOptimumAgreesWithHighs() throws Exception {
        checkOptimum(demoSite(DEMO_FINANCE), "demo");
    }

    /**
     * Financing sources (issue 15): the demo site with 2 M USD of starting cash, no free line and no treasury, so the ASIC
     * purchases must be funded by a credit line (9 %/year, 0.5 % commitment fee), a straight term loan from 2026-09 (10 %, 24
     * months, 1.5 % upfront) and a convertible note (4 % coupon, maturing 2030-07), under a minimum cash of 1 M USD and debt at
     * most 3 × trailing EBITDA; 18 months. The optimum draws debt (asserted), and HiGHS's NPV and the interest and fees by
     * name agree. (The 15 M USD line is smaller than the optimum's need, so the note is issued too.)
     */
    static final String FINANCED = "{'startingCashUsd': 2.0e6, 'revolvingCredit': {'limitUsd': 1.5e7, 'interestRatePerYear': 0.09,"
            + " 'commitmentFeePerYear': 0.005}, 'termLoans': [{'name': 'bank', 'amountUsd': 5.0e7, 'availableFromMonth': '2026-09',"
            + " 'interestRatePerYear': 0.10, 'tenorMonths': 24, 'amortization': 'STRAIGHT', 'upfrontFeeShare': 0.015}],"
            + " 'convertibleNotes': [{'name': 'CN 2030', 'principalUsd': 4.0e7, 'couponPerYear': 0.04, 'conversionPriceUsdPerShare': 20,"
            + " 'issueMonth': '2026-07', 'maturityMonth': '2030-07'}], 'covenants': {'minCashUsd': 1.0e6, 'maxDebtToTrailingEbitda': 3.0}}";

    @Test
    void financedOptimumAgreesWithHighs() throws Exception {
        PlanProblem p = demoSite(FINANCED, 18);
        Evaluated ours = PlanEngine.evaluate(p, null, RunControl.NONE);
        assertThat(ours.outcome().status()).isEqualTo(LpStatus.OPTIMAL);
        var fin = ours.values().financing;
        // the optimum (NPV 45.88 M USD) draws the whole 15 M USD line and issues 8.18 M USD of the note in 2026-07 (ASIC purchases)
        assertThat(fin.sources().get(0).total(fin.sources().get(0).drawsUsd())).as("credit line drawn").isCloseTo(1.5e7, within(1.0));
        assertThat(fin.sources().get(2).total(fin.sources().get(2).drawsUsd())).as("note issued").isGreaterThan(1e6);
        JsonNode highs = Highs.solvePlan(PlanProblemJson.write(p, null, Path.of("target/crosscheck-plan-financed.json")));
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        double npv = highs.get("objective").asDouble();
        assertThat(ours.values().objectiveUsd).isCloseTo(npv, within(REL * Math.abs(npv)));
        // the financing terms by name, summed over the horizon: principal, interest, fees
        for (String[] t : new String[][] {{"financingInterest", "FINANCING_INTEREST"}, {"financingFee", "FINANCING_FEE"}}) {
            double theirs = sum(highs.get("cashFlowByTermUsd").get(t[0]));
            double mine = ours.values().total(com.gridpivot.lp.rows.CashCategory.valueOf(t[1]));
            assertThat(mine).as(t[0]).isCloseTo(theirs, within(1e-4 * Math.abs(theirs) + 1.0));
        }
    }

    /**
     * Taxes (issue 15, item 3) on the financed demo site over 24 months (tax years 2026, 2027, 2028): 21 %, ASICs MACRS 5-year
     * with 60 % bonus, GPUs MACRS 7-year, 30 % of AI capex buildings over 39 years, a 5 M USD loss carried in and used against
     * at most 80 % of a year's profit, 300 BTC of treasury at a 30,000 USD basis; the credit line's, loan's and note's interest
     * and fees deductible. HiGHS's NPV after tax and the tax by term agree; the optimum pays tax (asserted).
     */
    static final String TAXED = FINANCED.substring(0, FINANCED.length() - 1) + ", 'treasuryBtc': 300, 'tax': {'incomeTaxRateShare': 0.21,"
            + " 'depreciation': {'asics': {'schedule': 'MACRS_5', 'bonusShare': 0.6}, 'gpus': {'schedule': 'MACRS_7'},"
            + " 'buildings': {'lifeYears': 39}}, 'buildingsShareOfAiCapex': 0.3, 'openingLossUsd': 5.0e6, 'lossUseLimitShare': 0.8,"
            + " 'btcCostBasisUsdPerBtc': 30000}}";

    @Test
    void taxedOptimumAgreesWithHighs() throws Exception {
        PlanProblem p = demoSite(TAXED, 24);
        Evaluated ours = PlanEngine.evaluate(p, null, RunControl.NONE);
        assertThat(ours.outcome().status()).isEqualTo(LpStatus.OPTIMAL);
        double tax = -ours.values().total(com.gridpivot.lp.rows.CashCategory.INCOME_TAX);
        assertThat(tax).as("income tax paid").isGreaterThan(1e5);
        JsonNode highs = Highs.solvePlan(PlanProblemJson.write(p, null, Path.of("target/crosscheck-plan-taxed.json")));
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        double npv = highs.get("objective").asDouble();
        assertThat(ours.values().objectiveUsd).isCloseTo(npv, within(REL * Math.abs(npv)));
        double theirs = -sum(highs.get("cashFlowByTermUsd").get("incomeTax"));
        assertThat(tax).as("income tax").isCloseTo(theirs, within(1e-4 * Math.abs(theirs) + 1.0));
    }

    @Test
    void realDataOptimumAgreesWithHighs() throws Exception {
        checkOptimum(realCase(), "real");
    }

    /**
     * AI contracts (models/PLANS.md, "AI contracts"): market rates falling 20 %/year, a colocation contract at 120 USD/kW-month
     * for 24 months with a 3 % escalator, a 3-month ramp, 50 % take-or-pay, 90 % tenant capex and a 10 % prepayment, at most 15
     * MW, renewed at market; and an H100 cloud contract at 2.10 USD/GPU-hour for 12 months, 80 % take-or-pay, nothing after
     * the term. The optimum signs contracts (asserted on both sides), so every contract term is in the compared NPV.
     */
    static PlanProblem contractCase() {
        return contractCase("");
    }

    /** The contract case with a terminal value ({@code ", 'terminalValue': {…}"} inside finance), or "" for none. */
    static PlanProblem contractCase(String terminalValue) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 90000, 'annualGrowth': 0.0, 'startDifficulty': 1.3e14,
                                      'difficultyGrowthPerMonth': 0.02, 'feesBtcPerBlock': 0.05},
                              'energy': {'flatPriceUsdPerMwh': 60},
                              'ai': {'gpuRateDeclinePerYear': 0.2, 'colocationRateDeclinePerYear': 0.2},
                              'asic': {'salvageUsdPerTh': 2.0}, 'discountRate': 0.1},
                 'site': {'name': 'Contract', 'interconnectMw': 40, 'maxAiItMw': 30, 'maxConversionMwPerMonth': 10},
                 'asicFleets': [{'name': 'S19 XP', 'model': 'Antminer S19 XP', 'units': 9000, 'pue': 1.08}],
                 'aiOptions': [{'name': 'Colo', 'colocationUsdPerKwMonth': 110, 'pue': 1.3, 'leadTimeMonths': 2, 'capexUsdPerMw': 2.0e6,
                                'capexTiming': 'SPREAD',
                                'contract': {'termMonths': 24, 'priceUsdPerKwMonth': 120, 'escalatorPerYear': 0.03, 'rampMonths': 3,
                                             'takeOrPayShare': 0.5, 'tenantCapexShare': 0.9, 'prepaymentShare': 0.1, 'maxMw': 15}},
                               {'name': 'H100', 'kwPerGpu': 1.4, 'leaseUsdPerGpuHour': 2.0, 'utilization': 0.7, 'pue': 1.3,
                                'leadTimeMonths': 1, 'capexUsdPerMw': 4.0e6, 'maxItMw': 10,
                                'contract': {'termMonths': 12, 'priceUsdPerGpuHour': 2.1, 'takeOrPayShare': 0.8, 'afterTerm': 'NONE'}}],
                 'finance': {'startingCashUsd': 1.0e7, 'creditLineUsd': 1.0e8 %s},
                 'startMonth': '2027-01', 'months': 18}""".formatted(terminalValue)), SHIPPED);
    }

    @Test
    void aContractedPivotAgreesWithHighs() throws Exception {
        PlanProblem p = contractCase();
        JsonNode highs = checkOptimum(p, "contract");
        Evaluated ours = PlanEngine.evaluate(p, null, RunControl.NONE);
        assertThat(sum(ours.values().contractedMw[0])).as("colocation MW signed").isGreaterThan(1.0);
        assertThat(sum(highs.get("aiContractedMw").get("Colo"))).as("colocation MW signed, HiGHS").isGreaterThan(1.0);
        assertThat(sum(ours.values().contractedMw[1]) + sum(ours.values().startedMw[0])).isGreaterThan(0.0);
        // the HiGHS contracted split fixed in our LP too: the same NPV
        FixedPlan theirs = new FixedPlan("HiGHS split", byMonth(highs.get("aiStartedMw")), byMonth(highs.get("asicRetiredMw")), Map.of(),
                sales(highs.get("treasurySoldBtc")), byMonth(highs.get("aiContractedMw")));
        Evaluated replay = PlanEngine.evaluate(p, theirs, RunControl.NONE);
        double npv = highs.get("objective").asDouble();
        assertThat(replay.values().objectiveUsd).isCloseTo(npv, within(REL * Math.abs(npv)));
    }

    /**
     * Terminal value (models/PLANS.md, "Terminal value"), each method on the contract case: the optimal NPV with the terminal
     * value in it agrees with HiGHS, and the terminal value is not zero at the optimum (ASICs at salvage, AI by the method).
     */
    @Test
    void terminalValuesAgreeWithHighs() throws Exception {
        for (String tv : new String[] {"{'method': 'CONTRACTED'}", "{'method': 'EXIT_MULTIPLE', 'exitMultipleOfEbitda': 6}",
                "{'method': 'PERPETUITY', 'perpetuityGrowthPerYear': -0.05}"}) {
            PlanProblem p = contractCase(", 'terminalValue': " + tv);
            checkOptimum(p, "terminal");
            Evaluated ours = PlanEngine.evaluate(p, null, RunControl.NONE);
            assertThat(ours.values().terminalAiUsd).as(tv).isGreaterThan(1e6);
            assertThat(ours.values().terminalMiningUsd).as(tv).isGreaterThanOrEqualTo(0.0);
        }
    }

    /**
     * GPU life (models/PLANS.md, "GPU life and refresh"): 30 months, a GPU cloud whose GPUs live 12 months (residual 20 %,
     * GPU price falling 20 % a year with the lease rate), whose hall stands 2 years, beside an S19 XP fleet. HiGHS writes the
     * online MW as a stock of GPU generations (plan_highs.py add_gpu_life_rows), the service as increments; both NPVs agree,
     * under OPTIMIZE with and without a CONTRACTED terminal value (the GPUs in service at book value) and under RETIRE, and the
     * optimum refreshes GPUs.
     */
    @Test
    void gpuLifeAndRefreshAgreeWithHighs() throws Exception {
        for (String variant : new String[] {"", ", 'terminalValue': {'method': 'CONTRACTED'}", "RETIRE"}) {
            boolean retire = variant.equals("RETIRE");
            PlanProblem p = problem(node("""
                    {'scenario': {'btc': {'priceUsd': 90000, 'annualGrowth': 0.0, 'startDifficulty': 1.3e14,
                                          'difficultyGrowthPerMonth': 0.02, 'feesBtcPerBlock': 0.05},
                                  'energy': {'flatPriceUsdPerMwh': 60},
                                  'ai': {'gpuRateDeclinePerYear': 0.2},
                                  'asic': {'salvageUsdPerTh': 2.0}, 'discountRate': 0.1},
                     'site': {'name': 'GPU life', 'interconnectMw': 40, 'maxAiItMw': 20, 'maxConversionMwPerMonth': 5},
                     'asicFleets': [{'name': 'S19 XP', 'model': 'Antminer S19 XP', 'units': 9000, 'pue': 1.08}],
                     'aiOptions': [{'name': 'H100', 'kwPerGpu': 1.4, 'leaseUsdPerGpuHour': 2.0, 'utilization': 0.7, 'pue': 1.3,
                                    'leadTimeMonths': 1, 'capexUsdPerMw': 3.0e6, 'capexTiming': 'SPREAD', 'maxItMw': 20,
                                    'gpuLife': {'gpuLifeYears': 1, 'gpuCapexUsdPerMw': 2.0e6, 'residualValueShare': 0.2,
                                                'hallLifeYears': 2 %s}}],
                     'finance': {'startingCashUsd': 1.0e7, 'creditLineUsd': 1.0e8 %s},
                     'startMonth': '2027-01', 'months': 30}""".formatted(retire ? ", 'endOfLife': 'RETIRE'" : "", retire ? "" : variant)),
                    SHIPPED);
            checkOptimum(p, "gpu-life");
            Evaluated ours = PlanEngine.evaluate(p, null, RunControl.NONE);
            double refreshed = 0.0;
            for (double mw : ours.values().gpuLife.refreshedMw()[0]) {
                refreshed += mw;
            }
            assertThat(refreshed).as("GPU MW refreshed " + variant).isEqualTo(retire ? 0.0 : refreshed).isGreaterThanOrEqualTo(0.0);
            if (!retire) {
                assertThat(refreshed).as("GPU MW refreshed " + variant).isGreaterThan(1.0);
            }
        }
    }

    @Test
    void fixedPlansOfTheDemoSiteAgreeWithHighs() throws Exception {
        // a $1B credit line: a conversion's capex ($9.5M/MW) would overdraw $100M, and an infeasible plan has no NPV
        PlanProblem p = demoSite("{'startingCashUsd': 2.0e7, 'creditLineUsd': 1.0e9, 'treasuryBtc': 1800}");
        // plans like the comparison example's (PlanExamples.COMPARE_REQUEST) within 20 MW started a month, month indices from
        // 2026-07, plus treasury sales
        FixedPlan convert = new FixedPlan("convert 40 MW in 2027-04/05", Map.of("Colocation lease|9", 20.0, "Colocation lease|10", 20.0),
                Map.of(), null, null);
        FixedPlan pivot = new FixedPlan("full pivot", Map.of("Colocation lease|6", 20.0, "Colocation lease|7", 20.0, "Colocation lease|8", 20.0),
                Map.of("S21 fleet|6", 35.0, "S19 XP fleet|6", 24.256), Map.of(), Map.of(3, 500.0, 20, 250.0));
        for (FixedPlan f : new FixedPlan[] {FixedPlan.stayOnBitcoin(), convert, pivot}) {
            Evaluated ours = PlanEngine.evaluate(p, f, RunControl.NONE);
            assertThat(ours.outcome().status()).as(f.name()).isEqualTo(LpStatus.OPTIMAL);
            JsonNode highs = Highs.solvePlan(PlanProblemJson.write(p, f, Path.of("target/crosscheck-plan-demo-fixed.json")));
            assertThat(highs.get("status").asText()).as(f.name()).isEqualTo("OPTIMAL");
            double npv = highs.get("objective").asDouble();
            assertThat(ours.values().objectiveUsd).as(f.name()).isCloseTo(npv, within(REL * Math.abs(npv)));
        }
    }

    private static JsonNode checkOptimum(PlanProblem p, String label) throws Exception {
        Evaluated ours = PlanEngine.evaluate(p, null, RunControl.NONE);
        assertThat(ours.outcome().status()).isEqualTo(LpStatus.OPTIMAL);
        JsonNode highs = Highs.solvePlan(PlanProblemJson.write(p, null, Path.of("target/crosscheck-plan-" + label + ".json")));
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        double npv = highs.get("objective").asDouble();
        assertThat(ours.values().objectiveUsd).isCloseTo(npv, within(REL * Math.abs(npv)));

        // HiGHS's decisions, fixed in GridPivot's LP: the same NPV (an LP's optimal decisions may differ where it is degenerate)
        FixedPlan theirs = new FixedPlan("HiGHS", byMonth(highs.get("aiStartedMw")), byMonth(highs.get("asicRetiredMw")),
                byMonth(highs.get("asicBoughtMw")), sales(highs.get("treasurySoldBtc")));
        Evaluated replay = PlanEngine.evaluate(p, theirs, RunControl.NONE);
        assertThat(replay.outcome().status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(replay.values().objectiveUsd).isCloseTo(npv, within(REL * Math.abs(npv)));
        // and the totals of the main decisions, which these cases make unique
        for (int j = 0; j < p.options().size(); j++) {
            String name = p.options().get(j).spec().name();
            assertThat(sum(ours.values().startedMw[j])).as("AI MW started, " + name).isCloseTo(sum(highs.get("aiStartedMw").get(name)), within(1e-3));
        }
        return highs;
    }

    private static Map<String, Double> byMonth(JsonNode byName) {
        Map<String, Double> out = new HashMap<>();
        for (Iterator<String> it = byName.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode months = byName.get(name);
            for (int m = 0; m < months.size(); m++) {
                out.put(FixedPlan.key(name, m), months.get(m).asDouble());
            }
        }
        return out;
    }

    private static Map<Integer, Double> sales(JsonNode months) {
        Map<Integer, Double> out = new HashMap<>();
        for (int m = 0; m < months.size(); m++) {
            out.put(m, months.get(m).asDouble());
        }
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double sum(JsonNode v) {
        double s = 0;
        for (JsonNode x : v) {
            s += x.asDouble();
        }
        return s;
    }
}
