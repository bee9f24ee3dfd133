package com.gridpivot.risk.stochastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.montecarlo.MonteCarloSettings.DriftMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The L-shaped decomposition equals the extensive form (the test oracle) on small sampled cases. */
class SaaDecompositionTest {

    static MonteCarloSettings mc(int n, long seed) {
        return MonteCarloSettings.gbm(n, seed, 2, 0.18, DriftMode.SCENARIO, 0.0, 0.6, 3, 0.05, 20);
    }

    static StochasticProblem extensive(PlanProblem base, MonteCarloSettings mc, int[] paths) {
        List<PlanProblem> ps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] p = new double[paths.length];
        for (int k = 0; k < paths.length; k++) {
            ps.add(ScenarioSampler.sample(base, mc, paths[k]));
            names.add("sample " + (k + 1));
            p[k] = 1.0 / paths.length;
        }
        return new StochasticProblem(names, p, ps, 0, null);
    }

    static void sameAsExtensive(PlanProblem base, int n, long seed) {
        MonteCarloSettings mc = mc(n, seed);
        int[] paths = new int[n];
        Arrays.setAll(paths, k -> k);
        StochasticEngine.Solved ef = StochasticEngine.solve(extensive(base, mc, paths), false, RunControl.NONE);
        assertThat(ef.outcome().status().name()).isEqualTo("OPTIMAL");
        double rp = StochasticEngine.expected(extensive(base, mc, paths).probabilities(), ef.npvUsd());
        SaaDecomposition.Outcome d = SaaDecomposition.solve(base, mc, paths, new SaaDecomposition.Options(1e-7, 500, 2, 120), RunControl.NONE);
        System.out.printf("n=%d EF %.4f  decomposition LB %.4f UB %.4f it %d cuts %d/%d%n", n, rp, d.lowerBoundUsd(), d.upperBoundUsd(),
                d.iterations(), d.optimalityCuts(), d.feasibilityCuts());
        System.out.println(d.decisions());
        assertThat(d.status()).isEqualTo("OPTIMAL");
        double tol = 1e-7 * Math.max(1.0, Math.abs(rp)) + 1e-3;
        assertThat(d.lowerBoundUsd()).isCloseTo(rp, within(tol));
        assertThat(d.upperBoundUsd()).isGreaterThanOrEqualTo(rp - tol);
        for (int k = 0; k < n; k++) {
            // each sample's NPV of the decomposition's plan, from its own second stage, sums to the bound
            assertThat(d.npvUsd()[k]).isFinite();
        }
        assertThat(Arrays.stream(d.npvUsd()).sum() / n).isCloseTo(d.lowerBoundUsd(), within(1e-6 * Math.abs(rp)));
    }

    /**
     * 24 months, two fleets, two AI options attractive enough to convert part of the site, capex that the cash must carry:
     * with a credit line of {@code creditUsd} the cash floor cuts the plan (feasibility cuts), without it only margins do.
     */
    static PlanProblem converting(String credit) {
        var json = com.gridpivot.planning.PlanTestSupport.node(("""
                {'scenario': {'btc': {'priceUsd': 65000, 'annualGrowth': 0.1, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.03,
                                      'feesBtcPerBlock': 0.02},
                              'energy': {'node': 'SYNTH', 'replayYear': 2023}, 'discountRate': 0.1,
                              'ai': {'colocationRateDeclinePerYear': 0.1}},
                 'site': {'interconnectMw': 12},
                 'asicFleets': [{'name': 'S21', 'units': 2000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500, 'pue': 1.05, 'fixedOpexUsdPerMwYear': 20000},
                                {'name': 'S19', 'units': 1500, 'hashrateThPerUnit': 141, 'powerWPerUnit': 3032, 'pue': 1.2, 'variableOpexUsdPerMwh': 2}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 190, 'tenantPaysPower': true, 'pue': 1.3, 'capexUsdPerMw': 2e6,
                                'leadTimeMonths': 2, 'capexTiming': 'SPREAD'},
                               {'name': 'flat', 'revenueUsdPerMwh': 400, 'tenantPaysPower': false, 'pue': 1.2, 'maxItMw': 3, 'capexUsdPerMw': 2e6,
                                'leadTimeMonths': 1}],
                 'finance': {'startingCashUsd': 2e6, 'treasuryBtc': 5 %s},
                 'startMonth': '2026-01', 'months': 24}""").formatted(credit));
        double[] year = new double[8760];
        for (int t = 0; t < year.length; t++) {
            year[t] = 30 + 25 * Math.sin(t / 7.0) + (t % 97 == 0 ? 900 : 0) - (t % 53 == 0 ? 60 : 0);
        }
        return com.gridpivot.planning.PlanTestSupport.problem(json, (n, y) -> year);
    }

    @Test
    void convertingPlanTwelveSamples() {
        sameAsExtensive(converting(""), 12, 11L);
    }

    @Test
    void cashFloorFeasibilityCuts() {
        sameAsExtensive(converting(", 'creditLineUsd': 4e6"), 10, 5L);
    }

    @Test
    void twelveMonthsEightSamples() {
        sameAsExtensive(com.gridpivot.risk.MonteCarloEngineTestAccess.twelveMonths(), 8, 7L);
    }
}
