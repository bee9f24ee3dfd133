package com.gridpivot.risk;

import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.lp.RunControl;
import com.gridpivot.risk.montecarlo.BtcHistory;
import com.gridpivot.risk.montecarlo.MonteCarloEngine;
import com.gridpivot.risk.montecarlo.MonteCarloResult;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.montecarlo.MonteCarloSettings.DriftMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Monte Carlo of fixed plans: repeatability, and the degenerate case against the plan LP. */
class MonteCarloEngineTest {

    /**
     * 12 months, two fleets, spiky prices, a colocation option with a rate decline and spread capex, a treasury, and a credit
     * line of 50M USD (the 4 MW conversion costs 38M: no free money since issue 15).
     */
    static PlanProblem twelveMonths() {
        ObjectNode json = node("""
                {'scenario': {'btc': {'priceUsd': 65000, 'annualGrowth': 0.3, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.03,
                                      'feesBtcPerBlock': 0.02},
                              'energy': {'node': 'SYNTH', 'replayYear': 2023}, 'discountRate': 0.08,
                              'ai': {'colocationRateDeclinePerYear': 0.1}},
                 'site': {'interconnectMw': 12},
                 'asicFleets': [{'name': 'S21', 'units': 2000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500, 'pue': 1.05, 'fixedOpexUsdPerMwYear': 20000},
                                {'name': 'S19', 'units': 1500, 'hashrateThPerUnit': 141, 'powerWPerUnit': 3032, 'pue': 1.2, 'variableOpexUsdPerMwh': 2}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 140, 'tenantPaysPower': true, 'pue': 1.3, 'capexUsdPerMw': 9.5e6,
                                'leadTimeMonths': 2, 'capexTiming': 'SPREAD'}],
                 'finance': {'startingCashUsd': 5e6, 'creditLineUsd': 5e7, 'treasuryBtc': 5},
                 'startMonth': '2026-01', 'months': 12}""");
        double[] year = new double[8760];
        for (int t = 0; t < year.length; t++) {
            year[t] = 30 + 25 * Math.sin(t / 7.0) + (t % 97 == 0 ? 900 : 0) - (t % 53 == 0 ? 60 : 0);
        }
        return problem(json, (n, y) -> year);
    }

    static List<FixedPlan> plans() {
        FixedPlan convert = new FixedPlan("convert 4 MW", Map.of(FixedPlan.key("colo", 1), 4.0),
                Map.of(FixedPlan.key("S19", 2), 2.0), Map.of(), Map.of(3, 1.0));
        FixedPlan small = new FixedPlan("convert 1 MW", Map.of(FixedPlan.key("colo", 0), 1.0), Map.of(), Map.of(), Map.of());
        return List.of(convert, small);
    }

    static MonteCarloSettings settings(int paths, long seed, int threads, double sigma, double aiSd) {
        return MonteCarloSettings.gbm(paths, seed, threads, sigma, DriftMode.SCENARIO, 0.0, 0.6, 3, aiSd, 20);
    }

