package com.gridpivot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.EngineTestSupport;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.result.AllocationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI examples are real: the example request, solved, gives the example response's numbers. */
class ApiExamplesTest {
    @Test
    void exampleResponseIsWhatTheEngineAnswers() throws Exception {
        AllocationRequest req = EngineTestSupport.JSON.readValue(ApiExamples.ALLOCATION_REQUEST, AllocationRequest.class);
        AllocationResult r = AllocationEngine.solve(new AllocationProblemAssembler(EngineTestSupport.CATALOG, SolverKind.GLOP, 60).assemble(req)).result();
        JsonNode actual = EngineTestSupport.JSON.valueToTree(r);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/example-response.json"),
                EngineTestSupport.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(actual));
        JsonNode example = EngineTestSupport.JSON.readTree(ApiExamples.ALLOCATION_RESPONSE);
        for (String path : new String[] {"/economics/netUsd", "/allocation/asicItMw/S21", "/allocation/asicItMw/S19 XP",
                "/allocation/aiItMw/H100", "/allocation/aiItMw/colo", "/allocation/aiItMw/flat", "/shadowPrices/interconnectUsdPerMw",
                "/shadowPrices/maxAiItUsdPerMw", "/shadowPrices/capexBudgetUsdPerUsd", "/breakeven/S21/energyPriceUsdPerMwh",
                "/dispatch/S19 XP/maxRunMw", "/dispatch/S19 XP/idleMw", "/dispatch/S19 XP/payingHours", "/dispatch/S21/idleMw"}) {
            assertThat(actual.at(path.replace(" ", " ")).asDouble()).as(path)
                    .isCloseTo(example.at(path).asDouble(), org.assertj.core.api.Assertions.within(1e-3 * Math.max(1, Math.abs(example.at(path).asDouble()))));
        }
        assertThat(actual.at("/status").asText()).isEqualTo("OPTIMAL");
        assertThat(actual.at("/dispatch/S19 XP/idleReason").asText()).isEqualTo(example.at("/dispatch/S19 XP/idleReason").asText());
        assertThat(actual.at("/dispatch/S19 XP/idleNote").asText()).isEqualTo(example.at("/dispatch/S19 XP/idleNote").asText());
    }
}
