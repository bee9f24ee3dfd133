package com.gridpivot.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.jobs.ChunkedJobHandler;
import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.JobView;
import com.gridpivot.jobs.RunTags;
import com.gridpivot.jobs.QueueConfig;
import com.gridpivot.optimization.AllocationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Sweeps as durable jobs. The stored snapshot is the sweep request with the what-if's references (stored site, series)
 * resolved to the numbers they had at submission, so a retry after a restart computes the same sweep.
 *
 * <p>In cluster mode a sweep is cut into chunks of {@code gridpivot.queue.sweep-points-per-chunk} consecutive grid points
 * that any replica solves (one thread each); the run's holder joins them in grid order and solves the base, the frontier
 * of a one-axis sweep and the tornado (single what-ifs, milliseconds each).
 */
@ApplicationScoped
public class SweepJobHandler implements ChunkedJobHandler {
    public static final String JOB_KIND = "SWEEP";

    @Inject
    SweepService sweeps;

    @Inject
    AllocationService allocations;

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
                : req.allocation() == null ? null : RunTags.checkedLabel(req.allocation().label(), "allocation.label");
        sweeps.validate(req);
        SweepRequest snapshot = new SweepRequest(allocations.resolveInline(req.allocation()), null, req.baseBtcPriceUsd(), req.axes(), req.tornado(),
                req.label());
        var site = snapshot.allocation() == null ? null : snapshot.allocation().site();
        return runner.enqueue(JOB_KIND, snapshot, new RunTags(site == null ? null : site.name(), label));
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

    /** One chunk: the grid points {@code from} (inclusive) to {@code to} (exclusive). */
    public record PointsChunk(int from, int to) {
    }

    /**
     * A chunk's answer.
     *
     * @param points      its points, in grid order
     * @param hourBlocks  blocks of its shared model, or of a point's own model
     * @param sharedModel whether one model served its points
     * @param times       its build and solve times and largest model
     */
    public record PointsDone(List<SweepPointResult> points, int hourBlocks, boolean sharedModel, SweepTimes.Totals times) {
    }

    private record Shared(SweepService.Plan plan, long startNanos) {
    }

    @Override
    public Split split(String inputJson, JobContext ctx) throws Exception {
        SweepService.Plan plan = sweeps.validate(json.readValue(inputJson, SweepRequest.class));
        return new Split(chunks(plan.points(), queue.sweepPointsPerChunk(), runner), new Shared(plan, System.nanoTime()));
    }

    /** Consecutive ranges of {@code per} points (the last may be shorter), as chunk inputs. */
    static List<String> chunks(int points, int per, JobRunner runner) {
        int size = Math.max(1, per);
        List<String> out = new ArrayList<>();
        for (int from = 0; from < points; from += size) {
            out.add(runner.toJson(new PointsChunk(from, Math.min(points, from + size))));
        }
        return out;
    }

    @Override
    public Object prepare(String inputJson) throws Exception {
        return sweeps.validate(json.readValue(inputJson, SweepRequest.class));
    }

    @Override
    public String runChunk(Object prepared, String chunkInputJson) throws Exception {
        PointsChunk c = json.readValue(chunkInputJson, PointsChunk.class);
        SweepSolver.Outcome o = sweeps.solvePoints((SweepService.Plan) prepared, c.from(), c.to(), 1, done -> {
        }, () -> false);
        return runner.toJson(new PointsDone(o.points(), o.hourBlocks(), o.sharedModel(), o.times().totals()));
    }

    /**
     * The chunks' points joined in grid order; stats: {@code threads} is the number of chunks (one thread each, on any
     * replica), {@code hourBlocks} the largest chunk's, {@code sharedModel} true when every chunk shared one model.
     */
    @Override
    public JobOutcome assemble(String inputJson, Split split, List<String> chunkResults, JobContext ctx) throws Exception {
        Shared sh = (Shared) split.shared();
        List<SweepPointResult> points = new ArrayList<>();
        SweepTimes times = new SweepTimes();
        int blocks = 0;
        boolean shared = true;
        for (String r : chunkResults) {
            PointsDone d = json.readValue(r, PointsDone.class);
            points.addAll(d.points());
            times.add(d.times());
            blocks = Math.max(blocks, d.hourBlocks());
            shared &= d.sharedModel();
        }
        SweepResult r = sweeps.finish(sh.plan(), points, blocks, shared, times, chunkResults.size(), sh.startNanos());
        return new JobOutcome(JobStatus.OPTIMAL, runner.toJson(r), null);
    }
}