    @Test
    void seededRunIsRepeatableBitForBitForAnyThreadCount() {
        PlanProblem p = twelveMonths();
        MonteCarloEngine.Raw a = MonteCarloEngine.simulate(p, plans(), settings(100, 42L, 1, 0.18, 0.05), RunControl.NONE);
        MonteCarloEngine.Raw b = MonteCarloEngine.simulate(p, plans(), settings(100, 42L, 1, 0.18, 0.05), RunControl.NONE);
        MonteCarloEngine.Raw c = MonteCarloEngine.simulate(p, plans(), settings(100, 42L, 2, 0.18, 0.05), RunControl.NONE);
        MonteCarloEngine.Raw d = MonteCarloEngine.simulate(p, plans(), settings(100, 43L, 2, 0.18, 0.05), RunControl.NONE);
        for (int q = 0; q < 3; q++) {
            assertThat(b.npvUsd()[q]).isEqualTo(a.npvUsd()[q]);
            assertThat(c.npvUsd()[q]).isEqualTo(a.npvUsd()[q]);
            assertThat(c.lowestCashUsd()[q]).isEqualTo(a.lowestCashUsd()[q]);
            assertThat(c.lowestCashMonth()[q]).isEqualTo(a.lowestCashMonth()[q]);
            assertThat(d.npvUsd()[q]).isNotEqualTo(a.npvUsd()[q]);
        }
        // The paths really differ from each other.
        assertThat(a.npvUsd()[0][0]).isNotEqualTo(a.npvUsd()[0][1]);
        // And the full result (statistics, histograms) too, apart from wall time.
        MonteCarloResult r1 = MonteCarloEngine.run(p, plans(), true, settings(64, 7L, 1, 0.18, 0.05), RunControl.NONE);
        MonteCarloResult r2 = MonteCarloEngine.run(p, plans(), true, settings(64, 7L, 2, 0.18, 0.05), RunControl.NONE);
        assertThat(r2.plans()).usingRecursiveComparison().isEqualTo(r1.plans());
    }

    @Test
    void zeroVolatilityP50EqualsTheDeterministicPlanNpv() {
        PlanProblem p = twelveMonths();
        MonteCarloResult r = MonteCarloEngine.run(p, plans(), true, settings(9, 1L, 2, 0.0, 0.0), RunControl.NONE);
        assertThat(r.plans()).hasSize(4);
        for (MonteCarloResult.PlanDistribution d : r.plans()) {
            assertThat(d.status()).isEqualTo("EVALUATED");
            // The LP at the scenario (dispatch optimised by GLOP) against the closed-form dispatch on a zero-shock path.
            double lp = d.baseScenarioNpvUsd();
            assertThat(d.npvUsd().p50()).as(d.name()).isCloseTo(lp, within(1e-7 * Math.abs(lp)));
            assertThat(d.npvUsd().p10()).isEqualTo(d.npvUsd().p90());
        }
        // The optimizer's plan is at least as good as each fixed plan at the scenario.
        double opt = r.plans().get(0).npvUsd().p50();
        assertThat(r.plans().get(0).name()).isEqualTo(PlanEngine.OPTIMIZED);
        assertThat(opt).isGreaterThanOrEqualTo(r.plans().get(1).npvUsd().p50() - 1e-6 * Math.abs(opt));
    }

    /**
     * AI contracts in the path evaluator: the twelve-month case's colocation option with contract terms (150 USD/kW-month for 6
     * months, 3 % escalator, 2-month ramp, 60 % take-or-pay, 50 % tenant capex, 20 % prepayment, then nothing), a fixed plan
     * that signs 3 of 4 MW, and the optimizer's plan (its contracted split carried over): at zero volatility each plan's P50
     * equals the LP's NPV at the scenario, so the contracted cash (fixed price, prepayment, tenant capex, ramp) is the same in
     * both evaluations and only the spot MW follow the path.
     */
    @Test
    void contractedPlansP50EqualsTheLpAtZeroVolatility() {
        PlanProblem base = twelveMonths();
        ObjectNode json = node("""
                {'scenario': {'btc': {'priceUsd': 65000, 'annualGrowth': 0.3, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.03,
                                      'feesBtcPerBlock': 0.02},
                              'energy': {'node': 'SYNTH', 'replayYear': 2023}, 'discountRate': 0.08,
                              'ai': {'colocationRateDeclinePerYear': 0.1}},
                 'site': {'interconnectMw': 12},
                 'asicFleets': [{'name': 'S21', 'units': 2000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500, 'pue': 1.05}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 140, 'pue': 1.3, 'capexUsdPerMw': 2.0e6,
                                'leadTimeMonths': 2, 'capexTiming': 'SPREAD', 'maxItMw': 4,
                                'contract': {'termMonths': 6, 'priceUsdPerKwMonth': 150, 'escalatorPerYear': 0.03, 'rampMonths': 2,
                                             'takeOrPayShare': 0.6, 'tenantCapexShare': 0.5, 'prepaymentShare': 0.2, 'afterTerm': 'NONE'}}],
                 'finance': {'startingCashUsd': 5e6, 'creditLineUsd': 5e7},
                 'startMonth': '2026-01', 'months': 12}""");
        double[] year = new double[8760];
        for (int t = 0; t < year.length; t++) {
            year[t] = 30 + 25 * Math.sin(t / 7.0);
        }
        PlanProblem p = problem(json, (n, y) -> year);
        assertThat(base).isNotNull();
        FixedPlan signed = new FixedPlan("sign 3 of 4 MW", Map.of(FixedPlan.key("colo", 1), 4.0), Map.of(), Map.of(), Map.of(),
                Map.of(FixedPlan.key("colo", 1), 3.0));
        MonteCarloResult r = MonteCarloEngine.run(p, List.of(signed), true, settings(9, 1L, 2, 0.0, 0.0), RunControl.NONE);
        for (MonteCarloResult.PlanDistribution d : r.plans()) {
            assertThat(d.status()).isEqualTo("EVALUATED");
            double lp = d.baseScenarioNpvUsd();
            assertThat(d.npvUsd().p50()).as(d.name()).isCloseTo(lp, within(1e-7 * Math.abs(lp)));
        }
    }

