package com.gridpivot.optimization;

import static com.gridpivot.optimization.EngineTestSupport.solve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.LpStatus;
import com.gridpivot.optimization.input.ForcedCurtailment;
import com.gridpivot.optimization.result.AllocationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A large-load curtailment order (Texas SB 6, issue 16 item 5) by hand.
 *
 * <p>Four hours at 20, 20, 60, 20 USD/MWh; fleet S21 16,000 units → 50 MW IT at revenue 100 USD/MWh (margin 80, 80, 40, 80),
 * pue 1; AI "flat" 200 USD/MWh, at most 10 MW, the site pays its power, pue 1; interconnect 100 MW (≥ 75: SB 6 applies).
 * Without an order: mining 80·3·50 + 40·50 = 14,000; AI 10 × (800 − 120) = 6,800; net 20,800.
 * <ul>
 *   <li>hourCount 1 → the highest-price hour, 2; limit 0; BACKUP_POWER at 150 USD/MWh: the fleet stops in hour 2 (mining
 *       12,000; its margin 40 × 50 = 2,000 foregone on 50 MWh); AI per MW 800 − 60 − 150 = 590 → 5,900; net 17,900. Economics:
 *       mining revenue 15,000, AI revenue 8,000, energy 3,000 + 600 = 3,600, backup 1,500: 15,000 + 8,000 − 3,600 − 1,500.</li>
 *   <li>The same with limit 20 MW: the fleet runs 20 MW in hour 2: mining 12,000 + 800 = 12,800, net 18,700; 30 MWh foregone,
 *       1,200 USD.</li>
 *   <li>COUNTED, limit 6 MW (listed hour 2): D₂ + y ≤ 6; a MW of AI is worth 680 &gt; 40 of mining in hour 2, so y = 6, D₂ = 0:
 *       net 12,000 + 6 × 680 = 16,080.</li>
 *   <li>interconnect 60 MW &lt; 75: the order does not apply (a warning), net 20,800.</li>
 * </ul>
 */
class ForcedCurtailmentTest {
    private static final double EPS = 1e-6;

    static String site(double interconnectMw, String order) {
        return """
                {'site': {'name': 'sb6', 'interconnectMw': %s, 'forcedCurtailment': %s},
                 'asicFleets': [{'name': 'S21', 'units': 16000, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 200, 'maxItMw': 10}],
                 'market': {'energyPricesUsdPerMwh': [20, 20, 60, 20], 'hashpriceUsdPerPhDay': 50}}""".formatted(interconnectMw, order);
    }

