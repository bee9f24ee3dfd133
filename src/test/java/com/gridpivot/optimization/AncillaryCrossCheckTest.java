package com.gridpivot.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.testdata.Highs;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ancillary services on the real year of {@link YearCrossCheckTest} (ERCOT HB_WEST 2024, 4 fleets, 3 AI options) against
 * models/crosscheck/allocation_highs.py, which formulates them from models/README.md on the naive hourly LP (our LP merges hours,
 * HourBlocks.exactWithAncillary). The ancillary prices are test inputs, not market data: ECRS at 9.62 USD per MW-h in every hour
 * (the 2024 average that issue 16 states), NSPIN at 3 USD per MW-h with 15 in five evening hours of each day (the rule of the
 * constructed sample file), ERS_30 over four quarters at 12, 6, 6 and 6 USD per MW-h and ERS_10 in the third quarter at 14; expected
 * deployments of each service, and 2 MW of mining that is never offered.
 */
public class AncillaryCrossCheckTest {

    @SuppressWarnings("unchecked")
    public static Map<String, Object> request(String aggregation) {
        Map<String, Object> req = new HashMap<>(RealData.yearRequest("GLOP", aggregation));
        int hours = ((double[]) ((Map<String, Object>) req.get("market")).get("energyPricesUsdPerMwh")).length;
        List<Double> nspin = new ArrayList<>();
        for (int t = 0; t < hours; t++) {
            nspin.add(t % 24 >= 22 || t % 24 < 3 ? 15.0 : 3.0);
        }
        List<Map<String, Object>> quarters = new ArrayList<>();
        int[] edges = {0, 2184, 4368, 6552, hours};
        for (int q = 0; q < 4; q++) {
            quarters.add(Map.of("fromHour", edges[q], "toHour", edges[q + 1], "priceUsdPerMwHour", q == 0 ? 12 : 6));
        }
        Map<String, Object> ancillary = Map.of("minimumRunningMw", 2, "services", List.of(
                Map.of("type", "ECRS", "priceUsdPerMwHour", 9.62, "deployments", List.of(Map.of("fromHour", 4500, "toHour", 4502, "probability", 0.5))),
                Map.of("type", "NSPIN", "pricesUsdPerMwHour", nspin, "deployments", List.of(Map.of("fromHour", 4600, "toHour", 4604, "probability", 0.2))),
                Map.of("type", "ERS_30", "periods", quarters, "deployments", List.of(Map.of("fromHour", 1000, "toHour", 1003, "probability", 0.3))),
                Map.of("type", "ERS_10", "periods", List.of(Map.of("fromHour", 4368, "toHour", 6552, "priceUsdPerMwHour", 14)))));
        Map<String, Object> site = new HashMap<>((Map<String, Object>) req.get("site"));
        site.put("ancillary", ancillary);
        req.put("site", site);
        return req;
    }

    @Test
    void aRealYearAgreesWithHighs() throws Exception {
        Map<String, Object> req = request("EXACT");
        AllocationRequest r = EngineTestSupport.JSON.convertValue(req, AllocationRequest.class);
        AllocationResult ours = AllocationEngine.solve(new AllocationProblemAssembler(EngineTestSupport.CATALOG, SolverKind.GLOP, 600)
                .assemble(r)).result();
        assertThat(ours.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(ours.warnings()).isEmpty();
        Path in = Path.of("target/crosscheck-ancillary.json").toAbsolutePath();
        Files.createDirectories(in.getParent());
        EngineTestSupport.JSON.writeValue(in.toFile(), req);
        JsonNode highs = Highs.solveRequest(in);
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        double objective = highs.get("objective").asDouble();
        assertThat(ours.economics().netUsd()).isCloseTo(objective, within(1e-7 * Math.abs(objective)));
        double net = ours.economics().ancillaryRevenueUsd() - ours.economics().ancillaryDeploymentCostUsd();
        double highsNet = highs.get("ancillaryRevenueUsd").asDouble() - highs.get("ancillaryDeploymentCostUsd").asDouble();
        assertThat(net).isCloseTo(highsNet, within(1e-6 * Math.abs(objective)));
        // the optimum uses every term: hourly offers, ERS commitments and deployments
        assertThat(ours.economics().ancillaryServices().get("ECRS").offeredMwh()).isPositive();
        assertThat(ours.economics().ancillaryServices().get("ERS_30").offeredMwh()).isPositive();
        assertThat(ours.economics().ancillaryServices().get("ERS_10").offeredMwh()).isPositive();
        assertThat(ours.economics().ancillaryDeploymentCostUsd()).isPositive();
        assertThat(ours.solver().hourBlocks()).isLessThan(2_000);
        for (String option : new String[] {"H100", "colo", "flat"}) {
            assertThat(ours.allocation().aiItMw().get(option)).as(option).isCloseTo(highs.get("aiItMw").get(option).asDouble(), within(1e-4));
        }
    }
}
