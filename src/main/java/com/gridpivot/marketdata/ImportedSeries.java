package com.gridpivot.marketdata;

import java.time.Duration;
import java.util.List;

/**
 * A series read from a file, normalized: UTC interval starts in ascending order, no duplicates, values in
 * {@link SeriesKind#unit()}.
 *
 * @param kind       what it measures
 * @param key        what it is about: the settlement point for energy prices (e.g. {@code HB_WEST}),
 *                   the GPU model for lease rates (e.g. {@code H100}), {@code BTC} for network series
 * @param resolution the interval length as stored (1 h for energy prices after resampling, 1 day for BTC)
 * @param points     the values
 * @param source     where the data came from (file name, provider), kept as provenance
 */
public record ImportedSeries(SeriesKind kind, String key, Duration resolution, List<SeriesPoint> points, String source) {
    public ImportedSeries {
        points = List.copyOf(points);
    }
}
