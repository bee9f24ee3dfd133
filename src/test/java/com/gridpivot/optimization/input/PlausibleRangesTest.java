package com.gridpivot.optimization.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.api.ApiExamples;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.EngineTestSupport;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.planning.PlanTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs outside their plausible ranges are answered, with a warning that names the field by its JSON path and the
 * likely unit slip. The slips below are the ones planners make: USD/kWh for USD/MWh, USD/EH/day for USD/PH/day, GH/s
 * for TH/s, a monthly GPU price, a colocation price per MW or per year, BTC in thousands, difficulty in T.
 */
class PlausibleRangesTest {
    private static final AllocationProblemAssembler ASSEMBLER = new AllocationProblemAssembler(EngineTestSupport.CATALOG, SolverKind.GLOP, 60);

    private static List<String> warnings(String json) {
        List<String> out = new ArrayList<>();
        ASSEMBLER.assemble(EngineTestSupport.request(json), out);
        return out;
    }

    /*
     * Energy [0.03, 0.04, 0.05]: mean |price| 0.04 USD/MWh < 1; × 1000 = 40 USD/MWh lies in 1 … 1,000 → USD/kWh.
     * Hashprice 45,000 USD/PH/day > 1,000; × 0.001 = 45 lies in 10 … 1,000 → USD/EH/day.
     */
    @Test
    void energyInUsdPerKwhAndHashpriceInUsdPerEhDayAreAnsweredWithTwoWarnings() {
        String json = """
                {'site': {'interconnectMw': 10},
                 'asicFleets': [{'name': 'S21', 'model': 'Antminer S21', 'units': 1000}],
                 'market': {'energyPricesUsdPerMwh': [0.03, 0.04, 0.05], 'hashpriceUsdPerPhDay': 45000}}""";
        List<String> w = warnings(json);
        assertThat(w).hasSize(2);
        assertThat(w.get(0)).startsWith("market.energyPricesUsdPerMwh: the mean |price| of its 3 hours, 0.04 USD/MWh, is below the "
                        + "plausible range of the energy price (mean |price| of the horizon), 1 … 1,000 USD/MWh")
                .contains("; likely USD/kWh given as USD/MWh: that would be 40 USD/MWh.")
                .endsWith("The answer uses the value as given.");
        assertThat(w.get(1)).startsWith("market.hashpriceUsdPerPhDay: 45,000 USD/PH/day is above the plausible range of the hashprice, "
                        + "10 … 1,000 USD/PH/day")
                .contains("; likely USD/EH/day given as USD/PH/day: that would be 45 USD/PH/day.");
        // still answered, with the warnings in the answer
        AllocationResult r = AllocationEngine.solve(ASSEMBLER.assemble(EngineTestSupport.request(json))).result().withInputWarnings(w);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.warnings()).containsExactlyElementsOf(w);
    }

    /*
     * Hashrate 200,000 "TH/s" with 3,500 W: 0.0175 J/TH < 5; × 1000 = 17.5 J/TH → GH/s. PUE 2.5 > 1.6: no slip fits.
     * GPU lease 1,715.5 USD/GPU-h > 15; ÷ 730 = 2.35 → a monthly price. Colocation 95,000 USD/kW-month > 300; ÷ 1000 = 95
     * → per MW-month. Colocation 1,680: ÷ 1000 = 1.68 < 50, ÷ 12 = 140 → per kW-year. Flat price 0.08: USD/kWh.
     */
    @Test
    void equipmentAndAiRatesInTheWrongUnitNameTheirFields() {
        List<String> w = warnings("""
                {'site': {'interconnectMw': 10},
                 'asicFleets': [{'name': 'custom', 'units': 100, 'hashrateThPerUnit': 200000, 'powerWPerUnit': 3500, 'pue': 2.5}],
                 'aiOptions': [{'name': 'gpu', 'kwPerGpu': 1.275, 'leaseUsdPerGpuHour': 1715.5},
                               {'name': 'colo MW', 'colocationUsdPerKwMonth': 95000},
                               {'name': 'colo year', 'colocationUsdPerKwMonth': 1680, 'pue': 1.3}],
                 'market': {'energyPriceUsdPerMwh': 0.08, 'hours': 24, 'hashpriceUsdPerPhDay': 45}}""");
        assertThat(w).hasSize(6);
        assertThat(w.get(0)).startsWith("asicFleets[0].hashrateThPerUnit: powerWPerUnit / hashrateThPerUnit = 3,500 W / 200,000 TH/s = "
                + "0.0175 J/TH is below the plausible range of the ASIC efficiency").contains("likely hashrate in GH/s given as TH/s, or power in kW "
                + "given as W: that would be 17.5 J/TH.");
        assertThat(w.get(1)).startsWith("asicFleets[0].pue: 2.5 is above the plausible range of the PUE (site power per IT power), 1 … 1.6")
                .doesNotContain("likely");
        assertThat(w.get(2)).startsWith("aiOptions[0].leaseUsdPerGpuHour: 1715.5 USD/GPU-h is above")
                .contains("likely USD per GPU-month given as USD per GPU-hour: that would be 2.35 USD/GPU-h.");
        assertThat(w.get(3)).startsWith("aiOptions[1].colocationUsdPerKwMonth: 95,000 USD/kW-month is above")
                .contains("likely USD per MW-month given as USD per kW-month: that would be 95 USD/kW-month.");
        assertThat(w.get(4)).startsWith("aiOptions[2].colocationUsdPerKwMonth: 1,680 USD/kW-month is above")
                .contains("likely USD per kW-year given as USD per kW-month: that would be 140 USD/kW-month.");
        assertThat(w.get(5)).startsWith("market.energyPriceUsdPerMwh: 0.08 USD/MWh is below")
                .contains("likely USD/kWh given as USD/MWh: that would be 80 USD/MWh.");
    }

    /** The OpenAPI example (real ERCOT prices, catalog machines, deal-level AI rates) is plausible throughout. */
    @Test
    void theWorkedExampleHasNoWarnings() throws Exception {
        List<String> out = new ArrayList<>();
        ASSEMBLER.assemble(EngineTestSupport.JSON.readValue(ApiExamples.ALLOCATION_REQUEST,
                com.gridpivot.optimization.input.AllocationRequest.class), out);
        assertThat(out).isEmpty();
    }

    /*
     * A plan: BTC 65 "USD" → × 1000 = 65,000 (kUSD); difficulty 125.86 → × 10¹² = 1.2586e14 (T); a scenario override of the
     * colocation rate of 1,680 per kW-year, named by the scenario's path; a flat price of 0.05 (USD/kWh).
     */
    @Test
    void planInputsInTheWrongUnitNameTheirFields() throws Exception {
        var json = PlanTestSupport.node("""
                {'scenario': {'btc': {'priceUsd': 65, 'startDifficulty': 125.86, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 0.05}, 'discountRate': 0,
                              'ai': {'options': {'colo': {'colocationUsdPerKwMonth': 1680}}}},
                 'site': {'interconnectMw': 10},
                 'asicFleets': [{'name': 'S21', 'model': 'Antminer S21', 'units': 1000}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 140, 'tenantPaysPower': true}],
                 'startMonth': '2026-01', 'months': 2}""");
        PlanRequest req = PlanTestSupport.JSON.treeToValue(json, PlanRequest.class);
        List<String> w = new ArrayList<>();
        PlanTestSupport.ASSEMBLER.assemble(req, req.scenario(), (node, year) -> null, w);
        assertThat(w).hasSize(4);
        assertThat(w).anySatisfy(s -> assertThat(s).startsWith("scenario.ai.options.colo.colocationUsdPerKwMonth: 1,680 USD/kW-month is above")
                .contains("that would be 140 USD/kW-month"));
        assertThat(w).anySatisfy(s -> assertThat(s).startsWith("scenario.btc.priceUsd: 65 USD is below the plausible range of the BTC price, "
                + "5,000 … 1,000,000 USD").contains("likely thousands of USD (kUSD) given as USD: that would be 65,000 USD."));
        assertThat(w).anySatisfy(s -> assertThat(s).startsWith("scenario.btc.startDifficulty: 125.86 is below the plausible range of the "
                + "network difficulty").contains("likely difficulty in trillions (T) given as a plain number: that would be 125,860,000,000,000."));
        assertThat(w).anySatisfy(s -> assertThat(s).startsWith("scenario.energy.flatPriceUsdPerMwh: 0.05 USD/MWh is below")
                .contains("that would be 50 USD/MWh"));
    }
}
