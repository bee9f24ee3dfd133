package com.gridpivot.risk.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.errors.FieldError;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.input.PlanRequest.PlanFinanceInput;
import com.gridpivot.planning.input.PlanRequest.TaxInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * finance.tax is rows of the plan LP that the Monte Carlo evaluator and the stochastic plan do not compose (models/PLANS.md,
 * "Taxes"): a 400 naming problem.finance.tax there, never an answer that silently leaves the tax out; without tax, nothing.
 */
class NoTaxInRiskRunsTest {

    static PlanRequest request(TaxInput tax) {
        PlanFinanceInput finance = new PlanFinanceInput(1e6, null, null, null, null, null, null, null, null, tax);
        return new PlanRequest(null, null, null, null, null, finance, "2026-01", 12.0, null, null, null);
    }

    @Test
    void taxIsRefusedInMonteCarloAndStochasticPlans() {
        List<FieldError> errors = new ArrayList<>();
        RiskRunService.noFinancingSources(request(new TaxInput(0.21, null, null, null, null, null, null)), "a Monte Carlo run", errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("problem.finance.tax");
            assertThat(e.reason()).isEqualTo("income tax is not modelled in a Monte Carlo run yet (only in plan runs, comparisons and plan"
                    + " sweeps); leave it out here");
        });
        List<FieldError> none = new ArrayList<>();
        RiskRunService.noFinancingSources(request(null), "a stochastic plan", none);
        assertThat(none).isEmpty();
    }
}
