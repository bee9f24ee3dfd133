package com.gridpivot.risk.runs;

import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobHandler;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobStatus;
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

    @ApplicationScoped
    public static class MonteCarloHandler implements JobHandler {
        @Inject
        RiskRunService service;

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
