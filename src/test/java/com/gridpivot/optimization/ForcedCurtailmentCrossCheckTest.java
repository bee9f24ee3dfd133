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
 * A large-load curtailment order (SB 6) on the real year of {@link YearCrossCheckTest} (ERCOT HB_WEST 2024, interconnect 100 MW,
 * 4 fleets, 3 AI options) against models/crosscheck/allocation_highs.py, which places the forced hours and writes the rows on the
 * naive hourly LP on its own (HiGHS).
 */
class ForcedCurtailmentCrossCheckTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(Map<String, Object> order, Map<String, Object> fourCp, Map<String, Object> contract) {
        Map<String, Object> req = new HashMap<>(RealData.yearRequest("GLOP", "EXACT"));
        Map<String, Object> site = new HashMap<>((Map<String, Object>) req.get("site"));
        site.put("forcedCurtailment", order);
        if (fourCp != null) {
            site.put("fourCp", fourCp);
        }
        if (contract != null) {
            site.put("powerContract", contract);
        }
        req.put("site", site);
        Map<String, Object> market = new HashMap<>((Map<String, Object>) req.get("market"));
        market.put("startUtc", "2024-01-01T00:00:00Z");
        req.put("market", market);
        return req;
    }

    private static JsonNode agrees(String name, Map<String, Object> req) throws Exception {
        AllocationRequest r = EngineTestSupport.JSON.convertValue(req, AllocationRequest.class);
        AllocationResult ours = AllocationEngine.solve(new AllocationProblemAssembler(EngineTestSupport.CATALOG, SolverKind.GLOP, 600)
                .assemble(r)).result();
        assertThat(ours.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(ours.warnings()).isEmpty();
        Path in = Path.of("target/crosscheck-sb6-" + name + ".json").toAbsolutePath();
        Files.createDirectories(in.getParent());
        EngineTestSupport.JSON.writeValue(in.toFile(), req);
        JsonNode highs = Highs.solveRequest(in);
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        double objective = highs.get("objective").asDouble();
        assertThat(ours.economics().netUsd()).isCloseTo(objective, within(1e-7 * Math.abs(objective)));
        assertThat(ours.economics().forcedCurtailment().forcedHours()).isEqualTo(highs.get("forcedHours").asInt());
        assertThat(ours.economics().forcedCurtailment().backupPowerCostUsd())
                .isCloseTo(highs.get("backupPowerCostUsd").asDouble(), within(1e-6 * Math.max(1.0, Math.abs(objective))));
        for (String option : new String[] {"H100", "colo", "flat"}) {
            assertThat(ours.allocation().aiItMw().get(option)).as(option).isCloseTo(highs.get("aiItMw").get(option).asDouble(), within(1e-4));
        }
        if (highs.has("fourCpTagMw")) {
            assertThat(ours.economics().fourCpTagMw()).isCloseTo(highs.get("fourCpTagMw").asDouble(), within(1e-4));
        }
        return highs;
    }

    /** 60 hours at the year's highest prices, limit 0, the AI load on backup at 250 USD/MWh, with 4CP from the shipped history. */
    @Test
    void backupPowerAtTheHighestPricesAgreesWithHighs() throws Exception {
        JsonNode highs = agrees("backup", request(Map.of("hourCount", 60, "backupPowerCostUsdPerMwh", 250),
                Map.of("transmissionRateUsdPerMwYear", 60_000, "peaks", 4), null));
        assertThat(highs.get("forcedHours").asInt()).isEqualTo(60);
    }

    /** 100 highest-price hours, AI COUNTED against a 45 MW limit, on the merged (EXACT) model: forced blocks keep the merging exact. */
    @Test
    void countedAiLoadOnTheMergedModelAgreesWithHighs() throws Exception {
        agrees("counted-exact", request(Map.of("hourCount", 100, "limitMw", 45, "aiLoad", "COUNTED"), null, null));
    }

    /**
     * Listed hours (the first two days of August 2024, hours 5,088 … 5,135), AI COUNTED against a 30 MW limit, with a fixed-price
     * block whose minimum take the order overrides (the hourly model).
     */
    @Test
    void countedAiLoadWithAMinimumTakeAgreesWithHighs() throws Exception {
        List<Integer> hours = java.util.stream.IntStream.range(5_088, 5_136).boxed().toList();
        agrees("counted", request(Map.of("hours", hours, "limitMw", 30, "aiLoad", "COUNTED"), null,
                Map.of("fixedPriceBlocks", List.of(Map.of("mw", 40, "priceUsdPerMwh", 38, "minimumTakeMw", 10)))));
    }
}
