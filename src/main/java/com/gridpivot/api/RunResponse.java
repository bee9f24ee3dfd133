package com.gridpivot.api;

import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.JobView;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A durable run of any kind (plan, sweep, Monte Carlo, stochastic plan), the same from {@code /api/v1/runs/{id}} and
 * from the kind's own path.
 *
 * @param siteName        the run's site when it was stored
 * @param label           the caller's label
 * @param kind            PLAN, SWEEP, PLAN_SWEEP, MONTE_CARLO or STOCHASTIC_PLAN
 * @param status          QUEUED, RUNNING, OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT, FAILED, CANCELLED
 * @param progressPercent 0–100
 * @param reason          the error or explanation: why it is FAILED, CANCELLED, INFEASIBLE or TIMED_OUT
 * @param attempts        times a worker started it
 * @param worker          the replica that runs or ran it
 * @param cancelRequested a cancel reached it while running
 * @param resultUrl       the result at the kind's own path, once finished with one
 * @param links           what can be done with it now, at the generic paths
 */
@Schema(name = "Run", description = "A durable run: plan, sweep, Monte Carlo or stochastic plan")
public record RunResponse(
        long id,
        @Schema(description = "The site the run is about, as named when it was stored (the plan's or what-if's site, or the stored "
                + "site it named); null for runs stored before labels existed", nullable = true, example = "West Texas demo") String siteName,
        @Schema(description = "The label given with the request (\"label\"); null when none", nullable = true,
                example = "Board review, 50 MW to AI") String label,
        @Schema(example = "PLAN") String kind,
        @Schema(example = "OPTIMAL") String status,
        int progressPercent,
        @Schema(description = "Why it is FAILED, CANCELLED, INFEASIBLE or TIMED_OUT (the error of a failed run)") String reason,
        @Schema(description = "Times a worker started the run: 1 normally; more when a replica that held it stopped and another ran it "
                + "again (a graceful shutdown's hand-back does not count)") int attempts,
        @Schema(description = "The replica that runs or ran it (GRIDPIVOT_REPLICA_ID, or host name and process id); null before it started",
                nullable = true) String worker,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "The result at the kind's own path, once there is one", example = "/api/v1/plans/runs/7/result") String resultUrl,
        Links links) {

    public static final String RUNS = "/api/v1/runs/";

    /**
     * Links at the generic paths; absent (null) when the action does not apply in the run's status.
     *
     * @param self   {@code GET /api/v1/runs/{id}}
     * @param result {@code GET /api/v1/runs/{id}/result}, once there is a result
     * @param cancel {@code DELETE /api/v1/runs/{id}}, while QUEUED or RUNNING
     * @param retry  {@code POST /api/v1/runs/{id}/retry}, when FAILED, CANCELLED or TIMED_OUT
     */
    @Schema(name = "RunLinks")
    public record Links(@Schema(example = "/api/v1/runs/7") String self, @Schema(example = "/api/v1/runs/7/result") String result,
                        String cancel, String retry) {
    }

    private static final Set<JobStatus> RETRYABLE = EnumSet.of(JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.TIMED_OUT);

    public static RunResponse of(JobView j) {
        RunKind kind = RunKind.of(j.kind());
        boolean hasResult = kind.hasResult(j.status());
        String self = RUNS + j.id();
        Links links = new Links(self, hasResult ? self + "/result" : null, j.status().terminal() ? null : self,
                RETRYABLE.contains(j.status()) ? self + "/retry" : null);
        return new RunResponse(j.id(), j.siteName(), j.label(), j.kind(), j.status().name(), j.progressPercent(), j.reason(), j.attempts(), j.worker(), j.cancelRequested(),
                j.createdAt(), j.startedAt(), j.finishedAt(), hasResult ? kind.path() + j.id() + "/result" : null, links);
    }
}
