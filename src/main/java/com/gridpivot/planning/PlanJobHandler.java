package com.gridpivot.planning;

import com.google.ortools.linearsolver.MPSolver;
import com.gridpivot.jobs.JobContext;
import com.gridpivot.jobs.JobHandler;
import com.gridpivot.jobs.JobOutcome;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.solve.RunControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
        PlanProblem p = plans.problem(plans.read(inputJson));
        PlanResult r = PlanEngine.optimize(p, new RunControl() {
            @Override
            public void progress(int percent) {
                ctx.progress(percent);
            }

            @Override
            public boolean cancelled() {
                return ctx.cancelled();
            }

            @Override
            public void solving(MPSolver solver) {
                ctx.onCancel(solver == null ? null : solver::interruptSolve);
            }
        });
        JobStatus status = switch (r.status()) {
            case "OPTIMAL" -> JobStatus.OPTIMAL;
            case "FEASIBLE" -> JobStatus.FEASIBLE;
            case "INFEASIBLE" -> JobStatus.INFEASIBLE;
            case "TIMED_OUT" -> JobStatus.TIMED_OUT;
            default -> JobStatus.FAILED;
        };
        return new JobOutcome(status, plans.write(r), r.explanation());
    }
}
