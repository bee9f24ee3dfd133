package com.gridpivot.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * @param kind     always {@value #KIND}: tells this answer from a plan sweep's ({@link PlanSweepResult#KIND})
 * @param base     the what-if at base values
 * @param points   every grid point, in grid order (the first axis varies slowest)
 * @param frontier for a one-axis sweep: the values at which the optimal AI MW changes, located to 1e-7 of the range
 * @param tornado  NPV swings, largest first
 * @param stats    how it was computed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepResult(String kind, SweepPointResult base, List<SweepPointResult> points, List<FrontierStep> frontier,
                          List<TornadoBar> tornado, Stats stats) {

    /** The {@code kind} of a what-if sweep's answer (the job kind of its run). */
    public static final String KIND = "SWEEP";

    public SweepResult(SweepPointResult base, List<SweepPointResult> points, List<FrontierStep> frontier, List<TornadoBar> tornado,
                       Stats stats) {
        this(KIND, base, points, frontier, tornado, stats);
    }

    /**
     * @param input       the swept input
     * @param value       the threshold, in the input's unit (e.g. a BTC price)
     * @param aiItMwBelow optimal AI IT MW just below the threshold
     * @param aiItMwAbove optimal AI IT MW just above it
     * @param description the step in words
     */
    public record FrontierStep(String input, double value, double aiItMwBelow, double aiItMwAbove, String description) {
    }

    /**
     * @param input     the input moved
     * @param lowValue  its value at −delta
     * @param highValue its value at +delta
     * @param netUsdLow  netUsd at lowValue
     * @param netUsdHigh netUsd at highValue
     * @param swingUsd   |netUsdHigh − netUsdLow|
     */
    public record TornadoBar(String input, double lowValue, double highValue, double netUsdLow, double netUsdHigh, double swingUsd) {
    }

    /**
     * @param points     grid points solved
     * @param hourBlocks  blocks of the shared model (exact at every point), or of one point's own model
     * @param sharedModel true when one model served every point, false when each point had its own
     * @param threads    worker threads
     * @param wallMs     total time (grid, base, frontier and tornado)
     * @param buildMs    the grid points' model building and coefficient setting, added up over workers
     * @param solveMs    the grid points' LP solves, added up over workers
     * @param variables  variables of the largest model the grid solved
     * @param rows       rows of that model
     */
    public record Stats(int points, int hourBlocks, boolean sharedModel, int threads, double wallMs, double buildMs, double solveMs,
                        int variables, int rows) {
    }
}
