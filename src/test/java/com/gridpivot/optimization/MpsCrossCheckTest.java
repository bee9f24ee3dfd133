package com.gridpivot.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.model.AllocationModel;
import com.gridpivot.optimization.model.AllocationModelBuilder;
import com.gridpivot.testdata.Highs;
import com.gridpivot.testdata.RealData;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact LP GridPivot solves, exported as MPS, solved by scipy's HiGHS: same objective to 1e-7 relative. Also
 * shows that every variable and row carries its name (an exported model reads).
 */
class MpsCrossCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"EXACT", "NONE"})
    void exportedModelSolvesToTheSameObjective(String aggregation) throws Exception {
        AllocationRequest r = EngineTestSupport.JSON.convertValue(RealData.yearRequest("GLOP", aggregation), AllocationRequest.class);
        AllocationProblem p = new AllocationProblemAssembler(EngineTestSupport.CATALOG, SolverKind.GLOP, 600).assemble(r);
        double objective = AllocationEngine.solve(p).result().economics().netUsd();
        String mps;
        try (AllocationModel m = AllocationModelBuilder.build(p)) {
            mps = com.gridpivot.lp.MpsWriter.write(m.solver(), "year-" + aggregation);
        }
        assertThat(mps).contains("interconnect[").contains("aiIt[H100]").contains("capexBudget").contains("aiTotal");
        if (aggregation.equals("NONE")) {
            assertThat(mps).contains("dispatch[S21,h00000]").contains("fleetLimit[S19_XP,h08783]").contains("interconnect[h08783]");
        } else {
            assertThat(mps).contains("dispatch[S21,b000]").contains("deployed[M60S]");
        }
        JsonNode highs = Highs.solveMps(mps, Path.of("target/mps/year-" + aggregation + ".mps"));
        assertThat(highs.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(objective).isCloseTo(highs.get("objective").asDouble(), within(1e-7 * Math.abs(objective)));
    }
}
