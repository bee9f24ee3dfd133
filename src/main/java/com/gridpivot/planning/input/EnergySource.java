package com.gridpivot.planning.input;

/** Where replayed energy prices come from (the stored series in production, arrays in tests). */
@FunctionalInterface
public interface EnergySource {
    /**
     * Hourly prices (USD/MWh) of the UTC calendar year {@code year} at {@code node}, one per hour (8,760 or 8,784); NaN for
     * an hour without a stored value.
     *
     * @throws IllegalArgumentException with a planner's reason when the node is not stored
     */
    double[] yearHourlyUsdPerMwh(String node, int year);

    /**
     * The year completed for replay: a partial first or last day filled from the next or previous day, and said so.
     *
     * @throws ReplayYear.IncompleteYearException when more than that misses
     */
    default ReplayYear replayYear(String node, int year) {
        return ReplayYear.complete(node, year, yearHourlyUsdPerMwh(node, year));
    }
}