    static final String BACKUP = "{'hourCount': 1, 'backupPowerCostUsdPerMwh': 150}";

    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void miningStopsAndAiRunsOnBackup(String solver, String aggregation) {
        AllocationResult r = solve(site(100, BACKUP), solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(150.0, within(EPS));
        assertThat(r.allocation().aiItMw().get("flat")).isCloseTo(10.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(17_900.0, within(EPS));
        assertThat(r.economics().energyCostUsd()).isCloseTo(3_600.0, within(EPS));
        AllocationResult.ForcedCurtailmentResult f = r.economics().forcedCurtailment();
        assertThat(f.forcedHours()).isEqualTo(1);
        assertThat(f.aiLoad()).isEqualTo("BACKUP_POWER");
        assertThat(f.curtailedMiningMwh()).isCloseTo(50.0, within(EPS));
        assertThat(f.foregoneMiningMarginUsd()).isCloseTo(2_000.0, within(EPS));
        assertThat(f.backupPowerMwh()).isCloseTo(10.0, within(EPS));
        assertThat(f.backupPowerCostUsd()).isCloseTo(1_500.0, within(EPS));
        AllocationResult.ValueStack v = r.economics().valueStack();
        assertThat(v.miningMarginUsd() + v.powerCreditsUsd() + v.fixedPriceSavingsUsd() + v.fourCpSavingUsd() + v.ancillaryNetUsd()
                + v.aiMarginUsd()).isCloseTo(17_900.0, within(EPS));
        assertThat(v.aiOptionMarginUsdPerMw().get("flat")).isCloseTo(590.0, within(EPS));
        assertThat(r.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"EXACT", "NONE"})
    void aLimitLetsPartOfTheFleetRun(String aggregation) {
        AllocationResult r = solve(site(100, "{'hourCount': 1, 'limitMw': 20, 'backupPowerCostUsdPerMwh': 150}"), "GLOP", aggregation);
        assertThat(r.economics().netUsd()).isCloseTo(18_700.0, within(EPS));
        assertThat(r.economics().forcedCurtailment().curtailedMiningMwh()).isCloseTo(30.0, within(EPS));
        assertThat(r.economics().forcedCurtailment().foregoneMiningMarginUsd()).isCloseTo(1_200.0, within(EPS));
    }

    /** The hourly site power is the grid's: 50 + 10 = 60 MW in the free hours, 20 MW in the forced hour (the AI on backup). */
    @Test
    void theHourlySitePowerLeavesTheAiOnBackupOut() {
        var out = AllocationEngine.solve(EngineTestSupport.problem(site(100, "{'hourCount': 1, 'limitMw': 20, 'backupPowerCostUsdPerMwh': 150}")));
        assertThat(out.facilityMw()).containsExactly(new double[] {60.0, 60.0, 20.0, 60.0}, within(EPS));
        assertThat(out.result().allocation().peakFacilityMw()).isCloseTo(60.0, within(EPS));
    }

    @ParameterizedTest
    @CsvSource({"EXACT", "NONE"})
    void countedAiLoadShareTheLimit(String aggregation) {
        AllocationResult r = solve(site(100, "{'hours': [2], 'limitMw': 6, 'aiLoad': 'COUNTED'}"), "GLOP", aggregation);
        assertThat(r.allocation().aiItMw().get("flat")).isCloseTo(6.0, within(EPS));
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(150.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(16_080.0, within(EPS));
        assertThat(r.economics().forcedCurtailment().backupPowerCostUsd()).isZero();
    }

    /** Contracted AI 8 MW under COUNTED with a 6 MW limit cannot run in the forced hour: INFEASIBLE, and the note says why. */
    @Test
    void contractedAiAboveACountedLimitIsExplained() {
        String json = site(100, "{'hours': [2], 'limitMw': 6, 'aiLoad': 'COUNTED'}").replace("'interconnectMw': 100.0,",
                "'interconnectMw': 100.0, 'minAiItMw': 8,");
        AllocationResult r = solve(json, "GLOP", "EXACT");
        assertThat(r.status()).isEqualTo(LpStatus.INFEASIBLE);
        assertThat(r.explanation()).contains("site.forcedCurtailment.limitMw 6 MW");
    }

    @Test
    void belowTheLargeLoadThresholdTheOrderDoesNotApply() {
        AllocationResult r = solve(site(60, BACKUP), "GLOP", "EXACT");
        assertThat(r.economics().netUsd()).isCloseTo(20_800.0, within(EPS));
        assertThat(r.economics().forcedCurtailment()).isNull();
        assertThat(EngineTestSupport.problem(site(60, BACKUP)).forcedCurtailment()).isEqualTo(ForcedCurtailment.NONE);
        // a lower threshold makes it apply again
        AllocationResult low = solve(site(60, "{'hourCount': 1, 'largeLoadThresholdMw': 50, 'backupPowerCostUsdPerMwh': 150}"), "GLOP",
                "EXACT");
        assertThat(low.economics().netUsd()).isCloseTo(17_900.0, within(EPS));
    }

    /*
     * Sweep input SB6_CURTAILMENT_HOURS on the BACKUP_POWER case: 0 hours → 20,800; 1 (hour 2) → 17,900; 2 (hours 2 and 0, the
     * tie at 20 to the earlier hour) → mining 80·2·50 = 8,000, AI 10 × (800 − 40 − 2·150) = 4,600: 12,600. Each point its own
     * exact model.
     */
    @Test
    void theNumberOfForcedHoursIsASweepInput() {
        var parametric = new com.gridpivot.risk.ParametricAllocation(EngineTestSupport.problem(site(100, BACKUP)), null);
        assertThat(parametric.baseValue(com.gridpivot.risk.SweepInput.SB6_CURTAILMENT_HOURS)).isEqualTo(1.0);
        var values = java.util.List.of(0.0, 1.0, 2.0);
        var variants = values.stream().map(v -> parametric.at(java.util.Map.of(com.gridpivot.risk.SweepInput.SB6_CURTAILMENT_HOURS, v))).toList();
        assertThat(variants.get(2).forcedCurtailment().forced()).containsExactly(true, false, true, false);
        var labels = values.stream().map(v -> java.util.Map.of("SB6_CURTAILMENT_HOURS", v)).toList();
        var out = com.gridpivot.risk.SweepSolver.solve(variants, labels, 1, k -> { }, () -> false);
        assertThat(out.sharedModel()).isFalse();
        assertThat(out.points().get(0).netUsd()).isCloseTo(20_800.0, within(EPS));
        assertThat(out.points().get(1).netUsd()).isCloseTo(17_900.0, within(EPS));
        assertThat(out.points().get(2).netUsd()).isCloseTo(12_600.0, within(EPS));
    }

    /*
     * Sweep input COINCIDENT_PEAKS (4CP → 12CP) with probabilities from the shipped history (4 of 6 intervals at 16:00 Central, 2
     * at 17:00): 24 hours of May 1, 2024 (from 05:00Z = 00:00 CDT) at 20 USD/MWh; fleet 5 MW (margin 80), AI "flat" 1 MW (200
     * USD/MWh), interconnect 10 MW, rate 93,000 USD/MW-year. 4 peaks: May is no 4CP month, no charge: 80·24·5 + 24·180 = 13,920.
     * 12 peaks: Pₜ = 4/6/31 at 16:00 and 2/6/31 at 17:00, charge R P / 12 = 166.67 and 83.33 USD/MWh, both above the margin 80:
     * the fleet stops in both hours (80·22·5 = 8,800) and the AI pays 250: 4,320 − 250 = 4,070; net 12,870.
     */
    @Test
    void fourCpToTwelveCpIsASweepInput() {
        String json = """
                {'site': {'name': 'cp', 'interconnectMw': 10, 'fourCp': {'transmissionRateUsdPerMwYear': 93000}},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 200, 'maxItMw': 1}],
                 'market': {'startUtc': '2024-05-01T05:00:00Z', 'energyPricesUsdPerMwh': [%s], 'hashpriceUsdPerPhDay': 50}}"""
                .formatted(String.join(",", java.util.Collections.nCopies(24, "20")));
        var parametric = new com.gridpivot.risk.ParametricAllocation(EngineTestSupport.problem(json), null);
        var values = java.util.List.of(4.0, 12.0);
        var variants = values.stream().map(v -> parametric.at(java.util.Map.of(com.gridpivot.risk.SweepInput.COINCIDENT_PEAKS, v))).toList();
        assertThat(variants.get(1).fourCp().peaks()).isEqualTo(12);
        assertThat(variants.get(1).fourCp().usdPerMwh(16)).isCloseTo(93_000.0 * 4 / 6 / 31 / 12, within(1e-9));
        var labels = values.stream().map(v -> java.util.Map.of("COINCIDENT_PEAKS", v)).toList();
        var out = com.gridpivot.risk.SweepSolver.solve(variants, labels, 1, k -> { }, () -> false);
        assertThat(out.points().get(0).netUsd()).isCloseTo(13_920.0, within(EPS));
        assertThat(out.points().get(1).netUsd()).isCloseTo(12_870.0, within(EPS));
        // listed probabilities cannot be re-derived for 12 peaks
        assertThatThrownBy(() -> new com.gridpivot.optimization.input.FourCp(1.0, 4, new double[] {0.5}).withPeaks(12))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Ties go to the earlier hour: prices 20, 20, 60, 20 and two hours → hours 2 and 0. */
    @Test
    void highestPriceHoursTieToTheEarlierHour() {
        boolean[] f = ForcedCurtailment.highestPriceHours(new double[] {20, 20, 60, 20}, 2);
        assertThat(f).containsExactly(true, false, true, false);
    }

    @Test
    void badInputIsNamedByPath() {
        assertThatThrownBy(() -> EngineTestSupport.problem(site(100, "{'hourCount': 1}")))
                .hasMessageContaining("site.forcedCurtailment.backupPowerCostUsdPerMwh");
        assertThatThrownBy(() -> EngineTestSupport.problem(site(100, "{'hours': [1], 'hourCount': 1, 'aiLoad': 'COUNTED'}")))
                .hasMessageContaining("site.forcedCurtailment").hasMessageContaining("exactly one");
        assertThatThrownBy(() -> EngineTestSupport.problem(site(100, "{'hours': [4], 'aiLoad': 'COUNTED'}")))
                .hasMessageContaining("site.forcedCurtailment.hours[0]");
        assertThatThrownBy(() -> EngineTestSupport.problem(site(100, "{'hours': [1, 1], 'aiLoad': 'COUNTED'}")))
                .hasMessageContaining("site.forcedCurtailment.hours[1]").hasMessageContaining("twice");
        assertThatThrownBy(() -> EngineTestSupport.problem(site(100, "{'hourCount': 5, 'aiLoad': 'COUNTED'}")))
                .hasMessageContaining("site.forcedCurtailment.hourCount");
        assertThatThrownBy(() -> EngineTestSupport.problem(site(100, "{'hourCount': 1, 'limitMw': 120, 'aiLoad': 'COUNTED'}")))
                .hasMessageContaining("site.forcedCurtailment.limitMw");
        assertThatThrownBy(() -> EngineTestSupport.problem(site(100, "{'hourCount': 1, 'aiLoad': 'STOP', 'backupPowerCostUsdPerMwh': 150}")))
                .hasMessageContaining("site.forcedCurtailment.aiLoad");
        assertThatThrownBy(() -> EngineTestSupport.problem(site(100, "{'hourCount': 1, 'aiLoad': 'COUNTED', 'backupPowerCostUsdPerMwh': 5}")))
                .hasMessageContaining("site.forcedCurtailment.backupPowerCostUsdPerMwh");
    }
}
