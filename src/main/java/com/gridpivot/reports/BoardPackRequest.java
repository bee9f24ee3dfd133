package com.gridpivot.reports;

import com.gridpivot.planning.input.FixedPlanBody;
import com.gridpivot.planning.input.PlanRequest;
import java.util.List;

/**
 * {@code POST /api/v1/reports/board-pack.pdf}: the body of {@code POST /api/v1/plans/compare} plus a title and, for
 * the risk page, finished runs of the same API key. The service runs the comparison itself, so every number in the
 * PDF is the service's or a stored run's.
 *
 * @param problem         the plan problem, as for a plan run
 * @param plans           fixed plans (1 to 10), as for the comparison
 * @param title           the pack's title on its first page (default "Board pack: " and the site's name)
 * @param sweepRunId      a finished sweep run (plan sweep or what-if sweep) whose frontier and tornado the risk page
 *                        shows (absent: the page says how to add them)
 * @param monteCarloRunId a finished Monte Carlo run whose P10/P50/P90 the risk page shows (absent: the page says how)
 */
public record BoardPackRequest(PlanRequest problem, List<FixedPlanBody> plans, String title, Long sweepRunId, Long monteCarloRunId) {

    /** A pack without risk runs. */
    public BoardPackRequest(PlanRequest problem, List<FixedPlanBody> plans, String title) {
        this(problem, plans, title, null, null);
    }
}
