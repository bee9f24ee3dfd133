package com.gridpivot.reports;

import com.gridpivot.planning.input.FixedPlanBody;
import com.gridpivot.planning.input.PlanRequest;
import java.util.List;

/**
 * {@code POST /api/v1/reports/board-pack.pdf}: the body of {@code POST /api/v1/plans/compare} plus a title. The
 * service runs the comparison itself, so every number in the PDF is the service's.
 *
 * @param problem the plan problem, as for a plan run
 * @param plans   fixed plans (1 to 10), as for the comparison
 * @param title   the pack's title on its first page (default "Board pack: " and the site's name)
 */
public record BoardPackRequest(PlanRequest problem, List<FixedPlanBody> plans, String title) {
}
