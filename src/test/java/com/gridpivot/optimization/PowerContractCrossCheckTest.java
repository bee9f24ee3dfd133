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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Power contracts on the real year of {@link YearCrossCheckTest} (ERCOT HB_WEST 2024, 4 fleets, 3 AI options), solved by
 * GridPivot and by the independent formulation of models/crosscheck/allocation_highs.py (explicit used and resold block
 * energy per hour, solved by HiGHS).
 */
class PowerContractCrossCheckTest {

    private static AllocationResult solve(Map<String, Object> request) {
        AllocationRequest r = EngineTestSupport.JSON.convertValue(request, AllocationRequest.class);
        return AllocationEngine.solve(new AllocationProblemAssembler(EngineTestSupport.CATALOG, SolverKind.GLOP, 600).assemble(r)).result();
    }

    private static Map<String, Object> withContract(Map<String, Object> contract) {
        Map<String, Object> req = new HashMap<>(RealData.yearRequest("GLOP", "EXACT"));
        Map<String, Object> site = new HashMap<>(castMap(req.get("site")));
        site.put("powerContract", contract);
        req.put("site", site);
        return req;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static void agrees(String name, Map<String, Object> request) throws Exception {
        AllocationResult ours = solve(request);
        assertThat(ours.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(ours.warnings()).isEmpty();
        Path in = Path.of("target/crosscheck-" + name + ".json").toAbsolutePath();
        Files.createDirectories(in.getParent());
        EngineTestSupport.JSON.writeValue(in.toFile(), request);
        JsonNode highs = Highs.solveRequest(in);
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        double objective = highs.get("objective").asDouble();
        assertThat(ours.economics().netUsd()).isCloseTo(objective, within(1e-7 * Math.abs(objective)));
        for (String option : new String[] {"H100", "colo", "flat"}) {
            assertThat(ours.allocation().aiItMw().get(option)).as(option).isCloseTo(highs.get("aiItMw").get(option).asDouble(), within(1e-4));
        }
        if (highs.has("powerContractValueUsd")) {
            double value = highs.get("powerContractValueUsd").asDouble();
            assertThat(ours.economics().powerCreditsUsd() + ours.economics().fixedPriceSavingsUsd()).isCloseTo(value, within(1e-6 * Math.abs(value)));
        }
    }

    /** 60 MW all year at 35 USD/MWh and 20 MW at 55 USD/MWh in hours 3,624–5,831 (June–August) without minimum take. */
    @Test
    void fixedPriceBlocksAgreeWithHighs() throws Exception {
        agrees("blocks", withContract(Map.of("fixedPriceBlocks", List.of(
                Map.of("mw", 60, "priceUsdPerMwh", 35),
                Map.of("mw", 20, "priceUsdPerMwh", 55, "fromHour", 3624, "toHour", 5832)))));
    }

    /** The summer block with a minimum take of 15 MW: the hourly model, against HiGHS's hourly formulation. */
    @Test
    void minimumTakeAgreesWithHighs() throws Exception {
        agrees("minimum-take", withContract(Map.of("fixedPriceBlocks", List.of(
                Map.of("mw", 60, "priceUsdPerMwh", 35),
                Map.of("mw", 20, "priceUsdPerMwh", 55, "fromHour", 3624, "toHour", 5832, "minimumTakeMw", 15)))));
    }

    /** Retail at 38 + 4 USD/MWh. */
    @Test
    void retailAgreesWithHighs() throws Exception {
        agrees("retail", withContract(Map.of("retail", Map.of("rateUsdPerMwh", 38, "adderUsdPerMwh", 4))));
    }
}
