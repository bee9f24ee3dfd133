package com.gridpivot.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.testdata.Highs;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A year of real ERCOT HB_WEST prices (2024, 8,784 hours) with a daily hashprice from real BTC history, 4 fleets
 * and 3 AI options, solved by GridPivot (merged and naive models, GLOP and CLP) and by an independent formulation
 * of the contract in Python, solved by scipy's HiGHS (models/crosscheck/allocation_highs.py).
 */
class YearCrossCheckTest {
    private static Map<String, Object> request;
    private static AllocationResult exact;

    @BeforeAll
    static void solveOnce() {
        request = RealData.yearRequest("GLOP", "EXACT");
        exact = solve("GLOP", "EXACT");
    }

    private static AllocationResult solve(String solver, String aggregation) {
        Map<String, Object> req = new java.util.HashMap<>(request);
        req.put("solver", solver);
        req.put("hourAggregation", aggregation);
        AllocationRequest r = EngineTestSupport.JSON.convertValue(req, AllocationRequest.class);
        return AllocationEngine.solve(new AllocationProblemAssembler(EngineTestSupport.CATALOG, SolverKind.GLOP, 600).assemble(r)).result();
    }

    @Test
    void mergedAndNaiveModelsAgree() {
        AllocationResult naive = solve("GLOP", "NONE");
        assertThat(exact.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(naive.status()).isEqualTo(LpStatus.OPTIMAL);
        double scale = Math.abs(naive.economics().netUsd());
        assertThat(exact.economics().netUsd()).isCloseTo(naive.economics().netUsd(), within(1e-7 * scale));
        assertThat(exact.shadowPrices().capexBudgetUsdPerUsd()).isCloseTo(naive.shadowPrices().capexBudgetUsdPerUsd(), within(1e-6));
        assertThat(exact.solver().hourBlocks()).isLessThan(200);
        assertThat(naive.solver().hourBlocks()).isEqualTo(8784);
        assertThat(exact.warnings()).isEmpty();
    }

    @Test
    void clpAgreesWithGlop() {
        AllocationResult clp = solve("CLP", "EXACT");
        assertThat(clp.economics().netUsd()).isCloseTo(exact.economics().netUsd(), within(1e-7 * Math.abs(exact.economics().netUsd())));
    }

    @Test
    void pdlpAgreesWithGlopWithinItsTolerance() {
        AllocationResult pdlp = solve("PDLP", "EXACT");
        assertThat(pdlp.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(pdlp.economics().netUsd()).isCloseTo(exact.economics().netUsd(), within(1e-6 * Math.abs(exact.economics().netUsd())));
    }

    @Test
    void independentHighsFormulationAgrees() throws Exception {
        Path in = Path.of("target/crosscheck-year-request.json").toAbsolutePath();
        Files.createDirectories(in.getParent());
        EngineTestSupport.JSON.writeValue(in.toFile(), request);
        JsonNode highs = Highs.solveRequest(in);
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        double objective = highs.get("objective").asDouble();
        assertThat(exact.economics().netUsd()).isCloseTo(objective, within(1e-7 * Math.abs(objective)));
        for (String option : new String[] {"H100", "colo", "flat"}) {
            assertThat(exact.allocation().aiItMw().get(option)).as(option).isCloseTo(highs.get("aiItMw").get(option).asDouble(), within(1e-4));
        }
        for (String fleet : new String[] {"S21", "S19 XP", "S21 XP", "M60S"}) {
            assertThat(exact.dispatch().get(fleet).energyMwh()).as(fleet)
                    .isCloseTo(highs.get("asicEnergyMwh").get(fleet).asDouble(), within(1e-3 * Math.max(1, highs.get("asicEnergyMwh").get(fleet).asDouble())));
        }
    }
}
