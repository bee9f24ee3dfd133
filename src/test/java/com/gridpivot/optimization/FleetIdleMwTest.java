package com.gridpivot.optimization;

import static com.gridpivot.optimization.EngineTestSupport.solve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.optimization.result.AllocationResult.FleetDispatch;
import com.gridpivot.optimization.result.AllocationResult.IdleReason;
import com.gridpivot.lp.LpStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Installed, run-at-most and idle MW of each fleet, and why the idle MW stay idle (the demo's "S19 XP: 24.26 MW in
 * the Dispatch table, 10.71 MW in the Allocation": 8,000 × 3,032 W installed, but with 52 MW of AI site power and the
 * S21 fleet's 36.75 MW only 11.25 MW of site power are left for it). Hand-solved; the arithmetic is in each comment.
 */
class FleetIdleMwTest {
    private static final double EPS = 1e-6;

    /*
     * Interconnect 10 MW, every PUE 1, hashprice 42 USD/PH/day → revenue 42·1000/(24 e) per MWh:
     *   A   1000 × 200 TH/s × 3500 W = 3.5 MW, e = 17.5 → 100 USD/MWh; margins at prices 20, 40: 80, 60
     *   B   1000 × 100 TH/s × 3000 W = 3 MW,   e = 30   → 58.33;          margins 38.33, 18.33
     *   C   1000 ×  60 TH/s × 3000 W = 3 MW,   e = 50   → 35;             margins 15, −5  (pays in hour 0 only)
     *   D   1000 ×  30 TH/s × 3000 W = 3 MW,   e = 100  → 17.5;           margins −2.5, −22.5 (never pays)
     *   AI  200 USD/MWh, maxItMw 5 → (200 − 20) + (200 − 40) = 340 per MW > any fleet's 140: AI runs 5 MW.
     * Room left: 10 − 5 = 5 MW each hour; merit order A, B, C: A 3.5, B 1.5, C 0 in both hours.
     * B: 3 installed, 1.5 run, 1.5 idle: INTERCONNECT (AI 5 MW, A 3.5 MW of site power).
     * C: 3 installed, none run, 3 idle: INTERCONNECT (it pays in hour 0, where the site is full: AI 5, A + B 5).
     * D: 3 idle, NEVER_PAYS; in its best hour (price 20) a MWh earns 17.5 and costs 20.
     */
    static final String FOUR_FLEETS = """
            {'site': {'name': 'idle', 'interconnectMw': 10},
             'asicFleets': [{'name': 'A', 'units': 1000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500},
                            {'name': 'B fleet', 'units': 1000, 'hashrateThPerUnit': 100, 'powerWPerUnit': 3000},
                            {'name': 'C', 'units': 1000, 'hashrateThPerUnit': 60, 'powerWPerUnit': 3000},
                            {'name': 'D', 'units': 1000, 'hashrateThPerUnit': 30, 'powerWPerUnit': 3000}],
             'aiOptions': [{'name': 'AI', 'revenueUsdPerMwh': 200, 'maxItMw': 5}],
             'market': {'energyPricesUsdPerMwh': [20, 40], 'hashpriceUsdPerPhDay': 42}}""";

    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT", "CLP,NONE"})
    void installedRunAndIdleMwWithTheirReasons(String solver, String aggregation) {
        AllocationResult r = solve(FOUR_FLEETS, solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.allocation().aiItMw().get("AI")).isCloseTo(5.0, within(EPS));

        FleetDispatch a = r.dispatch().get("A");
        assertThat(a.capacityMw()).isCloseTo(3.5, within(EPS));
        assertThat(a.maxRunMw()).isCloseTo(3.5, within(EPS));
        assertThat(a.idleMw()).isZero();
        assertThat(a.idleReason()).isEqualTo(IdleReason.NONE);
        assertThat(a.payingHours()).isEqualTo(2);
        assertThat(a.idleNote()).isEqualTo("A fleet: all 3.50 MW installed run in its best hours (it pays in 2 of 2 hours).");

        FleetDispatch b = r.dispatch().get("B fleet");
        assertThat(b.capacityMw()).isCloseTo(3.0, within(EPS));
        assertThat(b.maxRunMw()).isCloseTo(1.5, within(EPS)).isEqualTo(r.allocation().asicItMw().get("B fleet"));
        assertThat(b.idleMw()).isCloseTo(1.5, within(EPS));
        assertThat(b.idleReason()).isEqualTo(IdleReason.INTERCONNECT);
        assertThat(b.payingHours()).isEqualTo(2);
        assertThat(b.idleNote()).isEqualTo("B fleet: 3.00 MW installed, at most 1.50 MW run and 1.50 MW stay idle: the 10 MW interconnect "
                + "is full in every hour the fleet pays (it pays in 2 of 2 hours); there AI racks take 5.00 MW and fleets that earn as much or more "
                + "per MW of site power take 3.50 MW of site power.");

        FleetDispatch c = r.dispatch().get("C");
        assertThat(c.maxRunMw()).isZero();
        assertThat(c.idleMw()).isCloseTo(3.0, within(EPS));
        assertThat(c.idleReason()).isEqualTo(IdleReason.INTERCONNECT);
        assertThat(c.payingHours()).isEqualTo(1);
        assertThat(c.idleNote()).startsWith("C fleet: 3.00 MW installed, none of them run: the 10 MW interconnect is full in every hour "
                + "the fleet pays (it pays in 1 of 2 hours); there AI racks take 5.00 MW and fleets that earn as much or more per MW of site power take 5.00 MW");

        FleetDispatch d = r.dispatch().get("D");
        assertThat(d.maxRunMw()).isZero();
        assertThat(d.idleMw()).isCloseTo(3.0, within(EPS));
        assertThat(d.idleReason()).isEqualTo(IdleReason.NEVER_PAYS);
        assertThat(d.payingHours()).isZero();
        assertThat(d.idleNote()).isEqualTo("D fleet: 3.00 MW installed, none of them run: the fleet never pays; even in its best hour a "
                + "running MWh earns 17.50 USD and costs 20.00 USD (energy × PUE and variable opex).");
    }

    /*
     * Fixed opex. One fleet of 3.5 MW earning 100 USD/MWh at prices 20, 150 → margins 80, −50: it pays in hour 0 only.
     * Fixed opex 876,000 USD per MW-year over 2 hours = 876,000 · 2/8760 = 200 USD per deployed MW > the 80 it earns:
     * nothing is deployed although the interconnect (10 MW) has room: 3.5 MW idle, FIXED_OPEX.
     */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void fixedOpexThatTheHoursCannotPayLeavesTheFleetIdle(String solver, String aggregation) {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 10},
                 'asicFleets': [{'name': 'S21', 'units': 1000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500,
                                 'fixedOpexUsdPerMwYear': 876000}],
                 'market': {'energyPricesUsdPerMwh': [20, 150], 'hashpriceUsdPerPhDay': 42}}""", solver, aggregation);
        FleetDispatch s = r.dispatch().get("S21");
        assertThat(s.maxRunMw()).isCloseTo(0.0, within(EPS));
        assertThat(s.idleMw()).isCloseTo(3.5, within(EPS));
        assertThat(s.idleReason()).isEqualTo(IdleReason.FIXED_OPEX);
        assertThat(s.payingHours()).isEqualTo(1);
        assertThat(s.idleNote()).isEqualTo("S21 fleet: 3.50 MW installed, none of them run: it pays in 1 of 2 hours, too few for the idle MW "
                + "to earn their fixed opex of 876,000 USD per MW-year.");
    }
}
