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
 * The 4CP charge with probabilities from the shipped ERCOT history on the real year of {@link YearCrossCheckTest}, together
 * with a fixed-price block, against models/crosscheck/allocation_highs.py, which derives the probabilities from the same CSV
 * on its own (Python's zoneinfo) and solves the hourly LP with HiGHS.
 */
class FourCpCrossCheckTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(int peaks) {
        Map<String, Object> req = new HashMap<>(RealData.yearRequest("GLOP", "EXACT"));
        Map<String, Object> site = new HashMap<>((Map<String, Object>) req.get("site"));
        site.put("fourCp", Map.of("transmissionRateUsdPerMwYear", 60_000, "peaks", peaks));
        site.put("powerContract", Map.of("fixedPriceBlocks", List.of(Map.of("mw", 40, "priceUsdPerMwh", 38))));
        req.put("site", site);
        Map<String, Object> market = new HashMap<>((Map<String, Object>) req.get("market"));
        market.put("startUtc", "2024-01-01T00:00:00Z");
        req.put("market", market);
        return req;
    }

    private static void agrees(int peaks) throws Exception {
        Map<String, Object> req = request(peaks);
        AllocationRequest r = EngineTestSupport.JSON.convertValue(req, AllocationRequest.class);
        AllocationResult ours = AllocationEngine.solve(new AllocationProblemAssembler(EngineTestSupport.CATALOG, SolverKind.GLOP, 600)
                .assemble(r)).result();
        assertThat(ours.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(ours.warnings()).isEmpty();
        Path in = Path.of("target/crosscheck-4cp-" + peaks + ".json").toAbsolutePath();
        Files.createDirectories(in.getParent());
        EngineTestSupport.JSON.writeValue(in.toFile(), req);
        JsonNode highs = Highs.solveRequest(in);
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        double objective = highs.get("objective").asDouble();
        assertThat(ours.economics().netUsd()).isCloseTo(objective, within(1e-7 * Math.abs(objective)));
        assertThat(ours.economics().fourCpTagMw()).isCloseTo(highs.get("fourCpTagMw").asDouble(), within(1e-4));
        assertThat(ours.economics().fourCpChargeUsd()).isPositive();
        for (String option : new String[] {"H100", "colo", "flat"}) {
            assertThat(ours.allocation().aiItMw().get(option)).as(option).isCloseTo(highs.get("aiItMw").get(option).asDouble(), within(1e-4));
        }
    }

    @Test
    void fourPeaksAgreeWithHighs() throws Exception {
        agrees(4);
    }

    @Test
    void twelvePeaksAgreeWithHighs() throws Exception {
        agrees(12);
    }
}
