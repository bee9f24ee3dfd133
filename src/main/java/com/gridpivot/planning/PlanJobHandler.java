package com.gridpivot.planning;

import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobHandler;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.lp.RunControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Runs a stored plan run: the snapshot is re-assembled (same validation) and optimised against staying on Bitcoin. */
@ApplicationScoped
public class PlanJobHandler implements JobHandler {
    @Inject
    PlanService plans;

    @Override
    public String kind() {
        return PlanService.JOB_KIND;
    }

    @Override
    public JobOutcome run(String inputJson, JobContext ctx) {
        List<String> warnings = new ArrayList<>();
        PlanService.PlanRunInput input = plans.read(inputJson);
        PlanProblem p = plans.problem(input, warnings);
        PlanResult r = PlanEngine.optimize(p, RunControl.of(ctx), input.request().wantsBridge()).withWarnings(warnings);
        return new JobOutcome(JobStatus.ofSolve(r.status()), plans.write(r), r.explanation());
    }
}
