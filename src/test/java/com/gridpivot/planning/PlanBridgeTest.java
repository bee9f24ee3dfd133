package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.result.PlanResult.WhatIfBridge;
import com.gridpivot.planning.result.PlanResult.WhatIfBridgeStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The What-if → plan bridge (issue 14, item 6; models/PLANS.md, "The What-if → plan bridge"), every step by hand.
 *
 * <p>3 months from 2026-01 (744 + 672 + 744 = 2,160 h), r = 12 %: δₘ = 1.12^−(m+1)/12 = 0.990600, 0.981289, 0.972065; energy
 * flat 20 USD/MWh. A fleet of 4,000 machines of 100 TH/s at 2,500 W (10 MW, 25 J/TH, pue 1, no fee, no opex); hashprice flat at
 * 60 USD/PH/day (BTC 60,000, difficulty with 10⁻⁶ BTC per TH/s-day, no fees, no growth): revenue 60·1000/(24·25) = 100 USD/MWh,
 * margin 80 USD/MWh. Salvage 2 USD/TH = 80,000 USD/MW. A colocation option at 150 USD/kW-month (150,000 USD per MW-month,
 * billed 730 h a month; 205.479452 USD/MWh), tenant pays power, pue 1, at most 4 MW, capex 1,000,000 USD/MW at start, lead time
 * 1 month, rates falling 20 % a year; interconnect 10 MW. CRF(12 %, 5) = 0.277410.
 * <ul>
 *   <li>The What-if (the 3 months, 2,160 h): an AI MW nets 205.479452 × 2,160 − 1,000,000 × 0.277410 × 2,160/8,760 =
 *       443,835.62 − 68,402.40 = 375,433.22 USD, a mining MW 80 × 2,160 = 172,800: AI 4 MW, ASICs 6 MW (interconnect).
 *       A = 6 × 172,800 + 4 × 375,433.22 = 1,036,800 + 1,775,342.47 − 273,609.60 = 2,538,532.87 USD = startUsd (H = T_w).</li>
 *   <li>horizon months: V₀ = 1,036,800 + 4 × 150,000 × 3 − 273,609.60 = 2,563,190.40 (colocation bills 730 h a month, 2,190 h,
 *       not 2,160): step 4 × 150,000 × 3 − 1,775,342.47 = +24,657.53.</li>
 *   <li>discounting: V₁ = Σₘ δₘ (6 × 80 × Hₘ + 600,000) − 4,000,000 × 0.277410 × Σₘ δₘ Hₘ/8,760 = 2,515,306.45: step −47,883.95.</li>
 *   <li>AI rate decline: 600,000 Σₘ δₘ (0.8^(m/12) − 1) = 600,000 (0 − 0.018082 − 0.035916) = −32,139.87.</li>
 *   <li>hashprice path, fleet degradation: 0 (flat hashprice, no degradation; no solve).</li>
 *   <li>ASIC salvage: the 4 idle MW sold in January: 4 × 80,000 × δ₀ = +316,992.13.</li>
 *   <li>lead time: January's AI revenue lost: −600,000 × δ₀ = −594,360.24.</li>
 *   <li>capex inside the horizon: −4,000,000 × δ⁰₀ (= 1) + the annuity given back 4,000,000 × 0.277410 × Σₘ δₘ Hₘ/8,760 =
 *       −4,000,000 + 268,498.38 = −3,731,501.62.</li>
 *   <li>GPU life and refresh, contract terms, terminal value: 0 (none).</li>
 *   <li>the optimizer's decisions: the plan builds no AI (two months of 150,000 do not pay 1,000,000) and mines 10 MW in January
 *       and February, then sells the fleet at the start of March (80,000 > March's margin 80 × 744 = 59,520; in February
 *       80,000 < 53,760 + 59,520 δ₂/δ₁): V = 800 × (744 δ₀ + 672 δ₁) + 800,000 δ₂ = 1,894,798.74; step 1,894,798.74 −
 *       (−1,525,703.15) = +3,420,501.89.</li>
 *   <li>financing costs: 0 (no sources).</li>
 * </ul>
 * The steps sum to 1,894,798.74 − 2,538,532.87 = −643,734.13 USD.
 */
