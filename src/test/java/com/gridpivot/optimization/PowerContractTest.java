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
 * Power contracts (issue 16 item 1) on a day of node prices, computed by hand.
 *
 * <p>Fleet S21: 1600 × 150 TH/s × 3125 W → cap 5 MW, e = 3125/150 J/TH, 24e = 500; hashprice 50 → revenue
 * 50·1000/500 = 100 USD/MWh. Interconnect 10 MW, no AI. Node prices: hours 0–7 at 20, 8–15 at 60, 16–19 at 150,
 * 20–23 at 500 USD/MWh. Index: the fleet runs 5 MW in hours 0–15 (margin 80 and 40) and stops in 16–23.
 * Mining: revenue 100·5·16 = 8,000; energy 5·(8·20 + 8·60) = 3,200; net 4,800.
 */
class PowerContractTest {
    private static final double EPS = 1e-6;

    static String day(String powerContract) {
        StringBuilder prices = new StringBuilder();
        for (int t = 0; t < 24; t++) {
            prices.append(t == 0 ? "" : ",").append(t < 8 ? 20 : t < 16 ? 60 : t < 20 ? 150 : 500);
        }
        return """
                {'site': {'name': 'day', 'interconnectMw': 10%s},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'market': {'energyPricesUsdPerMwh': [%s], 'hashpriceUsdPerPhDay': 50}}""".formatted(
                powerContract == null ? "" : ", 'powerContract': " + powerContract, prices);
    }

    @Test
    void indexIsTheDefaultAndReportsNoCredits() {
        AllocationResult r = solve(day(null), "GLOP", "EXACT");
        assertThat(r.economics().netUsd()).isCloseTo(4_800.0, within(EPS));
        assertThat(r.economics().powerCreditsUsd()).isNull();
        AllocationResult index = solve(day("{'type': 'INDEX'}"), "GLOP", "EXACT");
        assertThat(index.economics().netUsd()).isCloseTo(4_800.0, within(EPS));
    }

