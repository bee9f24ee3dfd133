package com.gridpivot.planning.result;

import com.gridpivot.lp.SolveOutcome;

/**
 * One evaluated plan LP (PlanEngine.evaluate): its values (null without a solution) and how it went. The result
 * builder, the Monte Carlo and the stochastic engine read it; it lives beside them so that the engine depends on the
 * result package and not the other way round.
 */
public record Evaluated(String name, SolveOutcome outcome, PlanValues values, int variables, int constraints, int blocks,
                        double buildMs, String explanation) {
}
