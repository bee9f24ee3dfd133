package com.gridpivot.risk;

import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.planning.input.PlanRequest;
import java.util.List;

/**
 * {@code POST /api/v1/sweeps}: a what-if or a pivot plan solved over a grid of one or two inputs, with the pivot frontier
 * and a tornado. Give exactly one of {@code allocation} and {@code plan}.
 *
 * @param allocation      the base what-if (inline or by reference, as {@code POST /api/v1/allocations})
 * @param plan            the base plan (as {@code POST /api/v1/plans/runs}): the sweep answers the optimal plan's NPV, AI and
 *                        ASIC MW at every point
 * @param baseBtcPriceUsd the BTC price at which the base hashprice holds (required to sweep BTC_PRICE_USD)
 * @param axes            one or two inputs with their ranges
 * @param tornado         optional: NPV against ±deltaFraction on each input
 * @param label           the caller's name for the stored run (optional; default: the label of {@code allocation} or
 *                        {@code plan}); at most 200 characters, no control characters
 */
public record SweepRequest(AllocationRequest allocation, PlanRequest plan, Double baseBtcPriceUsd, List<Axis> axes, Tornado tornado,
                           String label) {

    /** A request without a label. */
    public SweepRequest(AllocationRequest allocation, PlanRequest plan, Double baseBtcPriceUsd, List<Axis> axes, Tornado tornado) {
        this(allocation, plan, baseBtcPriceUsd, axes, tornado, null);
    }

    /**
     * @param input  what varies: one of {@link SweepInput} (BTC_PRICE_USD for a what-if only, BTC_PRICE_SCALE for a plan)
     * @param from   first value (input's unit: a scale factor, USD for BTC_PRICE_USD, a rate for DISCOUNT_RATE)
     * @param to     last value
     * @param points number of values, evenly spaced, from and to included (at least 2)
     */
    public record Axis(String input, Double from, Double to, Double points) {
    }

    /**
     * @param inputs        the inputs to move (default: every input that applies to the what-if or plan)
     * @param deltaFraction how far each moves, e.g. 0.2 for ±20% (default 0.2)
     */
    public record Tornado(List<String> inputs, Double deltaFraction) {
    }
}
