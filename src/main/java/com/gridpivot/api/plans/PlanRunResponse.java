package com.gridpivot.api.plans;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A plan run's state.
 *
 * @param status          QUEUED, RUNNING, OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT, FAILED, CANCELLED
 * @param progressPercent 0–100
 * @param reason          why it is FAILED, CANCELLED, INFEASIBLE or TIMED_OUT
 * @param attempts        times a worker started it
 * @param worker          the replica that runs or ran it
 * @param cancelRequested a cancel reached it while running
 * @param resultUrl       where the result is (once finished with one)
 */
public record PlanRunResponse(long id, String status, int progressPercent, String reason,
                              @Schema(description = "Times a worker started the run: 1 normally; more when a replica that held it stopped and another ran it again (a graceful shutdown's hand-back does not count)")
                              int attempts,
                              @Schema(description = "The replica that runs or ran it (GRIDPIVOT_REPLICA_ID, or host name and process id); null before it started", nullable = true)
                              String worker,
                              boolean cancelRequested,
                              Instant createdAt, Instant startedAt, Instant finishedAt, String resultUrl) {
}
