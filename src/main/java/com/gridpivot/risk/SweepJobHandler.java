package com.gridpivot.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobHandler;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.JobView;
import com.gridpivot.optimization.AllocationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sweeps as durable jobs. The stored snapshot is the sweep request with the what-if's references (stored site, series)
 * resolved to the numbers they had at submission, so a retry after a restart computes the same sweep.
 */
@ApplicationScoped
public class SweepJobHandler implements JobHandler {
    public static final String JOB_KIND = "SWEEP";

    @Inject
    SweepService sweeps;

    @Inject
    AllocationService allocations;

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
        sweeps.validate(req);
        SweepRequest snapshot = new SweepRequest(allocations.resolveInline(req.allocation()), null, req.baseBtcPriceUsd(), req.axes(), req.tornado());
        return runner.enqueue(JOB_KIND, snapshot);
    }

    @Override
    public JobOutcome run(String inputJson, JobContext ctx) throws Exception {
        SweepService.Plan plan = sweeps.validate(json.readValue(inputJson, SweepRequest.class));
        int total = plan.points();
        SweepResult r = sweeps.run(plan, Runtime.getRuntime().availableProcessors(),
                done -> ctx.progress((int) Math.min(95, 95L * done / total)), ctx::cancelled);
        if (ctx.cancelled()) {
            return new JobOutcome(JobStatus.CANCELLED, null, "cancelled after " + r.points().size() + " of " + total + " points");
        }
        return new JobOutcome(JobStatus.OPTIMAL, runner.toJson(r), null);
    }
}
