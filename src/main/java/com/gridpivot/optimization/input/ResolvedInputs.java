package com.gridpivot.optimization.input;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a request by reference was resolved to, echoed in the answer so that a planner can see which stored data
 * priced the what-if.
 *
 * @param siteId            the stored site used, or null
 * @param startUtc          the UTC start of hour 0, or null when the request gave inline prices without startUtc
 * @param hours             T
 * @param energyPriceSeries the stored price series used, or null
 * @param hashpriceSeries   the stored hashprice series used, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResolvedInputs(Long siteId, String startUtc, int hours, SeriesUse energyPriceSeries, SeriesUse hashpriceSeries) {
    /**
     * @param kind      the series kind (ENERGY_PRICE, HASHPRICE)
     * @param key       the node or series key
     * @param seriesId  its id ({@code GET /api/v1/series/{id}})
     * @param from      first hour used, UTC
     * @param to        end of the range used (exclusive), UTC
     * @param meanValue the mean of the hourly values used, in the series' unit
     */
    public record SeriesUse(String kind, String key, long seriesId, String from, String to, double meanValue) {
    }
}
