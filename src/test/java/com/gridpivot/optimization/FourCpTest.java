package com.gridpivot.optimization;

import static com.gridpivot.optimization.EngineTestSupport.solve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.LpStatus;
import com.gridpivot.optimization.input.FourCp;
import com.gridpivot.optimization.result.AllocationResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coincident-peak charge (issue 16 item 2) with known peak probabilities, by hand.
 *
 * <p>Four hours at 20 USD/MWh; fleet S21 5 MW at revenue 100 USD/MWh (margin 80); AI "flat" 200 USD/MWh, 1 MW at most, the
 * site pays its power; interconnect 10 MW. Rate 4,000 USD/MW-year, N = 4; P₂ = 0.5, P₃ = 0.05, so the expected charge per
 * MWh of site power is 4,000 × P / 4: 500 USD/MWh in hour 2 and 50 in hour 3.
 * Fleet: hour 2 margin 80 − 500 &lt; 0 → curtailed; hour 3 80 − 50 = 30 → runs. AI value 4·(200 − 20) − (500 + 50) = 170 &gt; 0 →
 * 1 MW (the AI pays the 4CP too). Objective 80·5·2 + 30·5 + 170 = 1,120.
 * Economics: mining revenue 1,500, AI revenue 800, energy 20·15 + 20·4 = 380; bought site power L = 6, 6, 1, 6 MW; tag
 * (0.5·1 + 0.05·6) / 4 = 0.2 MW; charge 4,000 × 0.2 = 800 (= 5·50 mining + 550 AI); 1,500 + 800 − 380 − 800 = 1,120.
 * Never curtailing: L = 6 in every hour, tag 0.55·6/4 = 0.825 MW, charge 3,300 → saving 2,500 (= 4,000 × 0.5 × 5 / 4).
 */
class FourCpTest {
    private static final double EPS = 1e-6;

    static String site(String fourCp) {
        return """
                {'site': {'name': 'cp', 'interconnectMw': 10, 'fourCp': %s},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 200, 'maxItMw': 1}],
                 'market': {'energyPricesUsdPerMwh': [20, 20, 20, 20], 'hashpriceUsdPerPhDay': 50}}""".formatted(fourCp);
    }

    static final String KNOWN = "{'transmissionRateUsdPerMwYear': 4000, 'intervalProbabilities': [{'hour': 2, 'probability': 0.5}, "
            + "{'hour': 3, 'probability': 0.05}]}";

    @ParameterizedTest
    @CsvSource({"GLOP,EXACT", "GLOP,NONE", "CLP,EXACT"})
    void expectedChargeWithKnownProbabilities(String solver, String aggregation) {
        AllocationResult r = solve(site(KNOWN), solver, aggregation);
        assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(r.dispatch().get("S21").energyMwh()).isCloseTo(15.0, within(EPS));
        assertThat(r.allocation().aiItMw().get("flat")).isCloseTo(1.0, within(EPS));
        assertThat(r.economics().energyCostUsd()).isCloseTo(380.0, within(EPS));
        assertThat(r.economics().fourCpTagMw()).isCloseTo(0.2, within(EPS));
        assertThat(r.economics().fourCpChargeUsd()).isCloseTo(800.0, within(EPS));
        assertThat(r.economics().fourCpSavingUsd()).isCloseTo(2_500.0, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(1_120.0, within(EPS));
        assertThat(r.warnings()).isEmpty();
    }

    /*
     * 12CP with the same probabilities: 4,000 × P / 12 = 166.67 and 16.67 USD/MWh; the fleet still stops in hour 2 and runs in
     * hour 3; tag 0.8 / 12, charge 4,000 × 0.8 / 12 = 266.67; net 1,500 + 800 − 380 − 266.67 = 1,653.33.
     */
    @Test
    void twelvePeaksSpreadTheCharge() {
        AllocationResult r = solve(site(KNOWN.replace("4000,", "4000, 'peaks': 12,")), "GLOP", "EXACT");
        assertThat(r.economics().fourCpTagMw()).isCloseTo(0.8 / 12, within(EPS));
        assertThat(r.economics().fourCpChargeUsd()).isCloseTo(4_000 * 0.8 / 12, within(EPS));
        assertThat(r.economics().netUsd()).isCloseTo(1_920.0 - 4_000 * 0.8 / 12, within(EPS));
    }

    /*
     * From the shipped history (6 intervals: 4 in the Central hour 16, 2 in hour 17): June 2024 from 2024-06-01T05:00Z (00:00 CDT),
     * 30 days. Pₜ = 4/6/30 at 16:00 and 2/6/30 at 17:00 local, 0 otherwise; June sums to 1; May is not a 4CP month.
     */
    @Test
    void probabilitiesFromTheShippedHistory() {
        int[] counts = FourCp.historyHourCounts();
        assertThat(counts[16]).isEqualTo(4);
        assertThat(counts[17]).isEqualTo(2);
        double[] p = FourCp.probabilitiesFromHistory(Instant.parse("2024-06-01T05:00:00Z"), 30 * 24, 4);
        assertThat(p[16]).isCloseTo(4.0 / 6 / 30, within(1e-15));
        assertThat(p[17]).isCloseTo(2.0 / 6 / 30, within(1e-15));
        assertThat(p[15]).isZero();
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
        double[] may = FourCp.probabilitiesFromHistory(Instant.parse("2024-05-01T05:00:00Z"), 24, 4);
        assertThat(java.util.Arrays.stream(may).sum()).isZero();
        double[] may12 = FourCp.probabilitiesFromHistory(Instant.parse("2024-05-01T05:00:00Z"), 24, 12);
        assertThat(may12[16]).isCloseTo(4.0 / 6 / 31, within(1e-15));
    }

    @Test
    void badInputIsNamedByPath() {
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'transmissionRateUsdPerMwYear': 4000, 'peaks': 5, 'intervalProbabilities': []}")))
                .hasMessageContaining("site.fourCp.peaks");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'transmissionRateUsdPerMwYear': 4000}")))
                .hasMessageContaining("site.fourCp.intervalProbabilities").hasMessageContaining("market.startUtc");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'intervalProbabilities': []}")))
                .hasMessageContaining("site.fourCp.transmissionRateUsdPerMwYear");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'transmissionRateUsdPerMwYear': 4000, "
                + "'intervalProbabilities': [{'hour': 4, 'probability': 0.5}]}")))
                .hasMessageContaining("site.fourCp.intervalProbabilities[0].hour");
        assertThatThrownBy(() -> EngineTestSupport.problem(site("{'transmissionRateUsdPerMwYear': 4000, "
                + "'intervalProbabilities': [{'hour': 1, 'probability': 1.5}]}")))
                .hasMessageContaining("site.fourCp.intervalProbabilities[0].probability");
    }
}
