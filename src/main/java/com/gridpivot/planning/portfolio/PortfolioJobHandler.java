package com.gridpivot.planning.portfolio;

import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobHandler;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.PortfolioProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a stored portfolio plan run: the snapshot re-assembled site by site (same validation), then one LP for the company and
 * one per fixed plan to compare.
 */
@ApplicationScoped
public class PortfolioJobHandler implements JobHandler {
    @Inject
    PortfolioService portfolios;

    @Override
    public String kind() {
        return PortfolioService.JOB_KIND;
    }

    @Override
    public JobOutcome run(String inputJson, JobContext ctx) {
        List<String> warnings = new ArrayList<>();
        PortfolioService.PortfolioRunInput input = portfolios.read(inputJson);
        PortfolioProblem pp = portfolios.problem(input, warnings);
        PortfolioResult r = PortfolioEngine.compare(pp, PortfolioService.fixedPlans(pp, input), RunControl.of(ctx)).withWarnings(warnings);
        String reason = r.status().equals("INFEASIBLE") ? "no portfolio plan meets every site's limits and the shared cash floor, budget and crews" : null;
        return new JobOutcome(JobStatus.ofSolve(r.status()), portfolios.write(r), reason);
    }
}
