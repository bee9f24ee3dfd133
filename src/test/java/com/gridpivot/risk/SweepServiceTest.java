package com.gridpivot.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.EngineTestSupport;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.testdata.RealData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sweeps solve one shared model; every point must equal the what-if solved on its own. */
class SweepServiceTest {

    /*
     * One fleet, one option, by hand: S21 (17.5 J/TH, pue 1), flat price 30, AI flat 120 $/MWh (pue 1), interconnect
     * 10 MW, fleet 14 MW. AI earns 120 − 30 = 90 per MWh, the fleet h·1000/420 − 30: AI wins when h·1000/420 < 120, i.e.
     * hashprice < 50.4. The base hashprice 45 holds at BTC $90,000, so the frontier is at 90,000 × 50.4/45 = $100,800:
     * below it all 10 MW are AI, above it none.
     */
    static final String ONE_FLEET_ONE_OPTION = """
            {'site': {'interconnectMw': 10},
             'asicFleets': [{'name': 'S21', 'units': 4000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500}],
             'aiOptions': [{'name': 'AI', 'revenueUsdPerMwh': 120}],
             'market': {'energyPriceUsdPerMwh': 30, 'hours': 24, 'hashpriceUsdPerPhDay': 45}}""";

    @Test
    void frontierMatchesTheHandBreakeven() {
        ParametricAllocation pa = new ParametricAllocation(EngineTestSupport.problem(ONE_FLEET_ONE_OPTION), 90_000.0);
        SweepService.Plan plan = new SweepService.Plan(pa, List.of(SweepInput.BTC_PRICE_USD),
                List.of(new double[] {60_000, 70_000, 80_000, 90_000, 100_000, 110_000, 120_000, 130_000, 140_000, 150_000}), List.of(), 0.2);
        SweepResult r = new SweepService(null, 2000).run(plan, 2, k -> { }, () -> false);
        assertThat(r.points()).hasSize(10);
        assertThat(r.points().get(4).totalAiItMw()).isCloseTo(10.0, within(1e-9));   // $100,000
        assertThat(r.points().get(5).totalAiItMw()).isCloseTo(0.0, within(1e-9));    // $110,000
        assertThat(r.frontier()).hasSize(1);
        SweepResult.FrontierStep step = r.frontier().get(0);
        assertThat(step.value()).isCloseTo(100_800.0, within(0.02));
        assertThat(step.aiItMwBelow()).isCloseTo(10.0, within(1e-9));
        assertThat(step.aiItMwAbove()).isCloseTo(0.0, within(1e-9));
        assertThat(step.description()).startsWith("Below a BTC price of $100,800 converts 10.000 MW more to AI");
    }