    /*
     * A 4 MW block at 40 USD/MWh all day. The dispatch is the index one (a MWh is still worth the node price at the
     * margin). Hours 0–15: the load of 5 MW uses all 4 MW (u = 4, s = 0); hours 16–23: nothing runs, 4 MW resold.
     * Credits = Σ resold MWh × spread = 4·4·(150 − 40) + 4·4·(500 − 40) = 1,760 + 7,360 = 9,120.
     * Savings on used block energy = 4·8·(20 − 40) + 4·8·(60 − 40) = −640 + 640 = 0.
     * Check: the hedge Σ Q (p − f) = 4·(8·−20 + 8·20 + 4·110 + 4·460) = 9,120 = credits + savings.
     * Net = 4,800 + 9,120 = 13,920.
     */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void fixedPriceBlockEarnsTheSpreadOnResoldEnergy(String solver, String aggregation) {
        AllocationResult r = solve(day("{'fixedPriceBlocks': [{'mw': 4, 'priceUsdPerMwh': 40}]}"), solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(80.0, within(EPS));
        assertThat(r.economics().powerCreditsUsd()).isCloseTo(9_120.0, within(EPS));
        assertThat(r.economics().fixedPriceSavingsUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.economics().energyCostUsd()).isCloseTo(3_200.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(13_920.0, within(EPS));
        assertThat(r.warnings()).isEmpty();
    }

    /*
     * The same block with a minimum take of 3 MW: the site must use 3 MW itself in every hour, so the fleet runs 3 MW
     * in hours 16–23 at margins 100 − 150 = −50 and 100 − 500 = −400: −50·3·4 − 400·3·4 = −600 − 4,800 = −5,400.
     * Net = 13,920 − 5,400 = 8,520. Hours 16–23: u = 3, s = 1 → credits 1·4·110 + 1·4·460 = 2,280; savings 3·4·110 +
     * 3·4·460 = 6,840 (hours 0–15 add 0 as before); 2,280 + 6,840 = 9,120, the same hedge. Mining revenue 8,000 + 100·3·8
     * = 10,400; energy 3,200 + 3·(4·150 + 4·500) = 11,000. The model is hourly (24 blocks) whatever was asked.
     */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void minimumTakeKeepsTheSiteRunning(String solver, String aggregation) {
        AllocationResult r = solve(day("{'fixedPriceBlocks': [{'mw': 4, 'priceUsdPerMwh': 40, 'minimumTakeMw': 3}]}"), solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.solver().hourBlocks()).isEqualTo(24);
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(80.0 + 24.0, within(EPS));
        assertThat(r.economics().powerCreditsUsd()).isCloseTo(2_280.0, within(EPS));
        assertThat(r.economics().fixedPriceSavingsUsd()).isCloseTo(6_840.0, within(EPS));
        assertThat(r.economics().miningRevenueUsd()).isCloseTo(10_400.0, within(EPS));
        assertThat(r.economics().energyCostUsd()).isCloseTo(11_000.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(8_520.0, within(EPS));
        assertThat(r.warnings()).isEmpty();
    }

    /*
     * A block only in hours 16–19 (4 hours) of 2 MW at 100 USD/MWh: all resold, credits 2·4·(150 − 100) = 400; net 5,200.
     */
    @Test
    void blockOverAnHourRange() {
        AllocationResult r = solve(day("{'fixedPriceBlocks': [{'mw': 2, 'priceUsdPerMwh': 100, 'fromHour': 16, 'toHour': 20}]}"),
                "GLOP", "EXACT");
        assertThat(r.economics().powerCreditsUsd()).isCloseTo(400.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(5_200.0, within(EPS));
    }

    /* Retail 30 + adder 5 = 35 USD/MWh in every hour: the fleet runs all 24 h at 100 − 35 = 65: 5·24·65 = 7,800. */
    @Test
    void retailRateAndAdderReplaceTheNodePrice() {
        AllocationResult r = solve(day("{'retail': {'rateUsdPerMwh': 30, 'adderUsdPerMwh': 5}}"), "GLOP", "EXACT");
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(120.0, within(EPS));
        assertThat(r.economics().energyCostUsd()).isCloseTo(4_200.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(7_800.0, within(EPS));
        assertThat(r.breakeven().get("S21").hashpriceUsdPerPhDay()).isCloseTo(35.0 * 500 / 1000, within(EPS));
        assertThat(r.economics().powerCreditsUsd()).isNull();
    }

    @Test
    void badContractsAreNamedByPath() {
        assertThatThrownBy(() -> EngineTestSupport.problem(day("{'fixedPriceBlocks': [{'mw': 4, 'priceUsdPerMwh': 40, 'minimumTakeMw': 5}]}")))
                .hasMessageContaining("site.powerContract.fixedPriceBlocks[0].minimumTakeMw").hasMessageContaining("at most the block's mw 4");
        assertThatThrownBy(() -> EngineTestSupport.problem(day("{'fixedPriceBlocks': [{'mw': 4, 'priceUsdPerMwh': 40, 'fromHour': 10, 'toHour': 5}]}")))
                .hasMessageContaining("site.powerContract.fixedPriceBlocks[0].toHour");
        assertThatThrownBy(() -> EngineTestSupport.problem(day("{'fixedPriceBlocks': [{'mw': 4, 'priceUsdPerMwh': 40, 'toHour': 25}]}")))
                .hasMessageContaining("site.powerContract.fixedPriceBlocks[0].toHour").hasMessageContaining("at most 24");
        assertThatThrownBy(() -> EngineTestSupport.problem(day("{'type': 'RETAIL'}")))
                .hasMessageContaining("site.powerContract.retail").hasMessageContaining("required");
        assertThatThrownBy(() -> EngineTestSupport.problem(day("{'type': 'INDEX', 'retail': {'rateUsdPerMwh': 30}}")))
                .hasMessageContaining("site.powerContract.retail");
        assertThatThrownBy(() -> EngineTestSupport.problem(day("{'fixedPriceBlocks': [{'mw': 9, 'priceUsdPerMwh': 40, 'minimumTakeMw': 6}]}")))
                .hasMessageContaining("site.powerContract.fixedPriceBlocks").hasMessageContaining("minimum take of 6 MW");
        assertThatThrownBy(() -> EngineTestSupport.problem(day("{'fixedPriceBlocks': [{'priceUsdPerMwh': 40}]}")))
                .hasMessageContaining("site.powerContract.fixedPriceBlocks[0].mw");
    }
}
