package com.gridpivot.optimization.result;

/**
 * The answer plus its hourly detail, kept out of the JSON answer (exported separately).
 *
 * @param result           the answer
 * @param dispatchMw       [fleet][hour] IT MW dispatched, null without a solution
 * @param facilityMw       [hour] site power, null without a solution
 */
public record AllocationOutcome(AllocationResult result, double[][] dispatchMw, double[] facilityMw) {
}
