package com.gridpivot.planning.model;

/**
 * Hours of one month that share one dispatch rule (see {@link MonthBlocks}). Sums are over the block's hours, per MW
 * of IT load dispatched in every hour of the block.
 *
 * @param label          {@code b003} (merged) or {@code h0042} (hourly model)
 * @param hours          number of hours in the block
 * @param activeFleets   indices of the fleets that may run, best first
 * @param revenueUsdPerMw Σₜ (1 − fee) hₜ 1000/(24 e) per active fleet
 * @param energyUsdPerMw  Σₜ pₜ pue per active fleet
 * @param varOpexUsdPerMw Σₜ varOpex per active fleet
 */
public record MonthBlock(String label, int hours, int[] activeFleets, double[] revenueUsdPerMw, double[] energyUsdPerMw,
                         double[] varOpexUsdPerMw) {
    public double marginUsdPerMw(int k) {
        return revenueUsdPerMw[k] - energyUsdPerMw[k] - varOpexUsdPerMw[k];
    }
}
