package com.gridpivot.api.plans;

import java.time.Instant;

/**
 * A plan run's state.
 *
 * @param status          QUEUED, RUNNING, OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT, FAILED, CANCELLED
 * @param progressPercent 0–100
 * @param reason          why it is FAILED, CANCELLED, INFEASIBLE or TIMED_OUT
 * @param attempts        times a worker started it
 * @param cancelRequested a cancel reached it while running
 * @param resultUrl       where the result is (once finished with one)
 */
public record PlanRunResponse(long id, String status, int progressPercent, String reason, int attempts, boolean cancelRequested,
                              Instant createdAt, Instant startedAt, Instant finishedAt, String resultUrl) {
}
