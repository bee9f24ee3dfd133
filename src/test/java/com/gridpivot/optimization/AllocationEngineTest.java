package com.gridpivot.optimization;

import static com.gridpivot.optimization.EngineTestSupport.solve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.lp.LpStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tiny what-ifs whose optimum, duals and economics were computed by hand (the arithmetic is in each comment).
 * Each runs on the merged (EXACT) and the naive hourly (NONE) model and on two simplex backends.
 */
class AllocationEngineTest {
    private static final double EPS = 1e-6;

    /*
     * Two hours, one fleet, one AI option. Fleet: 1000 × 200 TH/s × 3500 W → cap 3.5 MW, e = 17.5 J/TH;
     * hashprice 42 → revenue 42·1000/(24·17.5) = 100 $/MWh. Prices 20, 150 → margins 80, −50.
     * AI "flat": 120 $/MWh, pue 1, maxItMw 2 → a = 120·2 − (20+150) = 70 $/MW over the horizon.
     * Interconnect 5 MW. Each MW of AI displaces a MW of fleet in hour 0 (80 > 70) while the fleet has room, so the
     * fleet runs at its cap 3.5 in hour 0 and AI takes the rest: y = 1.5. Objective 80·3.5 + 70·1.5 = 385.
     * Interconnect dual: one more MW goes to AI (+70) in hour 0; hour 1 has slack → 70 in all.
     * Economics: mining 350, AI 120·2·1.5 = 360, energy 20·3.5 + 170·1.5 = 325; 350 + 360 − 325 = 385.
     */
    static final String TWO_HOURS = """
            {'site': {'name': 'tiny', 'interconnectMw': 5},
             'asicFleets': [{'name': 'S21', 'units': 1000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500}],
             'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'maxItMw': 2}],
             'market': {'energyPricesUsdPerMwh': [20, 150], 'hashpriceUsdPerPhDay': 42}}""";

    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT", "CLP,NONE"})
    void twoHoursOneFleetOneAiOption(String solver, String aggregation) {
        AllocationResult r = solve(TWO_HOURS, solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.allocation().asicItMw().get("S21")).isCloseTo(3.5, within(EPS));
        assertThat(r.allocation().aiItMw().get("flat")).isCloseTo(1.5, within(EPS));
        assertThat(r.allocation().peakFacilityMw()).isCloseTo(5.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(385.0, within(EPS));
        assertThat(r.economics().miningRevenueUsd()).isCloseTo(350.0, within(EPS));
        assertThat(r.economics().aiRevenueUsd()).isCloseTo(360.0, within(EPS));
        assertThat(r.economics().energyCostUsd()).isCloseTo(325.0, within(EPS));
        assertThat(r.economics().revenuePerItMwhUsd()).containsEntry("mining", 100.0).containsEntry("flat", 120.0);
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(3.5, within(EPS));
        assertThat(r.dispatch().get("S21").capacityFactor()).isCloseTo(0.5, within(EPS));
        assertThat(r.dispatch().get("S21").curtailedHours()).isEqualTo(1);
        assertThat(r.shadowPrices().interconnectUsdPerMw()).isCloseTo(70.0, within(EPS));
        assertThat(r.shadowPrices().maxAiItUsdPerMw()).isZero();
        // Breakevens: energy (100 − 0)/1 = 100 $/MWh; hashprice at the mean price 85: 85·24·17.5/1000 = 35.7.
        assertThat(r.breakeven().get("S21").energyPriceUsdPerMwh()).isCloseTo(100.0, within(EPS));
        assertThat(r.breakeven().get("S21").hashpriceUsdPerPhDay()).isCloseTo(35.7, within(EPS));
        assertThat(r.bindingConstraints()).anyMatch(s -> s.startsWith("Interconnect: the 5 MW limit is fully used in 1 of 2 hours"));
        assertThat(r.warnings()).isEmpty();
    }

    /*
     * Negative prices pay the consumer. Prices −30, 10; revenue 100 → margins 130, 90; the fleet (3.5 MW) runs both
     * hours: net (130 + 90)·3.5 = 770, revenue 700, energy (−30 + 10)·3.5 = −70.
     */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void negativePricesPayTheMiner(String solver, String aggregation) {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 10},
                 'asicFleets': [{'name': 'S21', 'units': 1000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500}],
                 'market': {'energyPricesUsdPerMwh': [-30, 10], 'hashpriceUsdPerPhDay': 42}}""", solver, aggregation);
        assertThat(r.economics().netUsd()).isCloseTo(770.0, within(EPS));
        assertThat(r.economics().energyCostUsd()).isCloseTo(-70.0, within(EPS));
        assertThat(r.dispatch().get("S21").curtailedHours()).isZero();
        assertThat(r.shadowPrices().interconnectUsdPerMw()).isZero();
    }

    /*
     * A binding capex budget. 8,760 hours at price 0, r = 0 and n = 1 → CRF = 1, capex charge = capex.
     * A: 200 $/MWh, capex 1e6/MW → 1,752,000 − 1,000,000 = 752,000 per MW. B: 50 $/MWh, no capex → 438,000 per MW.
     * Interconnect 10, budget 3e6 → A = 3, B = 7; objective 3·752,000 + 7·438,000 = 5,322,000.
     * Budget dual: a dollar moves 1e-6 MW from B to A: (752,000 − 438,000)·1e-6 = 0.314. Interconnect dual 438,000.
     */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void bindingBudget(String solver, String aggregation) {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 10, 'capexBudgetUsd': 3e6},
                 'aiOptions': [{'name': 'A', 'revenueUsdPerMwh': 200, 'capexUsdPerMw': 1e6},
                               {'name': 'B', 'revenueUsdPerMwh': 50}],
                 'market': {'energyPriceUsdPerMwh': 0, 'hours': 8760},
                 'finance': {'discountRate': 0, 'capexRecoveryYears': 1}}""", solver, aggregation);
        assertThat(r.allocation().aiItMw().get("A")).isCloseTo(3.0, within(EPS));
        assertThat(r.allocation().aiItMw().get("B")).isCloseTo(7.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(5_322_000.0, within(1e-4));
        assertThat(r.economics().capexChargeUsd()).isCloseTo(3e6, within(1e-4));
        assertThat(r.shadowPrices().capexBudgetUsdPerUsd()).isCloseTo(0.314, within(1e-9));
        assertThat(r.shadowPrices().interconnectUsdPerMw()).isCloseTo(438_000.0, within(1e-4));
        assertThat(r.bindingConstraints()).anyMatch(s -> s.startsWith("Capex budget: the $3,000,000 budget is spent"));
    }

    /*
     * A binding maxAiItMw. Fleet 10,000 × 100 TH/s × 2000 W → 20 MW, e = 20 J/TH; hashprice 48 → 100 $/MWh;
     * 8,760 h at price 0 → 876,000 per MW. AI 200 $/MWh → 1,752,000 per MW. Interconnect 10, maxAiItMw 4 →
     * AI 4, fleet 6; objective 4·1,752,000 + 6·876,000 = 12,264,000. maxAiIt dual 1,752,000 − 876,000 = 876,000;
     * interconnect dual 876,000 (the fleet's margin).
     */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,NONE"})
    void bindingMaxAiIt(String solver, String aggregation) {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 10, 'maxAiItMw': 4},
                 'asicFleets': [{'name': 'old', 'units': 10000, 'hashrateThPerUnit': 100, 'powerWPerUnit': 2000}],
                 'aiOptions': [{'name': 'AI', 'revenueUsdPerMwh': 200}],
                 'market': {'energyPriceUsdPerMwh': 0, 'hours': 8760, 'hashpriceUsdPerPhDay': 48}}""", solver, aggregation);
        assertThat(r.allocation().aiItMw().get("AI")).isCloseTo(4.0, within(EPS));
        assertThat(r.allocation().asicItMw().get("old")).isCloseTo(6.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(12_264_000.0, within(1e-4));
        assertThat(r.shadowPrices().maxAiItUsdPerMw()).isCloseTo(876_000.0, within(1e-4));
        assertThat(r.shadowPrices().interconnectUsdPerMw()).isCloseTo(876_000.0, within(1e-4));
        assertThat(r.dispatch().get("old").curtailedHours()).isZero();
        assertThat(r.bindingConstraints()).anyMatch(s -> s.startsWith("AI limit: maxAiItMw 4 MW is reached"));
    }

    /* Pool fee 2% → revenue 0.98·100 = 98 $/MWh; the fleet alone, 8,760 h at price 0: 98·8,760·20 = 17,169,600. */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE"})
    void poolFeeReducesRevenue(String solver, String aggregation) {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 100},
                 'asicFleets': [{'name': 'old', 'units': 10000, 'hashrateThPerUnit': 100, 'powerWPerUnit': 2000, 'poolFeeFraction': 0.02}],
                 'market': {'energyPriceUsdPerMwh': 0, 'hours': 8760, 'hashpriceUsdPerPhDay': 48}}""", solver, aggregation);
        assertThat(r.economics().miningRevenueUsd()).isCloseTo(17_169_600.0, within(1e-4));
        assertThat(r.economics().revenuePerItMwhUsd().get("mining")).isCloseTo(98.0, within(EPS));
        // Breakeven hashprice at price 0 is 0; energy breakeven = 98 $/MWh.
        assertThat(r.breakeven().get("old").energyPriceUsdPerMwh()).isCloseTo(98.0, within(EPS));
    }

    /*
     * Daily hashprice: 48 h, days [48, 24] → revenue 100 then 50 $/MWh (e = 20 J/TH); price 30 then 60 →
     * margins 70 then −10: the 20 MW fleet runs day 1 only: 24·70·20 = 33,600; curtailed 24 h. The same hashprice
     * given hour by hour answers the same.
     */
    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE"})
    void dailyAndHourlyHashpriceAgree(String solver, String aggregation) {
        String prices = "[" + "30,".repeat(24) + "60,".repeat(23) + "60]";
        String hourly = "[" + "48,".repeat(24) + "24,".repeat(23) + "24]";
        String fleet = "'asicFleets': [{'name': 'old', 'units': 10000, 'hashrateThPerUnit': 100, 'powerWPerUnit': 2000}]";
        AllocationResult daily = solve("{'site': {'interconnectMw': 100}, " + fleet
                + ", 'market': {'energyPricesUsdPerMwh': " + prices + ", 'hashpriceUsdPerPhDay': [48, 24]}}", solver, aggregation);
        AllocationResult byHour = solve("{'site': {'interconnectMw': 100}, " + fleet
                + ", 'market': {'energyPricesUsdPerMwh': " + prices + ", 'hashpriceUsdPerPhDay': " + hourly + "}}", solver, aggregation);
        assertThat(daily.economics().netUsd()).isCloseTo(33_600.0, within(EPS));
        assertThat(byHour.economics().netUsd()).isCloseTo(33_600.0, within(EPS));
        assertThat(daily.dispatch().get("old").curtailedHours()).isEqualTo(24);
        assertThat(daily.economics().revenuePerItMwhUsd().get("mining")).isCloseTo(100.0, within(EPS));
    }

    /*
     * tenantPaysPower: colocation 100 $/kW-month → 100·1000·12/8760 $/MWh = 1,200,000 per MW-year. Price 50, pue 1.3.
     * Tenant pays: 1,200,000 per MW, 10 MW fill 13 MW of site power → 10 MW = 12,000,000 (interconnect 13).
     * Site pays: 1,200,000 − 50·1.3·8760 = 630,600 per MW → 6,306,000.
     */
    @ParameterizedTest
    @CsvSource({"true,12000000", "false,6306000"})
    void tenantPaysPower(boolean tenantPays, double expectedNet) {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 13},
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 100, 'tenantPaysPower': %s, 'pue': 1.3}],
                 'market': {'energyPriceUsdPerMwh': 50, 'hours': 8760}}""".formatted(tenantPays), "GLOP", "EXACT");
        assertThat(r.allocation().aiItMw().get("colo")).isCloseTo(10.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(expectedNet, within(1e-4));
        assertThat(r.economics().energyCostUsd()).isCloseTo(tenantPays ? 0.0 : 5_694_000.0, within(1e-4));
        assertThat(r.economics().revenuePerItMwhUsd().get("colo")).isCloseTo(1_200_000.0 / 8760.0, within(1e-9));
    }

    /* GPU lease: 1000/1.275 GPUs per MW × $2.35 × 0.8 = 1,474.51 $/MWh; capex 3.2e7 at CRF(10%, 5) = 0.263797… */
    @org.junit.jupiter.api.Test
    void gpuLeaseRevenueAndCapexCharge() {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 13},
                 'aiOptions': [{'name': 'H100', 'offering': 'H100 cloud', 'utilization': 0.8, 'maxItMw': 1}],
                 'market': {'energyPriceUsdPerMwh': 40, 'hours': 8760}}""", "GLOP", "EXACT");
        double rate = 1000.0 / 1.275 * 2.35 * 0.8;
        double crf = 0.1 * Math.pow(1.1, 5) / (Math.pow(1.1, 5) - 1);
        assertThat(r.economics().revenuePerItMwhUsd().get("H100")).isCloseTo(rate, within(1e-9));
        assertThat(r.economics().capexChargeUsd()).isCloseTo(3.2e7 * crf, within(1e-3));
        assertThat(r.economics().netUsd()).isCloseTo(rate * 8760 - 40 * 1.3 * 8760 - 3.2e7 * crf, within(1e-3));
    }

    /* Contracted AI 90 MW × PUE 1.3 = 117 MW > interconnect 100 MW. */
    @org.junit.jupiter.api.Test
    void infeasibleContractNamesTheNumbers() {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 100, 'minAiItMw': 90},
                 'aiOptions': [{'name': 'colo', 'offering': 'colocation lease'}],
                 'market': {'energyPriceUsdPerMwh': 40, 'hours': 24}}""", "GLOP", "EXACT");
        assertThat(r.status()).isEqualTo(LpStatus.INFEASIBLE);
        assertThat(r.explanation()).contains("contracted AI 90 MW × PUE 1.3 = 117 MW > interconnect 100 MW");
        assertThat(r.allocation()).isNull();
    }

    /* A binding contracted minimum: AI loses 10 $/MW-h against nothing; 24 h → −240 per MW; 5 MW forced → −1,200. */
    @org.junit.jupiter.api.Test
    void contractedMinimumHasANegativeShadowPrice() {
        AllocationResult r = solve("""
                {'site': {'interconnectMw': 100, 'minAiItMw': 5},
                 'aiOptions': [{'name': 'weak', 'revenueUsdPerMwh': 30}],
                 'market': {'energyPriceUsdPerMwh': 40, 'hours': 24}}""", "GLOP", "EXACT");
        assertThat(r.allocation().aiItMw().get("weak")).isCloseTo(5.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(-1200.0, within(EPS));
        assertThat(r.shadowPrices().minAiItUsdPerMw()).isCloseTo(-240.0, within(EPS));
    }
}
