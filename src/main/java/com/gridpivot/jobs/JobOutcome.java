package com.gridpivot.jobs;

/**
 * What a handler answers.
 *
 * @param status     a terminal status (OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT, FAILED)
 * @param resultJson the result document, or null
 * @param reason     a planner's explanation when not OPTIMAL, or null
 */
public record JobOutcome(JobStatus status, String resultJson, String reason) {
}