    /*
     * Every point of a 2-D sweep on the real year equals the single what-if at the same inputs, on both paths: BTC price
     * changes the fleets' merit orders (each point gets its own exact model), GPU rate and capex do not (one shared
     * model, only objective and budget coefficients change between points).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"BTC_PRICE_USD, 30000, 150000, false", "CAPEX_SCALE, 0.5, 1.5, true"})
    void everySweepPointEqualsTheSingleWhatIf(SweepInput first, double from, double to, boolean shared) {
        AllocationProblem base = new com.gridpivot.optimization.input.AllocationProblemAssembler(EngineTestSupport.CATALOG,
                com.gridpivot.optimization.input.SolverKind.GLOP, 600)
                .assemble(EngineTestSupport.JSON.convertValue(RealData.yearRequest("GLOP", "EXACT"), com.gridpivot.optimization.input.AllocationRequest.class));
        ParametricAllocation pa = new ParametricAllocation(base, 60_000.0);
        double[] firstValues = new double[5];
        for (int k = 0; k < 5; k++) {
            firstValues[k] = from + (to - from) * k / 4;
        }
        SweepService.Plan plan = new SweepService.Plan(pa, List.of(first, SweepInput.GPU_LEASE_SCALE),
                List.of(firstValues, new double[] {0.5, 1.0, 1.5}), List.of(), 0.2);
        SweepResult r = new SweepService(null, 2000).run(plan, 2, k -> { }, () -> false);
        assertThat(r.points()).hasSize(15);
        assertThat(r.stats().sharedModel()).isEqualTo(shared);
        int maxSingleVariables = 0;
        int maxSingleRows = 0;
        for (SweepPointResult p : r.points()) {
            Map<SweepInput, Double> at = Map.of(first, p.values().get(first.name()),
                    SweepInput.GPU_LEASE_SCALE, p.values().get("GPU_LEASE_SCALE"));
            AllocationResult single = AllocationEngine.solve(pa.at(at)).result();
            maxSingleVariables = Math.max(maxSingleVariables, single.solver().variables());
            maxSingleRows = Math.max(maxSingleRows, single.solver().constraints());
            assertThat(p.netUsd()).as(p.values().toString())
                    .isCloseTo(single.economics().netUsd(), within(1e-7 * Math.abs(single.economics().netUsd())));
            assertThat(p.totalAiItMw()).as(p.values().toString()).isCloseTo(single.allocation().totalAiItMw(), within(1e-6));
        }
        // Stats: per point, the largest model is the largest single what-if's; a shared model is refined, so at least as large.
        // Build and solve time are added up over the 2 workers, so together at most 2 × the wall time.
        if (shared) {
            assertThat(r.stats().variables()).isGreaterThanOrEqualTo(maxSingleVariables);
            assertThat(r.stats().rows()).isGreaterThanOrEqualTo(maxSingleRows);
        } else {
            assertThat(r.stats().variables()).isEqualTo(maxSingleVariables);
            assertThat(r.stats().rows()).isEqualTo(maxSingleRows);
        }
        assertThat(r.stats().buildMs()).isPositive();
        assertThat(r.stats().solveMs()).isPositive();
        assertThat(r.stats().buildMs() + r.stats().solveMs()).isLessThanOrEqualTo(2 * r.stats().wallMs());
        // Monotone economics: a higher BTC price never lowers the optimum, a higher capex never raises it.
        for (int k = 3; k < r.points().size(); k++) {
            double now = r.points().get(k).netUsd();
            double before = r.points().get(k - 3).netUsd();
            if (first == SweepInput.BTC_PRICE_USD) {
                assertThat(now).isGreaterThanOrEqualTo(before - 1e-6);
            } else {
                assertThat(now).isLessThanOrEqualTo(before + 1e-6);
            }
        }
    }

    /*
     * Tornado by hand: one colocation option (tenant pays power), 10 MW, 8,760 h, 100 $/kW-month → 1,200,000 per MW-year
     * → 12,000,000. ±20% on the colocation rate: 9,600,000 and 14,400,000 (swing 4,800,000); the energy price does not
     * matter (swing 0).
     */
    @Test
    void tornadoByHand() {
        ParametricAllocation pa = new ParametricAllocation(EngineTestSupport.problem("""
                {'site': {'interconnectMw': 10},
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 100, 'tenantPaysPower': true}],
                 'market': {'energyPriceUsdPerMwh': 40, 'hours': 8760}}"""), null);
        List<SweepResult.TornadoBar> bars = SweepService.tornado(pa, List.of(SweepInput.ENERGY_PRICE_SCALE, SweepInput.COLOCATION_SCALE), 0.2);
        assertThat(bars.get(0).input()).isEqualTo("COLOCATION_SCALE");
        assertThat(bars.get(0).netUsdLow()).isCloseTo(9_600_000.0, within(1e-3));
        assertThat(bars.get(0).netUsdHigh()).isCloseTo(14_400_000.0, within(1e-3));
        assertThat(bars.get(0).swingUsd()).isCloseTo(4_800_000.0, within(1e-3));
        assertThat(bars.get(1).swingUsd()).isCloseTo(0.0, within(1e-6));
    }
}
