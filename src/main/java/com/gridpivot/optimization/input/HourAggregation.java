package com.gridpivot.optimization.input;

/** How the hours of the horizon enter the LP. */
public enum HourAggregation {
    /**
     * Hours in which the same fleets have a positive margin, in the same merit order, are merged into one block whose
     * margins are the sums over its hours. This is exact: for any deployment and AI load the block's optimal
     * dispatch is the same greedy fill for each of its hours, so the optimum and the duals' sums equal the hourly
     * model's. See models/README.md.
     */
    EXACT,
    /** One dispatch variable per fleet and hour and one interconnect row per hour: the naive model. */
    NONE
}
