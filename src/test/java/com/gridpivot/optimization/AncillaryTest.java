package com.gridpivot.optimization;

import static com.gridpivot.optimization.EngineTestSupport.solve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.LpStatus;
import com.gridpivot.optimization.result.AllocationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Ancillary services offered by the mining load (issue 16 item 3), by hand.
 *
 * <p>Four hours at 20, 20, 20, 150 USD/MWh; fleet S21 5 MW (pue 1) earning 100 USD/MWh: margin 80 in hours 0–2 and −50 in hour 3;
 * interconnect 10 MW, no AI. minimumRunningMw 1 → α = 1 − 1/5 = 0.8: at most 0.8 × running MW may be offered.
 * Without ancillary services the fleet runs 5 MW in hours 0–2 and stops in hour 3: 80 · 5 · 3 = 1,200 USD.
 */
class AncillaryTest {
    private static final double EPS = 1e-6;

    static String site(String ancillary) {
        return """
                {'site': {'name': 'anc', 'interconnectMw': 10, 'ancillary': %s},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'market': {'energyPricesUsdPerMwh': [20, 20, 20, 150], 'hashpriceUsdPerPhDay': 50}}""".formatted(ancillary);
    }

    /**
     * An ERS period with one deployment: ERS_30, period [0, 4) at 50 USD per MW-h, deployed in hour 2 with probability 1.
     * e MW committed earn 50 · 4 = 200 per MW; the deployment curtails e MW in hour 2 (margin 80: −80 per MW); the commitment
     * needs 0.8 · L₃ ≥ e in hour 3, so the fleet runs e / 0.8 = 1.25 e MW at −50 (−62.5 per MW of e). Net 200 − 80 − 62.5 = 57.5
     * per MW &gt; 0, and e ≤ 0.8 · 5 = 4 (hours 0–2 at 5 MW) → e = 4, the fleet runs 5 MW in hour 3 too.
     * Objective: 1,200 − 50 · 5 + 50 · 4 · 4 − 80 · 4 = 1,200 − 250 + 800 − 320 = 1,430 (= 1,200 + 57.5 · 4).
     */
    static final String ERS = "{'minimumRunningMw': 1, 'services': [{'type': 'ERS_30', 'periods': [{'fromHour': 0, 'toHour': 4, "
            + "'priceUsdPerMwHour': 50}], 'deployments': [{'fromHour': 2, 'toHour': 3, 'probability': 1}]}]}";

    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void anErsPeriodWithOneDeployment(String solver, String aggregation) {
        AllocationResult r = solve(site(ERS), solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.economics().netUsd()).isCloseTo(1_430.0, within(EPS));
        assertThat(r.economics().ancillaryRevenueUsd()).isCloseTo(800.0, within(EPS));
        assertThat(r.economics().ancillaryDeploymentCostUsd()).isCloseTo(320.0, within(EPS));
        AllocationResult.AncillaryService ers = r.economics().ancillaryServices().get("ERS_30");
        assertThat(ers.offeredMwh()).isCloseTo(16.0, within(EPS));
        assertThat(ers.revenueUsd()).isCloseTo(800.0, within(EPS));
        assertThat(ers.expectedDeployedMwh()).isCloseTo(4.0, within(EPS));
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(20.0, within(EPS));
        assertThat(r.warnings()).isEmpty();
    }

    /**
     * ECRS paid 5, 5, 5, 100 USD per MW-h, deployed in hour 1 with probability 0.5. Per MW of running load the offer adds
     * 0.8 π: hour 3 is worth −50 + 80 = 30 &gt; 0, so the fleet runs 5 MW and offers 4 (400 − 250 = 150). Hours 0 and 2: 4 MW at
     * 5 = 20 each. Hour 1: a MW offered earns 5 and costs 0.5 · 80 = 40 of margin → nothing offered.
     * Objective: 1,200 − 250 + 20 + 20 + 400 = 1,390; revenue 440, deployment cost 0.
     */
    static final String ECRS = "{'minimumRunningMw': 1, 'services': [{'type': 'ECRS', 'pricesUsdPerMwHour': [5, 5, 5, 100], "
            + "'deployments': [{'fromHour': 1, 'probability': 0.5}]}]}";

    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void ecrsMakesAnExpensiveHourWorthRunning(String solver, String aggregation) {
        AllocationResult r = solve(site(ECRS), solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.economics().netUsd()).isCloseTo(1_390.0, within(EPS));
        assertThat(r.economics().ancillaryRevenueUsd()).isCloseTo(440.0, within(EPS));
        assertThat(r.economics().ancillaryDeploymentCostUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.economics().ancillaryServices().get("ECRS").offeredMwh()).isCloseTo(12.0, within(EPS));
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(20.0, within(EPS));
        assertThat(r.warnings()).isEmpty();
    }

