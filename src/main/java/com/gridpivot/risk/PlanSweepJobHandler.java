package com.gridpivot.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.jobs.ChunkedJobHandler;
import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.JobView;
import com.gridpivot.jobs.RunTags;
import com.gridpivot.planning.PlanService;
import com.gridpivot.jobs.QueueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Plan sweeps as durable jobs (served by {@code /api/v1/sweeps/runs} beside what-if sweeps). The stored snapshot holds the
 * plan as a plan run stores it — the scenario's content and the replayed prices copied — so a retry computes the same sweep.
 *
 * <p>In cluster mode the batch (grid points, tornado points, base) is cut into chunks of
 * {@code gridpivot.queue.plan-sweep-points-per-chunk} consecutive plan LPs that any replica solves (one thread each); the
 * run's holder joins them in batch order, builds the tornado and locates the frontier of a one-axis sweep by bisection.
 */
@ApplicationScoped
public class PlanSweepJobHandler implements ChunkedJobHandler {
    public static final String JOB_KIND = "PLAN_SWEEP";

    @Inject
    PlanSweepService sweeps;

    @Inject
    JobRunner runner;

    @Inject
    ObjectMapper json;

    @Inject
    QueueConfig queue;

    @Override
    public String kind() {
        return JOB_KIND;
    }

    /** Validates (400 lists every field), then {@link JobRunner#enqueue}: the run as stored (QUEUED) with its snapshot. */
    public JobView submit(SweepRequest req) {
        String label = req.label() != null ? RunTags.checkedLabel(req.label(), "label")
                : req.plan() == null ? null : RunTags.checkedLabel(req.plan().label(), "plan.label");
        PlanSweepService.Validated v = sweeps.validate(req);
        return runner.enqueue(JOB_KIND, v.snapshot(), PlanService.tags(req.plan(), label));
    }

    @Override
    public JobOutcome run(String inputJson, JobContext ctx) throws Exception {
        PlanSweepService.Validated v = sweeps.validate(json.readValue(inputJson, PlanSweepService.Snapshot.class));
        int total = v.solves();
        // a one-axis sweep then bisects its frontier: the grid takes 0-60 %, the bisection 60-95 % (PlanSweepService.frontierSolves)
        int gridShare = v.axes().size() == 1 ? 60 : 95;
        PlanSweepResult r = sweeps.run(v, Runtime.getRuntime().availableProcessors(),
                done -> ctx.progress((int) Math.min(gridShare, (long) gridShare * done / total)), ctx::cancelled,
                percent -> ctx.progress(60 + 35 * percent / 100));
        if (ctx.cancelled()) {
            return new JobOutcome(JobStatus.CANCELLED, null, "cancelled after " + r.points().size() + " of " + v.points() + " points");
        }
        return new JobOutcome(JobStatus.OPTIMAL, runner.toJson(r), null);
    }

    /**
     * A chunk's answer.
     *
     * @param points      its plan LPs' results, in batch order
     * @param hourBlocks  blocks of its shared model, or of the base's own model
     * @param sharedModel whether one model served its points
     * @param models      plan LPs it built
     * @param times       its build and solve times and largest model
     */
    public record PointsDone(List<PlanSweepPointResult> points, int hourBlocks, boolean sharedModel, int models, SweepTimes.Totals times) {
    }

    private record Shared(PlanSweepService.Validated validated, long startNanos) {
    }

    @Override
    public Split split(String inputJson, JobContext ctx) throws Exception {
        PlanSweepService.Validated v = sweeps.validate(json.readValue(inputJson, PlanSweepService.Snapshot.class));
        return new Split(SweepJobHandler.chunks(v.solves(), queue.planSweepPointsPerChunk(), runner), new Shared(v, System.nanoTime()));
    }

    @Override
    public Object prepare(String inputJson) throws Exception {
        return sweeps.validate(json.readValue(inputJson, PlanSweepService.Snapshot.class));
    }

    @Override
    public String runChunk(Object prepared, String chunkInputJson) throws Exception {
        SweepJobHandler.PointsChunk c = json.readValue(chunkInputJson, SweepJobHandler.PointsChunk.class);
        PlanSweepSolver.Outcome o = sweeps.solvePoints((PlanSweepService.Validated) prepared, c.from(), c.to(), 1, done -> {
        }, () -> false);
        return runner.toJson(new PointsDone(List.of(o.points()), o.hourBlocks(), o.sharedModel(), o.models(), o.times().totals()));
    }

    /**
     * The chunks' results joined in batch order; stats: {@code threads} is the number of chunks (one thread each, on any
     * replica), {@code hourBlocks} the largest chunk's, {@code sharedModel} true when every chunk shared one model,
     * {@code lpModelsBuilt} the chunks' sum.
     */
    @Override
    public JobOutcome assemble(String inputJson, Split split, List<String> chunkResults, JobContext ctx) throws Exception {
        Shared sh = (Shared) split.shared();
        PlanSweepPointResult[] all = new PlanSweepPointResult[sh.validated().solves()];
        SweepTimes times = new SweepTimes();
        int k = 0;
        int blocks = 0;
        int models = 0;
        boolean shared = true;
        for (String r : chunkResults) {
            PointsDone d = json.readValue(r, PointsDone.class);
            for (PlanSweepPointResult p : d.points()) {
                all[k++] = p;
            }
            times.add(d.times());
            blocks = Math.max(blocks, d.hourBlocks());
            models += d.models();
            shared &= d.sharedModel();
        }
        // the chunks took the run to 95 % (JobRunner); the frontier's bisection here moves it on to 99 %
        PlanSweepResult r = sweeps.finish(sh.validated(), all, blocks, shared, models, chunkResults.size(), times, sh.startNanos(), ctx::cancelled,
                percent -> ctx.progress(95 + 4 * percent / 100));
        return new JobOutcome(JobStatus.OPTIMAL, runner.toJson(r), null);
    }
}
