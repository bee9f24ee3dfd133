package com.gridpivot.jobs;

/** The life of a job: QUEUED → RUNNING → one of the terminal states. */
public enum JobStatus {
    QUEUED, RUNNING, OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT, FAILED, CANCELLED;

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }
}