class PlanBridgeTest {
    static final double D0 = Math.pow(1.12, -1.0 / 12);
    static final double D1 = Math.pow(1.12, -2.0 / 12);
    static final double D2 = Math.pow(1.12, -3.0 / 12);
    static final double CRF = 0.12 * Math.pow(1.12, 5) / (Math.pow(1.12, 5) - 1);
    static final double REV = 150 * 12000 / 8760.0;

    static PlanProblem handCase() {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 60000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'ai': {'colocationRateDeclinePerYear': 0.2},
                              'asic': {'salvageUsdPerTh': 2}, 'discountRate': 0.12},
                 'site': {'name': 'bridge', 'interconnectMw': 10},
                 'asicFleets': [{'name': 'S', 'units': 4000, 'hashrateThPerUnit': 100, 'powerWPerUnit': 2500, 'pue': 1,
                                 'poolFeeFraction': 0, 'variableOpexUsdPerMwh': 0, 'fixedOpexUsdPerMwYear': 0}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 150, 'tenantPaysPower': true, 'pue': 1, 'capexUsdPerMw': 1000000,
                                'leadTimeMonths': 1, 'maxItMw': 4, 'variableOpexUsdPerMwh': 0, 'fixedOpexUsdPerMwYear': 0}],
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR))));
    }

    static Map<String, Double> byName(WhatIfBridge b) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (WhatIfBridgeStep s : b.steps()) {
            out.put(s.name(), s.usd());
        }
        return out;
    }

    @Test
    void everyStepByHand() {
        PlanResult r = PlanEngine.optimize(handCase(), RunControl.NONE, true);
        WhatIfBridge b = r.bridge();
        assertThat(b).isNotNull();
        assertThat(b.whatIfAiItMw().get("colo")).isCloseTo(4.0, within(1e-9));
        assertThat(b.whatIfAsicItMw().get("S")).isCloseTo(6.0, within(1e-9));
        double annuity3Months = 4e6 * CRF * 2160 / 8760;
        double a = 6 * 80 * 2160 + 4 * REV * 2160 - annuity3Months;
        assertThat(b.whatIfNetUsd()).isCloseTo(2_538_532.87, within(0.01)).isCloseTo(a, within(1e-6));
        assertThat(b.startUsd()).isCloseTo(a, within(1e-6));
        // the What-if's value stack in the bridge: 6 MW of mining at 172,800 USD per MW; the AI option's 375,433.22 USD per MW
        assertThat(b.whatIfValueStack().miningMarginUsdPerMw()).isCloseTo(172_800.0, within(1e-6));
        assertThat(b.whatIfValueStack().aiOptionMarginUsdPerMw().get("colo")).isCloseTo(REV * 2160 - 1e6 * CRF * 2160 / 8760, within(1e-6));
        assertThat(b.whatIfValueStack().miningMarginUsd() + b.whatIfValueStack().aiMarginUsd()).isCloseTo(a, within(1e-6));

        double[] d = {D0, D1, D2};
        int[] h = {744, 672, 744};
        double annuityDiscounted = 0.0;
        double v1 = 0.0;
        double decline = 0.0;
        for (int m = 0; m < 3; m++) {
            annuityDiscounted += 4e6 * CRF * d[m] * h[m] / 8760;
            v1 += d[m] * (6 * 80 * h[m] + 600_000);
            decline += 600_000 * d[m] * (Math.pow(0.8, m / 12.0) - 1);
        }
        v1 -= annuityDiscounted;
        double v0 = 6 * 80 * 2160 + 600_000 * 3 - annuity3Months;
        double plan = 800 * (744 * D0 + 672 * D1) + 800_000 * D2;
        double beforeDecisions = v1 + decline + 320_000 * D0 - 600_000 * D0 - 4e6 + annuityDiscounted;

        Map<String, Double> steps = byName(b);
        assertThat(steps.keySet()).containsExactly("horizon months", "discounting", "AI rate decline", "hashprice path and halving",
                "fleet degradation", "ASIC salvage", "lead time", "capex inside the horizon", "GPU life and refresh", "contract terms", "terminal value",
                "the optimizer's decisions", "financing costs");
        double tol = 1e-6;
        assertThat(steps.get("horizon months")).isCloseTo(24_657.53, within(0.01)).isCloseTo(v0 - a, within(tol));
        assertThat(steps.get("discounting")).isCloseTo(-47_883.95, within(0.01)).isCloseTo(v1 - v0, within(tol));
        assertThat(steps.get("AI rate decline")).isCloseTo(-32_139.87, within(0.01)).isCloseTo(decline, within(tol));
        assertThat(steps.get("hashprice path and halving")).isEqualTo(0.0);
        assertThat(steps.get("fleet degradation")).isEqualTo(0.0);
        assertThat(steps.get("ASIC salvage")).isCloseTo(316_992.13, within(0.01)).isCloseTo(320_000 * D0, within(tol));
        assertThat(steps.get("lead time")).isCloseTo(-594_360.24, within(0.01)).isCloseTo(-600_000 * D0, within(tol));
        assertThat(steps.get("capex inside the horizon")).isCloseTo(-3_731_501.62, within(0.01))
                .isCloseTo(-4e6 + annuityDiscounted, within(tol));
        assertThat(steps.get("GPU life and refresh")).isEqualTo(0.0);
        assertThat(steps.get("contract terms")).isEqualTo(0.0);
        assertThat(steps.get("terminal value")).isEqualTo(0.0);
        assertThat(steps.get("the optimizer's decisions")).isCloseTo(3_420_501.89, within(0.01))
                .isCloseTo(plan - beforeDecisions, within(tol));
        assertThat(steps.get("financing costs")).isCloseTo(0.0, within(tol));

        assertThat(r.npvUsd()).isCloseTo(1_894_798.74, within(0.01)).isCloseTo(plan, within(tol));
        assertThat(b.endUsd()).isEqualTo(r.npvUsd());
        double sum = b.startUsd() + b.steps().stream().mapToDouble(WhatIfBridgeStep::usd).sum();
        assertThat(sum).isCloseTo(b.endUsd(), within(1e-6));
        assertThat(Math.abs(b.residualUsd())).isLessThan(1e-6);
        // the What-if, V₀, discounting, decline, salvage, lead time, capex and the plan's own decisions: 8 LPs (2 effects absent
        // with no solve, 2 absent as terms)
        assertThat(b.extraSolves()).isEqualTo(8);
        assertThat(b.steps()).allSatisfy(s -> assertThat(s.explanation()).isNotBlank());
    }

    @Test
    void withoutTheFlagThereIsNoBridge() {
        assertThat(PlanEngine.optimize(handCase(), RunControl.NONE).bridge()).isNull();
    }

    /**
     * The demo site (PlanCrossCheckTest.demoSite: S21 and S19 XP fleets, colocation lease and H100 cloud, HB_WEST 2024 replayed,
     * 36 months through the 2028 halving, a free credit line of 100 M USD, 1,800 BTC of treasury): the bridge sums exactly to the
     * difference between the plan's objective and the What-if at its first month, and the last step (financing costs) is 0 within
     * 10⁻⁶ relative, since a free line costs nothing: the plan's own decisions, re-evaluated on the relaxed chain's last problem,
     * reproduce the plan's objective. The bridge is written to target/bridge-demo.json for reading.
     */
    @Test
    void theDemoSiteSumsExactlyToTheDifference() throws Exception {
        PlanProblem p = PlanCrossCheckTest.demoSite(PlanCrossCheckTest.DEMO_FINANCE);
        PlanResult r = PlanEngine.optimize(p, RunControl.NONE, true);
        WhatIfBridge b = r.bridge();
        assertThat(b).as("warnings: %s", r.warnings()).isNotNull();
        PlanTestSupport.JSON.writerWithDefaultPrettyPrinter().writeValue(java.nio.file.Path.of("target/bridge-demo.json").toFile(), b);
        double end = r.terminalValue() == null ? r.npvUsd() : r.terminalValue().npvWithTerminalValueUsd();
        assertThat(b.endUsd()).isCloseTo(end, within(1e-6));
        assertThat(b.startUsd()).isCloseTo(b.whatIfNetUsd() * p.totalHours() / b.whatIfHours(), within(1e-6));
        double sum = b.steps().stream().mapToDouble(WhatIfBridgeStep::usd).sum();
        assertThat(b.startUsd() + sum - b.endUsd()).isCloseTo(0.0, within(1e-6));
        assertThat(Math.abs(b.residualUsd())).isLessThan(1e-6);
        assertThat(names(b)).hasSize(13).startsWith("horizon months").endsWith("the optimizer's decisions", "financing costs");
        assertThat(byName(b).get("financing costs")).isCloseTo(0.0, within(1e-6 * Math.abs(end)));
        // the halving of 2028-04 and the difficulty growth are in the horizon: the hashprice step is not zero
        assertThat(byName(b).get("hashprice path and halving")).isNotZero();
        assertThat(b.whatIfAiItMw().values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
    }

    /**
     * The demo site with every effect the bridge knows: GPU rates −20 %/year and colocation −5 %/year, the fleets losing 5 % of
     * their hashrate a year, H100 GPUs living 1 year (refreshed or retired by the plan, 10 % residual), colocation offered under
     * a 5-year contract at 130 USD/kW-month with half the fit-out paid by the tenant, a CONTRACTED terminal value, and a priced
     * credit line (12 %, 0.5 % commitment fee) instead of a free one. Every effect's step is non-zero, the steps still sum
     * exactly to the difference, and "financing costs" is ≤ 0: the plan's own decisions valued without the cash floor and
     * without the line are worth at least the plan (a relaxation), so what the line costs can only lower the value.
     */
    @Test
    void theDemoSiteWithEveryEffectStillSumsExactly() {
        PlanProblem p = problem(node("""
                {'scenario': {'btc': {'priceUsd': 69070, 'annualGrowth': 0.0, 'startDifficulty': 125864590119494.0,
                                      'difficultyGrowthPerMonth': 0.0082, 'feesBtcPerBlock': 0.587},
                              'energy': {'node': 'HB_WEST', 'replayYear': 2024},
                              'ai': {'gpuRateDeclinePerYear': 0.2, 'colocationRateDeclinePerYear': 0.05},
                              'asic': {'salvageUsdPerTh': 2.0, 'newPriceUsdPerTh': 14.0, 'efficiencyDegradationPerYear': 0.05},
                              'discountRate': 0.1},
                 'site': {'name': 'West Texas demo', 'interconnectMw': 100, 'maxAiItMw': 60, 'maxConversionMwPerMonth': 20},
                 'asicFleets': [{'name': 'S21 fleet', 'model': 'Antminer S21', 'units': 10000, 'pue': 1.05, 'poolFeeFraction': 0.02},
                                {'name': 'S19 XP fleet', 'model': 'Antminer S19 XP', 'units': 8000, 'pue': 1.05, 'poolFeeFraction': 0.02}],
                 'aiOptions': [{'name': 'Colocation lease', 'offering': 'colocation lease', 'capexTiming': 'SPREAD',
                                'contract': {'termMonths': 60, 'priceUsdPerKwMonth': 130, 'tenantCapexShare': 0.5}},
                               {'name': 'H100 cloud', 'offering': 'H100 cloud', 'utilization': 0.8, 'maxItMw': 40,
                                'gpuLife': {'gpuLifeYears': 1, 'residualValueShare': 0.1, 'endOfLife': 'OPTIMIZE'}}],
                 'finance': {'startingCashUsd': 2.0e7, 'treasuryBtc': 1800,
                             'revolvingCredit': {'limitUsd': 1.0e9, 'interestRatePerYear': 0.12, 'commitmentFeePerYear': 0.005},
                             'terminalValue': {'method': 'CONTRACTED'}},
                 'startMonth': '2026-07', 'months': 24}"""), PlanCrossCheckTest.SHIPPED);
        PlanResult r = PlanEngine.optimize(p, RunControl.NONE, true);
        WhatIfBridge b = r.bridge();
        assertThat(b).as("warnings: %s", r.warnings()).isNotNull();
        assertThat(b.endUsd()).isCloseTo(r.terminalValue().npvWithTerminalValueUsd(), within(1e-6));
        double sum = b.steps().stream().mapToDouble(WhatIfBridgeStep::usd).sum();
        assertThat(b.startUsd() + sum - b.endUsd()).isCloseTo(0.0, within(1e-6));
        Map<String, Double> steps = byName(b);
        for (String effect : List.of("discounting", "AI rate decline", "hashprice path and halving", "fleet degradation", "ASIC salvage",
                "lead time", "capex inside the horizon", "GPU life and refresh", "terminal value")) {
            assertThat(steps.get(effect)).as(effect).isNotZero();
        }
        assertThat(steps.get("financing costs")).isLessThanOrEqualTo(1e-6 * Math.abs(b.endUsd()));
        assertThat(b.extraSolves()).isGreaterThanOrEqualTo(11);
    }

    static List<String> names(WhatIfBridge b) {
        return b.steps().stream().map(WhatIfBridgeStep::name).toList();
    }
}