    /* priceScale 0.5 halves ECRS: hour 3 pays 0.8 · 50 = 40 < 50 → the fleet stops there; hours 0 and 2: 4 MW at 2.5.
     * Objective 1,200 + 10 + 10 = 1,220. */
    @Test
    void thePriceScaleMultipliesEveryPrice() {
        AllocationResult r = solve(site(ECRS.replace("'minimumRunningMw': 1,", "'minimumRunningMw': 1, 'priceScale': 0.5,")), "GLOP", "EXACT");
        assertThat(r.economics().netUsd()).isCloseTo(1_220.0, within(EPS));
        assertThat(r.economics().ancillaryRevenueUsd()).isCloseTo(20.0, within(EPS));
    }

    @Test
    void withoutAncillaryTheAnswerIsUnchanged() {
        AllocationResult r = solve(site("null"), "GLOP", "EXACT");
        assertThat(r.economics().netUsd()).isCloseTo(1_200.0, within(EPS));
        assertThat(r.economics().ancillaryRevenueUsd()).isNull();
    }

    @Test
    void badInputIsNamedByPath() {
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'services': [{'type': 'RRSX', 'priceUsdPerMwHour': 1}]}")))
                .hasMessageContaining("site.ancillary.services[0].type");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'services': [{'type': 'ECRS', 'pricesUsdPerMwHour': [1, 2]}]}")))
                .hasMessageContaining("site.ancillary.services[0].pricesUsdPerMwHour");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'services': [{'type': 'ECRS', 'priceUsdPerMwHour': 1, "
                + "'deployments': [{'fromHour': 0, 'toHour': 3}]}]}")))
                .hasMessageContaining("site.ancillary.services[0].deployments[0]").hasMessageContaining("at most 2 hours");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'services': [{'type': 'ERS_10', 'periods': [{'fromHour': 0, 'toHour': 2, "
                + "'priceUsdPerMwHour': 5}, {'fromHour': 1, 'toHour': 4, 'priceUsdPerMwHour': 5}]}]}")))
                .hasMessageContaining("site.ancillary.services[0].periods[1]").hasMessageContaining("overlaps");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'minimumRunningMw': 5, 'services': [{'type': 'NSPIN', 'priceUsdPerMwHour': 1}]}")))
                .hasMessageContaining("site.ancillary.minimumRunningMw");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'services': [{'type': 'NSPIN', 'priceUsdPerMwHour': -1}]}")))
                .hasMessageContaining("site.ancillary.services[0].priceUsdPerMwHour");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'services': [{'type': 'ERS_30', 'periods': [{'fromHour': 0, 'toHour': 2, "
                + "'priceUsdPerMwHour': 5}], 'deployments': [{'fromHour': 3}]}]}")))
                .hasMessageContaining("inside one of its contract periods");
    }

    /**
     * The value stack of the ERS case: 5 MW of mining run; mining margin 80 · 5 · 3 − 50 · 5 = 950 (hour 3 runs at a loss for the
     * ERS floor), ancillary net 800 − 320 = 480; per MW 190 and 96, total 286; 950 + 480 = 1,430 = netUsd.
     * Breakevens of S21 (revenue 100 USD/MWh, e = 3125/150 J/TH, 24e/1000 = 0.5; mean price (3 · 20 + 150) / 4 = 52.5): 100 USD/MWh
     * and 52.5 · 0.5 = 26.25 USD/PH/day; with flexibility α ŵ = 0.8 · 50 = 40 per MWh: 140 USD/MWh and (52.5 − 40) · 0.5 = 6.25.
     */
    @Test
    void theValueStackOfTheErsCaseByHand() {
        AllocationResult r = solve(site(ERS), "GLOP", "EXACT");
        AllocationResult.ValueStack v = r.economics().valueStack();
        assertThat(v.miningItMw()).isCloseTo(5.0, within(EPS));
        assertThat(v.miningMarginUsd()).isCloseTo(950.0, within(EPS));
        assertThat(v.ancillaryNetUsd()).isCloseTo(480.0, within(EPS));
        assertThat(v.miningMarginUsdPerMw()).isCloseTo(190.0, within(EPS));
        assertThat(v.ancillaryNetUsdPerMw()).isCloseTo(96.0, within(EPS));
        assertThat(v.miningTotalUsdPerMw()).isCloseTo(286.0, within(EPS));
        assertThat(v.powerCreditsUsd()).isZero();
        assertThat(v.aiMarginUsd()).isZero();
        AllocationResult.Breakeven b = r.breakeven().get("S21");
        assertThat(b.energyPriceUsdPerMwh()).isCloseTo(100.0, within(EPS));
        assertThat(b.energyPriceWithFlexibilityUsdPerMwh()).isCloseTo(140.0, within(EPS));
        assertThat(b.hashpriceUsdPerPhDay()).isCloseTo(26.25, within(EPS));
        assertThat(b.hashpriceWithFlexibilityUsdPerPhDay()).isCloseTo(6.25, within(EPS));
        assertThat(solve(site("null"), "GLOP", "EXACT").breakeven().get("S21").energyPriceWithFlexibilityUsdPerMwh()).isNull();
    }

    /**
     * Every term at once (a fixed-price block of 2 MW at 30 USD/MWh, 4CP at 4,000 USD/MW-year with P₂ = 0.5, i.e. 500 USD per MWh
     * of site power in hour 2, the ECRS service, an AI option of 200 USD/MWh up to 1 MW): the fleet stops in hour 2
     * (80 − 500 + 0.8 · 5 &lt; 0), so the 4CP saving is positive; the stack's six USD terms sum to netUsd, its 4CP saving and credits
     * are the economics'.
     */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE"})
    void theValueStackSumsToTheObjective(String solver, String aggregation) {
        String json = site(ECRS).replace("'interconnectMw': 10,", "'interconnectMw': 10, 'powerContract': {'fixedPriceBlocks': [{'mw': 2, "
                + "'priceUsdPerMwh': 30}]}, 'fourCp': {'transmissionRateUsdPerMwYear': 4000, 'intervalProbabilities': [{'hour': 2, "
                + "'probability': 0.5}]},").replace("'asicFleets'", "'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 200, 'maxItMw': 1}], 'asicFleets'");
        AllocationResult r = solve(json, solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.warnings()).isEmpty();
        AllocationResult.ValueStack v = r.economics().valueStack();
        double sum = v.miningMarginUsd() + v.powerCreditsUsd() + v.fixedPriceSavingsUsd() + v.fourCpSavingUsd() + v.ancillaryNetUsd() + v.aiMarginUsd();
        assertThat(sum).isCloseTo(r.economics().netUsd(), within(EPS));
        assertThat(v.fourCpSavingUsd()).isCloseTo(r.economics().fourCpSavingUsd(), within(EPS)).isPositive();
        assertThat(v.powerCreditsUsd() + v.fixedPriceSavingsUsd()).isCloseTo(r.economics().powerCreditsUsd() + r.economics().fixedPriceSavingsUsd(),
                within(EPS));
        // the AI option's margin per MW: 4 · 200 − (20 + 20 + 20 + 150) − 4,000 · 0.5 / 4 = 800 − 210 − 500 = 90 → 1 MW built
        assertThat(v.aiOptionMarginUsdPerMw().get("flat")).isCloseTo(90.0, within(EPS));
        assertThat(v.aiMarginUsd()).isCloseTo(90.0, within(EPS));
        assertThat(v.ancillaryNetUsd()).isPositive();
    }

    /*
     * Sweep input ANCILLARY_PRICE_SCALE on the ECRS case: at 1 the answer above (1,390 USD), at 0.5 that of priceScale 0.5
     * (1,220 USD); each point builds its own exact model (SweepSolver with ancillary services).
     */
    @Test
    void theAncillaryPriceScaleIsASweepInput() {
        var base = EngineTestSupport.problem(site(ECRS));
        var parametric = new com.gridpivot.risk.ParametricAllocation(base, null);
        var inputs = java.util.List.of(1.0, 0.5).stream()
                .map(v -> java.util.Map.of(com.gridpivot.risk.SweepInput.ANCILLARY_PRICE_SCALE, v)).toList();
        var variants = inputs.stream().map(m -> parametric.at(m)).toList();
        assertThat(variants.get(1).ancillary().priceScale()).isEqualTo(0.5);
        java.util.List<java.util.Map<String, Double>> labels = java.util.List.of(java.util.Map.of("ANCILLARY_PRICE_SCALE", 1.0),
                java.util.Map.of("ANCILLARY_PRICE_SCALE", 0.5));
        var out = com.gridpivot.risk.SweepSolver.solve(variants, labels, 1, k -> { }, () -> false);
        assertThat(out.sharedModel()).isFalse();
        assertThat(out.points().get(0).netUsd()).isCloseTo(1_390.0, within(EPS));
        assertThat(out.points().get(1).netUsd()).isCloseTo(1_220.0, within(EPS));
    }
}
