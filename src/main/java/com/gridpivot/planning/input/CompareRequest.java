package com.gridpivot.planning.input;

import java.util.List;

/**
 * {@code POST /api/v1/plans/compare}: the optimizer's plan and each fixed plan on the same scenario.
 *
 * @param problem the plan problem, as for a run
 * @param plans   fixed plans (1 to 10)
 */
public record CompareRequest(PlanRequest problem, List<FixedPlanBody> plans) {
}
