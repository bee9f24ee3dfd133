package com.gridpivot.optimization.model;

/**
 * A set of hours that share one dispatch rule: the same fleets have a positive margin and rank in the same merit
 * order (margin per MW of site power). In the naive model every hour is its own block and every fleet is active.
 *
 * @param label             {@code h00042} for a single hour, {@code b003} for a merged block
 * @param hours             the hours of the horizon in the block
 * @param activeFleets      indices of the fleets that may run, in merit order (best first)
 * @param marginSumUsdPerMw for each active fleet, Σ over the block's hours of its margin per MWh of IT load:
 *                          the objective coefficient of one MW dispatched in every hour of the block
 */
public record HourBlock(String label, int[] hours, int[] activeFleets, double[] marginSumUsdPerMw) {
}
