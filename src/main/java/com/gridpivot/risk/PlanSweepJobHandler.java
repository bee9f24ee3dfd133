package com.gridpivot.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobHandler;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.JobView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Plan sweeps as durable jobs (served by {@code /api/v1/sweeps/runs} beside what-if sweeps). The stored snapshot holds the
 * plan as a plan run stores it — the scenario's content and the replayed prices copied — so a retry computes the same sweep.
 */
@ApplicationScoped
public class PlanSweepJobHandler implements JobHandler {
    public static final String JOB_KIND = "PLAN_SWEEP";

    @Inject
    PlanSweepService sweeps;

    @Inject
    JobRunner runner;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return JOB_KIND;
    }

    /** Validates (400 lists every field), then {@link JobRunner#enqueue}: the run as stored (QUEUED) with its snapshot. */
    public JobView submit(SweepRequest req) {
        PlanSweepService.Validated v = sweeps.validate(req);
        return runner.enqueue(JOB_KIND, v.snapshot());
    }

    @Override
    public JobOutcome run(String inputJson, JobContext ctx) throws Exception {
        PlanSweepService.Validated v = sweeps.validate(json.readValue(inputJson, PlanSweepService.Snapshot.class));
        int total = v.solves();
        PlanSweepResult r = sweeps.run(v, Runtime.getRuntime().availableProcessors(),
                done -> ctx.progress((int) Math.min(95, 95L * done / total)), ctx::cancelled);
        if (ctx.cancelled()) {
            return new JobOutcome(JobStatus.CANCELLED, null, "cancelled after " + r.points().size() + " of " + v.points() + " points");
        }
        return new JobOutcome(JobStatus.OPTIMAL, runner.toJson(r), null);
    }
}
