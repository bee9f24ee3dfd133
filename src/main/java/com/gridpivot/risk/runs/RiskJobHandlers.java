package com.gridpivot.risk.runs;

import com.gridpivot.jobs.ChunkedJobHandler;
import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobHandler;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.QueueConfig;
import com.gridpivot.planning.input.FixedPlan;
import java.util.ArrayList;
import java.util.List;
import com.gridpivot.lp.RunControl;
import com.gridpivot.risk.montecarlo.MonteCarloEngine;
import com.gridpivot.risk.montecarlo.MonteCarloResult;
import com.gridpivot.risk.stochastic.SaaEngine;
import com.gridpivot.risk.stochastic.StochasticEngine;
import com.gridpivot.risk.stochastic.StochasticResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The job handlers of Monte Carlo and stochastic-plan runs (the stored snapshot is re-validated, then run). */
public final class RiskJobHandlers {
    private RiskJobHandlers() {
    }

    /**
     * Monte Carlo runs. In cluster mode a run is cut into batches of {@code gridpivot.queue.monte-carlo-paths-per-chunk}
     * paths: the holder checks the plans at the scenario (their LPs) once, each chunk simulates its paths with those plans
     * on any replica, and the holder joins the paths in order and computes the distributions — the same numbers, bit for
     * bit, as one replica (each path depends only on the seed and its index).
     */
    @ApplicationScoped
    public static class MonteCarloHandler implements ChunkedJobHandler {
        @Inject
        RiskRunService service;

        @Inject
        QueueConfig queue;

        /** One chunk: paths {@code from} to {@code to} (exclusive) of the plans feasible at the scenario. */
        public record PathsChunk(int from, int to, List<FixedPlan> plans) {
        }

        @Override
        public String kind() {
            return RiskRunService.MONTE_CARLO;
        }

        @Override
        public JobOutcome run(String inputJson, JobContext ctx) {
            RiskRunService.MonteCarloJob job = service.job(service.read(inputJson, RiskRunService.MonteCarloInput.class));
            MonteCarloResult r = MonteCarloEngine.run(job.problem(), job.plans(), job.includeOptimized(), job.settings(), RunControl.of(ctx));
            // Every plan simulated: OPTIMAL (the run completed); a plan infeasible at the scenario is reported inside the result.
            return new JobOutcome(JobStatus.OPTIMAL, service.write(r), null);
        }

        @Override
        public Split split(String inputJson, JobContext ctx) {
            RiskRunService.MonteCarloJob job = service.job(service.read(inputJson, RiskRunService.MonteCarloInput.class));
            MonteCarloEngine.Prepared prep = MonteCarloEngine.prepare(job.problem(), job.plans(), job.includeOptimized(), RunControl.of(ctx));
            int n = job.settings().paths();
            int per = Math.max(1, queue.monteCarloPathsPerChunk());
            List<String> chunks = new ArrayList<>();
            for (int from = 0; from < n; from += per) {
                chunks.add(service.write(new PathsChunk(from, Math.min(n, from + per), prep.ok())));
            }
            return new Split(chunks, new Shared(job, prep, System.nanoTime()));
        }

        private record Shared(RiskRunService.MonteCarloJob job, MonteCarloEngine.Prepared prepared, long startNanos) {
        }

        @Override
        public Object prepare(String inputJson) {
            return service.job(service.read(inputJson, RiskRunService.MonteCarloInput.class));
        }

        @Override
        public String runChunk(Object prepared, String chunkInputJson) {
            RiskRunService.MonteCarloJob job = (RiskRunService.MonteCarloJob) prepared;
            PathsChunk c = service.read(chunkInputJson, PathsChunk.class);
            return service.write(MonteCarloEngine.simulatePaths(job.problem(), c.plans(), job.settings(), c.from(), c.to()));
        }

        @Override
        public JobOutcome assemble(String inputJson, Split split, List<String> chunkResults, JobContext ctx) {
            Shared sh = (Shared) split.shared();
            List<MonteCarloEngine.Raw> parts = chunkResults.stream().map(t -> service.read(t, MonteCarloEngine.Raw.class)).toList();
            MonteCarloResult r = MonteCarloEngine.finish(sh.job().problem(), sh.job().settings(), sh.prepared(), MonteCarloEngine.join(parts),
                    (System.nanoTime() - sh.startNanos()) / 1e6, RunControl.of(ctx));
            return new JobOutcome(JobStatus.OPTIMAL, service.write(r), null);
        }
    }

    @ApplicationScoped
    public static class StochasticHandler implements JobHandler {
        @Inject
        RiskRunService service;

        @Override
        public String kind() {
            return RiskRunService.STOCHASTIC;
        }

        @Override
        public JobOutcome run(String inputJson, JobContext ctx) {
            RiskRunService.StochasticInput in = service.read(inputJson, RiskRunService.StochasticInput.class);
            StochasticResult r = in.sampling() != null
                    ? SaaEngine.run(service.problem(in).first(), in.sampling(), in.cvar(), RunControl.of(ctx))
                    : StochasticEngine.run(service.problem(in), RunControl.of(ctx));
            return new JobOutcome(JobStatus.ofSolve(r.status()), service.write(r), r.explanation());
        }
    }
}
