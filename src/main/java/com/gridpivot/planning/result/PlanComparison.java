package com.gridpivot.planning.result;

import java.util.List;

/**
 * Plans side by side on one scenario: the optimizer's first, then the stay-on-Bitcoin baseline, then each fixed plan.
 *
 * @param startMonth first month
 * @param months     horizon
 * @param hourModel  EXACT_BLOCKS or HOURLY
 * @param plans      one answer per plan
 */
public record PlanComparison(String startMonth, int months, String hourModel, List<PlanResult> plans) {
    /** The same comparison with these input warnings on every plan. */
    public PlanComparison withWarnings(List<String> warnings) {
        return new PlanComparison(startMonth, months, hourModel, plans.stream().map(p -> p.withWarnings(warnings)).toList());
    }
}
