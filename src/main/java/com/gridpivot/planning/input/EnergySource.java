package com.gridpivot.planning.input;

/** Where replayed energy prices come from (the stored series in production, arrays in tests). */
@FunctionalInterface
public interface EnergySource {
    /**
     * Hourly prices (USD/MWh) of the UTC calendar year {@code year} at {@code node}, one per hour (8,760 or 8,784).
     *
     * @throws IllegalArgumentException with a planner's reason when the node or year is not stored completely
     */
    double[] yearHourlyUsdPerMwh(String node, int year);
}
