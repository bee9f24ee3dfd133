package com.gridpivot.jobs;

/**
 * Runs one kind of job (plan runs now; sweeps and Monte Carlo sets later). A CDI bean; the runner finds it by {@link #kind()}.
 * The input is the job's stored snapshot, so a retry after a restart runs the same thing.
 */
public interface JobHandler {
    String kind();

    JobOutcome run(String inputJson, JobContext context) throws Exception;
}
