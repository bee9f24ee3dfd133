package com.gridpivot.risk;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.MonthBlock;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.result.PlanResult.MonthRow;
import com.gridpivot.planning.PlanSolver;
import com.gridpivot.lp.RunControl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sweeps of a plan: every point, tornado bar and frontier step against fresh plan runs and hand-computed values. */
class PlanSweepTest {

    /*
     * The tiny plan of PlanModelTest without lead time: S21 earns 100 $/MWh at $50,000 (hashprice 50 $/PH/day, 20.83 J/TH),
     * energy 20 $/MWh, a flat AI option 120 $/MWh, 10 MW of interconnect, a 5 MW fleet, r = 0, 3 months = 2,160 h.
     * At BTC scale k the mining margin is 100k − 20 against AI's 100: below k = 1.2 all 10 MW go to AI,
     * NPV 100·10·2,160 = 2,160,000; above, 5 MW mine beside 5 MW of AI: NPV 10,800·(100k − 20) + 1,080,000
     * (k = 1.5: 2,484,000; k = 2: 3,024,000).
     * Energy at 10 $/MWh (−50 %): AI earns 110 > mining 90 → 110·21,600 = 2,376,000; at 30 (+50 %): 90·21,600 = 1,944,000.
     */
    static ObjectNode tiny() {
        return node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0},
                 'site': {'name': 'tiny', 'interconnectMw': 10},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'maxItMw': 10, 'leadTimeMonths': 0}],
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR)));
    }

    /*
     * A plan where every input matters: two fleets, a GPU lease and a colocation option with capex, lead times and
     * spread capex, replayed hourly prices with spikes and negative hours (merit orders change with the energy and
     * hashprice scales), a discount rate, a credit line and a treasury.
     */
    static PlanProblem rich() {
        return rich(null);
    }

    /** The rich plan with this finance.tax (JSON, or null for none). */
    static PlanProblem rich(String tax) {
        ObjectNode json = node("""
                {'scenario': {'btc': {'priceUsd': 65000, 'annualGrowth': 0.3, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.03,
                                      'feesBtcPerBlock': 0.02},
                              'energy': {'node': 'SYNTH', 'replayYear': 2023}, 'discountRate': 0.08,
                              'ai': {'colocationRateDeclinePerYear': 0.1, 'gpuRateDeclinePerYear': 0.2},
                              'asic': {'salvageUsdPerTh': 2}},
                 'site': {'interconnectMw': 12, 'maxConversionMwPerMonth': 3},
                 'asicFleets': [{'name': 'S21', 'units': 2000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500, 'pue': 1.05, 'fixedOpexUsdPerMwYear': 20000},
                                {'name': 'S19', 'units': 1500, 'hashrateThPerUnit': 141, 'powerWPerUnit': 3032, 'pue': 1.2, 'variableOpexUsdPerMwh': 2}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 140, 'tenantPaysPower': true, 'pue': 1.3, 'capexUsdPerMw': 8e5,
                                'leadTimeMonths': 2, 'capexTiming': 'SPREAD', 'maxItMw': 4},
                               {'name': 'gpu', 'revenueUsdPerMwh': 190, 'pue': 1.25, 'capexUsdPerMw': 1.1e6, 'leadTimeMonths': 1, 'maxItMw': 5}],
                 'finance': {'startingCashUsd': 1e6, 'creditLineUsd': 3e6, 'treasuryBtc': 20},
                 'startMonth': '2026-01', 'months': 18}""");
        if (tax != null) {
            ((ObjectNode) json.get("finance")).set("tax", node(tax));
        }
        double[] year = new double[8760];
        for (int t = 0; t < year.length; t++) {
            year[t] = 45 + 30 * Math.sin(t / 7.0) + (t % 97 == 0 ? 900 : 0) - (t % 53 == 0 ? 80 : 0);
        }
        return problem(json, (n, y) -> year);
    }

    static PlanSweepService.Validated sweep(PlanProblem p, List<SweepInput> axes, List<double[]> values, List<SweepInput> tornado,
                                            double delta) {
        return new PlanSweepService.Validated(null, new ParametricPlan(p), axes, values, tornado, delta);
    }

    static PlanSweepResult run(PlanSweepService.Validated v, int threads) {
        return new PlanSweepService(null, null).run(v, threads, k -> { }, () -> false);
    }

    /** The point against a fresh plan run (PlanEngine.optimize, as POST /api/v1/plans/runs) at the same inputs. */
    static void assertSameAsPlanRun(ParametricPlan pp, PlanSweepPointResult point, Map<SweepInput, Double> values) {
        PlanResult run = PlanEngine.optimize(pp.at(values), RunControl.NONE);
        assertThat(point.status().name()).isEqualTo(run.status());
        assertThat(point.npvUsd()).as("NPV at %s", values).isCloseTo(run.npvUsd(), within(1e-6 * Math.abs(run.npvUsd())));
        MonthRow last = run.monthly().get(run.monthly().size() - 1);
        assertThat(point.aiItMwEnd()).as("AI MW at %s", values).isCloseTo(last.aiOnlineTotalMw(), within(1e-6));
        double asicEnd = last.asicKeptMw().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(point.asicItMwEnd()).as("ASIC MW at %s", values).isCloseTo(asicEnd, within(1e-6));
        String first = run.monthly().stream().filter(m -> m.aiOnlineTotalMw() > 1e-6).map(MonthRow::month).findFirst().orElse(null);
        assertThat(point.firstAiOnlineMonth()).isEqualTo(first);
        last.aiOnlineMw().forEach((name, mw) -> assertThat(point.aiItMwEndByOption().get(name)).isCloseTo(mw, within(1e-6)));
    }

    static Map<SweepInput, Double> valuesOf(PlanSweepPointResult p) {
        Map<SweepInput, Double> out = new java.util.EnumMap<>(SweepInput.class);
        p.values().forEach((k, v) -> out.put(SweepInput.valueOf(k), v));
        return out;
    }

    @Test
    void theTinyPlanSweepMatchesTheHandValues() {
        PlanProblem p = problem(tiny());
        PlanSweepResult r = run(sweep(p, List.of(SweepInput.BTC_PRICE_SCALE), List.of(new double[] {0.5, 1.0, 1.5, 2.0}),
                List.of(SweepInput.BTC_PRICE_SCALE, SweepInput.ENERGY_PRICE_SCALE), 0.5), 2);
        assertThat(r.stats().sharedModel()).isTrue();
        double[] npv = {2_160_000, 2_160_000, 2_484_000, 3_024_000};
        double[] ai = {10, 10, 5, 5};
        for (int k = 0; k < 4; k++) {
            PlanSweepPointResult pt = r.points().get(k);
            assertThat(pt.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(pt.npvUsd()).isCloseTo(npv[k], within(1e-4));
            assertThat(pt.aiItMwEnd()).isCloseTo(ai[k], within(1e-7));
            if (k >= 2) {
                assertThat(pt.asicItMwEnd()).isCloseTo(5.0, within(1e-7)); // below 1.2 idle ASICs may be kept or retired (both 0 $)
            }
            assertThat(pt.firstAiOnlineMonth()).isEqualTo("2026-01");
        }
        assertThat(r.base().npvUsd()).isCloseTo(2_160_000, within(1e-4));
        // The frontier: below 1.2× the BTC price path the next 5 MW go to AI.
        assertThat(r.frontier()).hasSize(1);
        assertThat(r.frontier().get(0).value()).isCloseTo(1.2, within(2e-5));
        assertThat(r.frontier().get(0).aiItMwBelow()).isCloseTo(10.0, within(1e-7));
        assertThat(r.frontier().get(0).aiItMwAbove()).isCloseTo(5.0, within(1e-7));
        assertThat(r.frontier().get(0).description()).contains("Below 1.2000× the BTC price path converts 5.000 MW more to AI");
        // Tornado ±50 %: BTC 0.5 → 2,160,000, 1.5 → 2,484,000; energy 10 → 2,376,000, 30 → 1,944,000 (largest swing first).
        assertThat(r.tornado()).extracting(SweepResult.TornadoBar::input).containsExactly("ENERGY_PRICE_SCALE", "BTC_PRICE_SCALE");
        SweepResult.TornadoBar energy = r.tornado().get(0);
        assertThat(energy.netUsdLow()).isCloseTo(2_376_000, within(1e-4));
        assertThat(energy.netUsdHigh()).isCloseTo(1_944_000, within(1e-4));
        assertThat(energy.swingUsd()).isCloseTo(432_000, within(1e-4));
        SweepResult.TornadoBar btc = r.tornado().get(1);
        assertThat(btc.lowValue()).isEqualTo(0.5);
        assertThat(btc.netUsdLow()).isCloseTo(2_160_000, within(1e-4));
        assertThat(btc.netUsdHigh()).isCloseTo(2_484_000, within(1e-4));
    }

    /* The HOURLY hour model: one row set per hour is exact at every point, so one model serves the sweep, frontier included. */
    @Test
    void anHourlyPlanSweepsWithOneModel() {
        ObjectNode json = tiny();
        json.put("hourModel", "HOURLY");
        PlanSweepResult r = run(sweep(problem(json), List.of(SweepInput.BTC_PRICE_SCALE), List.of(new double[] {1.0, 1.5}), List.of(), 0.2), 1);
        assertThat(r.stats().sharedModel()).isTrue();
        assertThat(r.stats().hourBlocks()).isEqualTo(2_160);
        assertThat(r.lpModelsBuilt()).isEqualTo(1);
        // the one model has the hourly plan run's size; its build and solves are timed apart
        PlanResult fresh = PlanEngine.optimize(problem(json), RunControl.NONE);
        assertThat(r.stats().variables()).isEqualTo(fresh.solver().variables());
        assertThat(r.stats().rows()).isEqualTo(fresh.solver().constraints());
        assertThat(r.stats().buildMs()).isPositive();
        assertThat(r.stats().solveMs()).isPositive();
        assertThat(r.points().get(0).npvUsd()).isCloseTo(2_160_000, within(1e-4));
        assertThat(r.points().get(1).npvUsd()).isCloseTo(2_484_000, within(1e-4));
        assertThat(r.frontier()).singleElement().satisfies(s -> assertThat(s.value()).isCloseTo(1.2, within(1e-5)));
    }

    @Test
    void everyPointOfAOneAxisPlanSweepEqualsAFreshPlanRun() {
        PlanProblem p = rich();
        ParametricPlan pp = new ParametricPlan(p);
        double[] btc = {0.3, 0.6, 0.9, 1.2, 1.5, 1.8};
        PlanSweepResult r = run(sweep(p, List.of(SweepInput.BTC_PRICE_SCALE), List.of(btc), List.of(), 0.2), 2);
        assertThat(r.stats().sharedModel()).isTrue();
        assertThat(r.points()).hasSize(btc.length);
        Set<Long> distinctAi = new HashSet<>();
        for (PlanSweepPointResult pt : r.points()) {
            assertSameAsPlanRun(pp, pt, valuesOf(pt));
            distinctAi.add(Math.round(pt.aiItMwEnd() * 1e4));
        }
        // The sweep is not flat: the AI decision changes with the BTC price.
        assertThat(distinctAi).hasSizeGreaterThan(1);
        assertSameAsPlanRun(pp, r.base(), Map.of());
        // Every frontier step is a real jump: fresh plan runs just below and just above give the two MW. Where the cash
        // floor binds the AI MW moves continuously with the BTC price instead: those stretches are named, not sliced.
        assertThat(r.frontier()).isNotEmpty();
        assertThat(r.frontierNote()).contains("between BTC_PRICE_SCALE = 0.300000 and 0.600000 the AI IT MW moves continuously");
        for (SweepResult.FrontierStep s : r.frontier()) {
            double eps = 3 * PlanSweepService.FRONTIER_TOLERANCE * (btc[btc.length - 1] - btc[0]);
            assertThat(PlanSweepSolver.single(pp, Map.of(SweepInput.BTC_PRICE_SCALE, s.value() - eps)).aiItMwEnd())
                    .isCloseTo(s.aiItMwBelow(), within(1e-6));
            // 1e-5 MW: 3 tolerances past the step the MW may still move with the cash (since ASIC salvage follows hashprice,
            // issue 14 item 5, by 1.2e-6 MW at this step)
            assertThat(PlanSweepSolver.single(pp, Map.of(SweepInput.BTC_PRICE_SCALE, s.value() + eps)).aiItMwEnd())
                    .isCloseTo(s.aiItMwAbove(), within(1e-5));
        }
    }

    /* A frontier over an input that leaves the merit orders alone: the bisection re-uses one model; its steps are real. */
    @Test
    void aColocationFrontierFromAReusedModelHasRealSteps() {
        PlanProblem p = rich();
        ParametricPlan pp = new ParametricPlan(p);
        double[] colo = {0.2, 0.6, 1.0, 1.4, 1.8};
        PlanSweepResult r = run(sweep(p, List.of(SweepInput.COLOCATION_SCALE), List.of(colo), List.of(), 0.2), 2);
        assertThat(r.stats().sharedModel()).isTrue();
        assertThat(r.lpModelsBuilt()).isEqualTo(2);
        for (PlanSweepPointResult pt : r.points()) {
            assertSameAsPlanRun(pp, pt, valuesOf(pt));
        }
        assertThat(r.frontier()).isNotEmpty();
        for (SweepResult.FrontierStep s : r.frontier()) {
            double eps = 3 * PlanSweepService.FRONTIER_TOLERANCE * (colo[colo.length - 1] - colo[0]);
            assertThat(PlanSweepSolver.single(pp, Map.of(SweepInput.COLOCATION_SCALE, s.value() - eps)).aiItMwEnd())
                    .isCloseTo(s.aiItMwBelow(), within(1e-6));
            assertThat(PlanSweepSolver.single(pp, Map.of(SweepInput.COLOCATION_SCALE, s.value() + eps)).aiItMwEnd())
                    .isCloseTo(s.aiItMwAbove(), within(1e-6));
        }
    }

    /*
     * The bisection's expected solves by hand: values 0, 1, 2, 3 with one jump (between 1 and 2): tolerance 1e-5 · 3 = 3e-5,
     * ⌈log₂(1 / 3e-5)⌉ = ⌈15.02⌉ = 16; two jumps of widths 1 and 2: 16 + ⌈log₂(2 / 3e-5)⌉ = 16 + 17 = 33; none: 1.
     */
    @Test
    void theFrontiersExpectedSolvesCountTheHalvingsOfEachJump() {
        double[] v = {0, 1, 2, 3};
        assertThat(PlanSweepService.frontierSolves(v, new double[] {0, 0, 5, 5})).isEqualTo(16);
        assertThat(PlanSweepService.frontierSolves(new double[] {0, 1, 3}, new double[] {0, 2, 5})).isEqualTo(33);
        assertThat(PlanSweepService.frontierSolves(v, new double[] {1, 1, 1, 1})).isEqualTo(1);
    }

    /* The frontier's bisection moves the run's progress (it sat at 95 % for 90 s): non-decreasing percents up to < 100. */
    @Test
    void theFrontiersBisectionReportsItsProgress() {
        PlanProblem p = rich();
        double[] colo = {0.2, 0.6, 1.0, 1.4, 1.8};
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        PlanSweepResult r = new PlanSweepService(null, null).run(sweep(p, List.of(SweepInput.COLOCATION_SCALE), List.of(colo), List.of(), 0.2),
                2, k -> { }, () -> false, seen::add);
        assertThat(r.frontier()).isNotEmpty();
        assertThat(seen).as("one report per bisection solve").hasSizeGreaterThanOrEqualTo(10);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).isGreaterThanOrEqualTo(seen.get(i - 1));
        }
        assertThat(seen.get(seen.size() - 1)).isBetween(50, 99);
    }

    @Test
    void everyPointOfTwoAxisPlanSweepsEqualsAFreshPlanRun() {
        PlanProblem p = rich();
        ParametricPlan pp = new ParametricPlan(p);
        List<List<SweepInput>> pairs = List.of(List.of(SweepInput.ENERGY_PRICE_SCALE, SweepInput.GPU_LEASE_SCALE),
                List.of(SweepInput.CAPEX_SCALE, SweepInput.DISCOUNT_RATE), List.of(SweepInput.HASHPRICE_SCALE, SweepInput.COLOCATION_SCALE));
        List<double[]> ranges = List.of(new double[] {0.5, 1.0, 1.6}, new double[] {0.6, 1.4}, new double[] {0.3, 1.0, 2.5},
                new double[] {0.0, 0.25}, new double[] {0.5, 1.5}, new double[] {0.7, 1.0, 1.3});
        for (int a = 0; a < pairs.size(); a++) {
            PlanSweepResult r = run(sweep(p, pairs.get(a), List.of(ranges.get(2 * a), ranges.get(2 * a + 1)), List.of(), 0.2), 2);
            assertThat(r.stats().sharedModel()).as("shared model for %s", pairs.get(a)).isTrue();
            assertThat(r.points()).hasSize(ranges.get(2 * a).length * ranges.get(2 * a + 1).length);
            assertThat(r.frontier()).isNull();
            for (PlanSweepPointResult pt : r.points()) {
                assertSameAsPlanRun(pp, pt, valuesOf(pt));
            }
        }
    }

    /* When the refined blocks would grow too much: one model per (hashprice, energy) pair, re-used across the lease values. */
    @Test
    void perPairModelsAreReusedAcrossTheOtherInputs() {
        PlanProblem p = rich();
        ParametricPlan pp = new ParametricPlan(p);
        List<Map<SweepInput, Double>> points = SweepService.combinations(List.of(SweepInput.GPU_LEASE_SCALE, SweepInput.ENERGY_PRICE_SCALE),
                List.of(new double[] {0.6, 1.0, 1.4}, new double[] {0.5, 1.0, 1.6}));
        PlanSweepSolver.Outcome o = PlanSweepSolver.solve(pp, points, 1, k -> { }, () -> false, 0);
        assertThat(o.sharedModel()).isFalse();
        assertThat(o.models()).isEqualTo(3);
        for (int k = 0; k < points.size(); k++) {
            assertThat(o.points()[k].values()).isEqualTo(SweepService.label(points.get(k)));
            assertSameAsPlanRun(pp, o.points()[k], points.get(k));
        }
    }

    @Test
    void theTornadoBarsAreTwoFreshPlanRunsEach() {
        PlanProblem p = rich();
        ParametricPlan pp = new ParametricPlan(p);
        List<SweepInput> inputs = PlanSweepService.defaultTornado(p);
        assertThat(inputs).containsExactly(SweepInput.BTC_PRICE_SCALE, SweepInput.COLOCATION_SCALE, SweepInput.ENERGY_PRICE_SCALE,
                SweepInput.CAPEX_SCALE, SweepInput.DISCOUNT_RATE);
        PlanSweepResult r = run(sweep(p, List.of(SweepInput.CAPEX_SCALE), List.of(new double[] {0.5, 1.5}), inputs, 0.3), 1);
        assertThat(r.tornado()).hasSize(inputs.size());
        for (SweepResult.TornadoBar bar : r.tornado()) {
            SweepInput in = SweepInput.valueOf(bar.input());
            double base = in == SweepInput.DISCOUNT_RATE ? 0.08 : 1.0;
            assertThat(bar.lowValue()).isCloseTo(base * 0.7, within(1e-12));
            assertThat(bar.highValue()).isCloseTo(base * 1.3, within(1e-12));
            double lo = PlanEngine.optimize(pp.at(Map.of(in, bar.lowValue())), RunControl.NONE).npvUsd();
            double hi = PlanEngine.optimize(pp.at(Map.of(in, bar.highValue())), RunControl.NONE).npvUsd();
            assertThat(bar.netUsdLow()).as("%s low", in).isCloseTo(lo, within(1e-6 * Math.abs(lo)));
            assertThat(bar.netUsdHigh()).as("%s high", in).isCloseTo(hi, within(1e-6 * Math.abs(hi)));
            assertThat(bar.swingUsd()).isCloseTo(Math.abs(hi - lo), within(1e-6 * Math.abs(lo)));
        }
        for (int k = 1; k < r.tornado().size(); k++) {
            assertThat(r.tornado().get(k).swingUsd()).isLessThanOrEqualTo(r.tornado().get(k - 1).swingUsd());
        }
    }

    /*
     * The re-used model itself: built once for the base with blocks refined over base and variant, solved at the base,
     * then its coefficients changed to the variant's and re-solved from that basis. Objective and every decision equal a
     * model built fresh for the variant (its own exact blocks).
     */
    /*
     * With finance.tax (21 %, ASICs MACRS 5 with 50 % bonus, GPUs straight-line, a quarter of AI capex buildings, BTC basis
     * 30,000; 18 months from 2026-01: tax years 2026 and 2027) a reused model's taxable-income rows take the point's scaled
     * terms (TaxRows.setIncome): its optimum equals a fresh build at the point, and differs from the base.
     */
    @Test
    void aReusedModelWithTaxEqualsAFreshBuildAtChangedCoefficients() {
        PlanProblem p = rich("{'incomeTaxRateShare': 0.21, 'depreciation': {'asics': {'schedule': 'MACRS_5', 'bonusShare': 0.5}},"
                + " 'buildingsShareOfAiCapex': 0.25, 'btcCostBasisUsdPerBtc': 30000}");
        ParametricPlan pp = new ParametricPlan(p);
        Map<SweepInput, Double> variant = Map.of(SweepInput.BTC_PRICE_SCALE, 1.6, SweepInput.ENERGY_PRICE_SCALE, 0.8,
                SweepInput.CAPEX_SCALE, 1.2, SweepInput.DISCOUNT_RATE, 0.12);
        List<ParametricPlan.Factors> factors = List.of(pp.factors(Map.of()), pp.factors(variant));
        List<List<MonthBlock>> blocks = PlanSweepSolver.refined(p, factors, Integer.MAX_VALUE);
        try (PlanModel reused = PlanModelBuilder.build(p, null, blocks);
             PlanModel fresh = PlanModelBuilder.build(pp.at(variant), null)) {
            double baseNpv = PlanSolver.solve(reused, RunControl.NONE).outcome().objective();
            var optionOf = new IdentityHashMap<com.google.ortools.linearsolver.MPVariable, PlanProblem.PlanOption>();
            for (int j = 0; j < p.options().size(); j++) {
                for (var v : reused.online()[j]) {
                    optionOf.put(v, p.options().get(j));
                }
            }
            PlanSweepSolver.apply(reused, factors.get(1), optionOf);
            var a = PlanSolver.solve(reused, RunControl.NONE).outcome();
            var b = PlanSolver.solve(fresh, RunControl.NONE).outcome();
            assertThat(a.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(a.objective()).isCloseTo(b.objective(), within(1e-7 * Math.abs(b.objective())));
            assertThat(a.objective()).isNotCloseTo(baseNpv, within(1e-3 * Math.abs(baseNpv)));
            double taxA = 0.0;
            double taxB = 0.0;
            for (int y = 0; y < 2; y++) {
                taxA += reused.financing().tax().taxUsd()[y].solutionValue();
                taxB += fresh.financing().tax().taxUsd()[y].solutionValue();
            }
            assertThat(taxB).as("the point pays tax").isGreaterThan(1.0);
            assertThat(taxA).isCloseTo(taxB, within(1e-6 * taxB + 1e-3));
        }
    }

    /**
     * A plan sweep's point on a reused model tests the point's EBITDA in the debt-to-EBITDA covenant (it kept the base's
     * before): the rich plan funded by a priced revolving line under a maximum debt of 0.4 × trailing EBITDA, at BTC × 0.7
     * and energy × 1.2 (less EBITDA: the covenant tighter), equals a fresh build of that point.
     */
    @Test
    void aReusedModelWithADebtToEbitdaCovenantEqualsAFreshBuild() {
        PlanProblem base = rich();
        ObjectNode json = node("""
                {'scenario': {'btc': {'priceUsd': 65000, 'annualGrowth': 0.3, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.03,
                                      'feesBtcPerBlock': 0.02},
                              'energy': {'node': 'SYNTH', 'replayYear': 2023}, 'discountRate': 0.08,
                              'ai': {'colocationRateDeclinePerYear': 0.1, 'gpuRateDeclinePerYear': 0.2},
                              'asic': {'salvageUsdPerTh': 2}},
                 'site': {'interconnectMw': 12, 'maxConversionMwPerMonth': 3},
                 'asicFleets': [{'name': 'S21', 'units': 2000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500, 'pue': 1.05, 'fixedOpexUsdPerMwYear': 20000},
                                {'name': 'S19', 'units': 1500, 'hashrateThPerUnit': 141, 'powerWPerUnit': 3032, 'pue': 1.2, 'variableOpexUsdPerMwh': 2}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 140, 'tenantPaysPower': true, 'pue': 1.3, 'capexUsdPerMw': 8e5,
                                'leadTimeMonths': 2, 'capexTiming': 'SPREAD', 'maxItMw': 4},
                               {'name': 'gpu', 'revenueUsdPerMwh': 190, 'pue': 1.25, 'capexUsdPerMw': 1.1e6, 'leadTimeMonths': 1, 'maxItMw': 5}],
                 'finance': {'startingCashUsd': 2e5, 'treasuryBtc': 20,
                             'revolvingCredit': {'limitUsd': 6e6, 'interestRatePerYear': 0.1, 'commitmentFeePerYear': 0.005},
                             'covenants': {'maxDebtToTrailingEbitda': 0.4}},
                 'startMonth': '2026-01', 'months': 18}""");
        double[] year = new double[8760];
        for (int t = 0; t < year.length; t++) {
            year[t] = 45 + 30 * Math.sin(t / 7.0) + (t % 97 == 0 ? 900 : 0) - (t % 53 == 0 ? 80 : 0);
        }
        PlanProblem p = problem(json, (n, y) -> year);
        assertThat(base).isNotNull();
        ParametricPlan pp = new ParametricPlan(p);
        Map<SweepInput, Double> variant = Map.of(SweepInput.BTC_PRICE_SCALE, 0.7, SweepInput.ENERGY_PRICE_SCALE, 1.2);
        List<ParametricPlan.Factors> factors = List.of(pp.factors(Map.of()), pp.factors(variant));
        List<List<MonthBlock>> blocks = PlanSweepSolver.refined(p, factors, Integer.MAX_VALUE);
        try (PlanModel reused = PlanModelBuilder.build(p, null, blocks);
             PlanModel fresh = PlanModelBuilder.build(pp.at(variant), null)) {
            assertThat(reused.financing().covenants().maxDebtToEbitda()).as("the covenant rows are built").isNotNull();
            PlanSolver.solve(reused, RunControl.NONE);
            var optionOf = new IdentityHashMap<com.google.ortools.linearsolver.MPVariable, PlanProblem.PlanOption>();
            for (int j = 0; j < p.options().size(); j++) {
                for (var v : reused.online()[j]) {
                    optionOf.put(v, p.options().get(j));
                }
            }
            PlanSweepSolver.apply(reused, factors.get(1), optionOf);
            var a = PlanSolver.solve(reused, RunControl.NONE).outcome();
            var b = PlanSolver.solve(fresh, RunControl.NONE).outcome();
            assertThat(b.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(a.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(a.objective()).isCloseTo(b.objective(), within(1e-7 * Math.abs(b.objective())));
        }
    }

    @Test
    void aReusedModelEqualsAFreshBuildAtChangedCoefficients() {
        PlanProblem p = rich();
        ParametricPlan pp = new ParametricPlan(p);
        Map<SweepInput, Double> variant = Map.of(SweepInput.BTC_PRICE_SCALE, 0.55, SweepInput.ENERGY_PRICE_SCALE, 1.3,
                SweepInput.COLOCATION_SCALE, 1.4, SweepInput.CAPEX_SCALE, 0.8, SweepInput.DISCOUNT_RATE, 0.15);
        List<ParametricPlan.Factors> factors = List.of(pp.factors(Map.of()), pp.factors(variant));
        List<List<MonthBlock>> blocks = PlanSweepSolver.refined(p, factors, Integer.MAX_VALUE);
        try (PlanModel reused = PlanModelBuilder.build(p, null, blocks);
             PlanModel fresh = PlanModelBuilder.build(pp.at(variant), null)) {
            double baseNpv = PlanSolver.solve(reused, RunControl.NONE).outcome().objective();
            assertThat(baseNpv).isCloseTo(PlanEngine.optimize(p, RunControl.NONE).npvUsd(), within(1e-6 * Math.abs(baseNpv)));
            var optionOf = new IdentityHashMap<com.google.ortools.linearsolver.MPVariable, PlanProblem.PlanOption>();
            for (int j = 0; j < p.options().size(); j++) {
                for (var v : reused.online()[j]) {
                    optionOf.put(v, p.options().get(j));
                }
            }
            PlanSweepSolver.apply(reused, factors.get(1), optionOf);
            var a = PlanSolver.solve(reused, RunControl.NONE).outcome();
            var b = PlanSolver.solve(fresh, RunControl.NONE).outcome();
            assertThat(a.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(a.objective()).isCloseTo(b.objective(), within(1e-7 * Math.abs(b.objective())));
            assertThat(a.objective()).isNotCloseTo(baseNpv, within(1e-3 * Math.abs(baseNpv)));
            // (Selling treasury BTC in the last month is worth exactly 0 — price in = end value out — so sales are left out.)
            List<double[]> da = decisions(reused);
            List<double[]> db = decisions(fresh);
            for (int k = 0; k < da.size(); k++) {
                assertThat(da.get(k)).containsExactly(db.get(k), within(1e-6));
            }
            // The cash rows changed too: the month-0 cash of both models agrees.
            assertThat(reused.cash()[0].solutionValue()).isCloseTo(fresh.cash()[0].solutionValue(), within(1e-3));
        }
    }

    private static List<double[]> decisions(PlanModel m) {
        List<double[]> out = new ArrayList<>();
        for (var row : List.of(m.start(), m.online(), m.kept(), m.retired())) {
            for (var vars : row) {
                out.add(java.util.Arrays.stream(vars).mapToDouble(v -> v.solutionValue()).toArray());
            }
        }
        return out;
    }

    @Test
    void theOpenApiExampleIsAPlanSweepRequest() throws Exception {
        SweepRequest r = com.gridpivot.planning.PlanTestSupport.JSON.readValue(com.gridpivot.api.plans.PlanExamples.PLAN_SWEEP_REQUEST,
                SweepRequest.class);
        assertThat(r.allocation()).isNull();
        assertThat(r.plan().scenarioId()).isEqualTo(1L);
        assertThat(r.axes().get(0).input()).isEqualTo("BTC_PRICE_SCALE");
        assertThat(r.tornado().deltaFraction()).isEqualTo(0.2);
    }

    @Test
    void aSweepAfterACancelHasNoFrontier() {
        PlanProblem p = problem(tiny());
        int[] calls = {0};
        PlanSweepResult r = new PlanSweepService(null, null).run(sweep(p, List.of(SweepInput.BTC_PRICE_SCALE),
                List.of(new double[] {0.5, 1.0, 1.5, 2.0}), List.of(), 0.2), 1, k -> { }, () -> ++calls[0] > 2);
        assertThat(r.points()).hasSize(2);
        assertThat(r.frontier()).isNull();
        assertThat(r.frontierNote()).contains("cancelled");
    }
}