    /**
     * The contracted twelve-month case with each terminal-value method (models/PLANS.md, "Terminal value"). A 9-month contract
     * signed in month 1 with a 2-month lead runs months 3–11 and its last 6 months fall beyond the horizon (CONTRACTED values
     * them); the 1 spot MW and the ASICs kept at the end make EXIT_MULTIPLE and PERPETUITY path-dependent. At zero volatility
     * each plan's terminal value on the path equals the plan LP's at the scenario, and its NPV with the terminal value the
     * LP's objective; the horizon's NPV stays apart (npvUsd = objective − terminal value). With volatility the spot rate and
     * the ASIC prices move the terminal value of EXIT_MULTIPLE from path to path; the contracted payments do not move.
     */
    @Test
    void terminalValueOnThePathsEqualsTheLpAtZeroVolatilityForEachMethod() {
        for (String method : List.of("'method': 'EXIT_MULTIPLE', 'exitMultipleOfEbitda': 8", "'method': 'PERPETUITY', 'perpetuityGrowthPerYear': 0.02",
                "'method': 'CONTRACTED'")) {
            ObjectNode json = node("""
                    {'scenario': {'btc': {'priceUsd': 65000, 'annualGrowth': 0.3, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.03,
                                          'feesBtcPerBlock': 0.02},
                                  'energy': {'node': 'SYNTH', 'replayYear': 2023}, 'discountRate': 0.08,
                                  'ai': {'colocationRateDeclinePerYear': 0.1}, 'asic': {'salvageUsdPerTh': 4, 'priceElasticity': 0.8}},
                     'site': {'interconnectMw': 12},
                     'asicFleets': [{'name': 'S21', 'units': 2000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500, 'pue': 1.05}],
                     'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 140, 'pue': 1.3, 'capexUsdPerMw': 2.0e6,
                                    'leadTimeMonths': 2, 'capexTiming': 'SPREAD', 'maxItMw': 4, 'fixedOpexUsdPerMwYear': 30000,
                                    'contract': {'termMonths': 15, 'priceUsdPerKwMonth': 150, 'escalatorPerYear': 0.03, 'rampMonths': 2,
                                                 'takeOrPayShare': 0.6, 'tenantCapexShare': 0.5, 'prepaymentShare': 0.2, 'afterTerm': 'NONE'}}],
                     'finance': {'startingCashUsd': 5e6, 'creditLineUsd': 5e7, 'terminalValue': {%s}},
                     'startMonth': '2026-01', 'months': 12}""".formatted(method));
            double[] year = new double[8760];
            for (int t = 0; t < year.length; t++) {
                year[t] = 30 + 25 * Math.sin(t / 7.0);
            }
            PlanProblem p = problem(json, (n, y) -> year);
            FixedPlan signed = new FixedPlan("sign 3 of 4 MW", Map.of(FixedPlan.key("colo", 1), 4.0), Map.of(), Map.of(), Map.of(),
                    Map.of(FixedPlan.key("colo", 1), 3.0));
            MonteCarloResult r = MonteCarloEngine.run(p, List.of(signed), false, settings(9, 1L, 2, 0.0, 0.0), RunControl.NONE);
            assertThat(r.plans()).hasSize(2);
            for (MonteCarloResult.PlanDistribution d : r.plans()) {
                assertThat(d.status()).isEqualTo("EVALUATED");
                double objective = d.baseScenarioNpvWithTerminalValueUsd();
                double terminal = objective - d.baseScenarioNpvUsd();
                assertThat(d.npvWithTerminalValueUsd().p50()).as(method + ": " + d.name()).isCloseTo(objective, within(1e-7 * Math.abs(objective)));
                assertThat(d.terminalValueUsd().p50()).as(method + ": " + d.name()).isCloseTo(terminal, within(1e-6 * Math.max(1.0, Math.abs(terminal))));
                assertThat(d.npvUsd().p50()).as(method + ": " + d.name()).isCloseTo(d.baseScenarioNpvUsd(),
                        within(1e-7 * Math.abs(d.baseScenarioNpvUsd())));
                assertThat(d.headline().text()).contains("terminal value at its end (" + method.substring(11, method.indexOf("'", 11)) + ")");
            }
            // every method values the ASICs kept at the end; the signed plan's AI part is positive under each method
            assertThat(r.plans().get(1).terminalValueUsd().p50()).as(method + ": the baseline's ASICs at salvage").isPositive();
            MonteCarloResult.PlanDistribution plan = r.plans().get(0);
            // the same ASICs are kept in both plans: the signed plan's terminal value is above the baseline's by its AI part
            assertThat(plan.terminalValueUsd().p50()).as(method).isGreaterThan(r.plans().get(1).terminalValueUsd().p50());
            assertThat(plan.incrementalNpvWithTerminalValueUsd().p50()).as(method).isCloseTo(
                    plan.npvWithTerminalValueUsd().p50() - r.plans().get(1).npvWithTerminalValueUsd().p50(), within(1e-6 * Math.abs(plan.npvWithTerminalValueUsd().p50())));
            if (method.contains("EXIT_MULTIPLE")) {
                MonteCarloResult risky = MonteCarloEngine.run(p, List.of(signed), false, settings(64, 3L, 2, 0.18, 0.05), RunControl.NONE);
                assertThat(risky.plans().get(0).terminalValueUsd().p10()).isLessThan(risky.plans().get(0).terminalValueUsd().p90());
            }
        }
    }

    @Test
    void historyCalibration() {
        BtcHistory h = BtcHistory.load();
        // 2015-01 … 2026: ~130 monthly returns; BTC's monthly log-return sd is roughly 15–25 %.
        assertThat(h.returns()).isGreaterThan(120);
        assertThat(h.volatilityMonthly()).isBetween(0.12, 0.30);
        assertThat(h.meanLogReturnMonthly()).isBetween(0.0, 0.08);
    }

    @Test
    void percentileIsLinearBetweenOrderStatistics() {
        double[] s = {0, 10, 20, 30, 40};
        assertThat(MonteCarloEngine.percentile(s, 0.5)).isEqualTo(20.0);
        assertThat(MonteCarloEngine.percentile(s, 0.1)).isCloseTo(4.0, within(1e-12));
        assertThat(MonteCarloEngine.percentile(s, 0.9)).isCloseTo(36.0, within(1e-12));
    }
}
