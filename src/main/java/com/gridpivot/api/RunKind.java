package com.gridpivot.api;

import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.RunScope;
import com.gridpivot.planning.PlanService;
import com.gridpivot.planning.portfolio.PortfolioService;
import com.gridpivot.risk.PlanSweepJobHandler;
import com.gridpivot.risk.SweepJobHandler;
import com.gridpivot.risk.runs.RiskRunService;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of durable run and where each lives under its own path: the start POST, the kind-specific GET / DELETE /
 * retry (all delegating to {@link com.gridpivot.jobs.Runs}), and the words of its 404 and 409 answers.
 */
public enum RunKind {
    PLAN("/api/v1/plans/runs/", new RunScope(Set.of(PlanService.JOB_KIND), "run", "no plan run with id "),
            EnumSet.of(JobStatus.OPTIMAL, JobStatus.FEASIBLE, JobStatus.INFEASIBLE, JobStatus.TIMED_OUT)),
    SWEEP("/api/v1/sweeps/runs/",
            new RunScope(Set.of(SweepJobHandler.JOB_KIND, PlanSweepJobHandler.JOB_KIND), "sweep run", "no sweep run "),
            EnumSet.of(JobStatus.OPTIMAL)),
    MONTE_CARLO("/api/v1/risk/montecarlo/runs/",
            new RunScope(Set.of(RiskRunService.MONTE_CARLO), "run", "no run with id "),
            EnumSet.of(JobStatus.OPTIMAL, JobStatus.FEASIBLE, JobStatus.INFEASIBLE, JobStatus.TIMED_OUT)),
    STOCHASTIC("/api/v1/risk/stochastic/runs/",
            new RunScope(Set.of(RiskRunService.STOCHASTIC), "run", "no run with id "),
            EnumSet.of(JobStatus.OPTIMAL, JobStatus.FEASIBLE, JobStatus.INFEASIBLE, JobStatus.TIMED_OUT)),
    PORTFOLIO("/api/v1/portfolios/plans/runs/",
            new RunScope(Set.of(PortfolioService.JOB_KIND), "portfolio run", "no portfolio run with id "),
            EnumSet.of(JobStatus.OPTIMAL, JobStatus.FEASIBLE, JobStatus.INFEASIBLE, JobStatus.TIMED_OUT));

    private final String path;
    private final RunScope scope;
    private final Set<JobStatus> withResult;

    RunKind(String path, RunScope scope, Set<JobStatus> withResult) {
        this.path = path;
        this.scope = scope;
        this.withResult = withResult;
    }

    /** The kind-specific base path, ending in "/", e.g. {@code /api/v1/plans/runs/}. */
    public String path() {
        return path;
    }

    /** The runs this kind's own paths answer for. */
    public RunScope scope() {
        return scope;
    }

    /** Whether a run of this kind in this status has a stored result. */
    public boolean hasResult(JobStatus status) {
        return withResult.contains(status);
    }

    /** The run kind of a stored job kind. */
    public static RunKind of(String jobKind) {
        for (RunKind k : values()) {
            if (k.scope.kinds().contains(jobKind)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no run kind for job kind " + jobKind);
    }
}
