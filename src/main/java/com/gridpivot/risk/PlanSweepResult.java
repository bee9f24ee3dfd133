package com.gridpivot.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of a plan sweep. Frontier and tornado have the what-if's shape: a frontier step's aiItMwBelow/aiItMwAbove are
 * AI IT MW online at the horizon's end, a tornado bar's netUsdLow/netUsdHigh are the optimal plan's NPV.
 *
 * @param kind         always {@value #KIND}: tells this answer from a what-if sweep's ({@link SweepResult#KIND})
 * @param base         the plan at base values
 * @param points       every grid point, in grid order (the first axis varies slowest)
 * @param frontier     for a one-axis sweep: the values at which the optimal end AI MW steps, located to 1e-5 of the range
 * @param frontierNote how the frontier was found, or why it is missing or cut short
 * @param tornado      NPV swings, largest first
 * @param stats        how it was computed; hourBlocks = Σ over months of the blocks of the (shared) model
 * @param lpModelsBuilt plan LPs built for the grid, tornado and base (one per worker when shared, else one per
 *                      (hashprice, energy) pair run); every other point re-used a model by changing coefficients
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanSweepResult(String kind, PlanSweepPointResult base, List<PlanSweepPointResult> points,
                              List<SweepResult.FrontierStep> frontier, String frontierNote, List<SweepResult.TornadoBar> tornado,
                              SweepResult.Stats stats, int lpModelsBuilt) {

    /** The {@code kind} of a plan sweep's answer (the job kind of its run). */
    public static final String KIND = "PLAN_SWEEP";

    public PlanSweepResult(PlanSweepPointResult base, List<PlanSweepPointResult> points, List<SweepResult.FrontierStep> frontier,
                           String frontierNote, List<SweepResult.TornadoBar> tornado, SweepResult.Stats stats, int lpModelsBuilt) {
        this(KIND, base, points, frontier, frontierNote, tornado, stats, lpModelsBuilt);
    }
}
