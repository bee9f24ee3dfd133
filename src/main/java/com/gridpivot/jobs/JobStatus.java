package com.gridpivot.jobs;

/** The life of a job: QUEUED → RUNNING → one of the terminal states. */
public enum JobStatus {
    QUEUED, RUNNING, OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT, FAILED, CANCELLED;

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }

    /** The job status of a plan or stochastic solve's status (OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT); any other is FAILED. */
    public static JobStatus ofSolve(String solveStatus) {
        return switch (solveStatus) {
            case "OPTIMAL" -> OPTIMAL;
            case "FEASIBLE" -> FEASIBLE;
            case "INFEASIBLE" -> INFEASIBLE;
            case "TIMED_OUT" -> TIMED_OUT;
            default -> FAILED;
        };
    }
}
