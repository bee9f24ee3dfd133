package com.gridpivot.risk.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.errors.FieldError;
import com.gridpivot.planning.GpuLifePlanTest;
import com.gridpivot.planning.PlanTestSupport;
import com.gridpivot.planning.input.PlanRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo of fixed plans and the sampled stochastic plan do not hold a GPU life yet: a 400 naming
 * problem.aiOptions[j].gpuLife, never an answer that silently leaves it out; a request without one passes.
 */
class RiskRunGpuLifeTest {
    @Test
    void aGpuLifeIsRefusedByPathWhereItIsNotModelled() throws Exception {
        PlanRequest with = PlanTestSupport.JSON.treeToValue(GpuLifePlanTest.json("'leaseUsdPerGpuHour': 2.0, 'kwPerGpu': 1.0",
                "'gpuLifeYears': 5, 'gpuCapexUsdPerMw': 1.0e6"), PlanRequest.class);
        List<FieldError> errors = new ArrayList<>();
        RiskRunService.noGpuLife(with, "a Monte Carlo run", errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("problem.aiOptions[0].gpuLife");
            assertThat(e.reason()).contains("not modelled in a Monte Carlo run");
        });
        PlanRequest without = PlanTestSupport.JSON.treeToValue(GpuLifePlanTest.json("'leaseUsdPerGpuHour': 2.0, 'kwPerGpu': 1.0", null),
                PlanRequest.class);
        List<FieldError> none = new ArrayList<>();
        RiskRunService.noGpuLife(without, "a Monte Carlo run", none);
        assertThat(none).isEmpty();
    }
}
