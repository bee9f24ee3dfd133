package com.gridpivot.persistence;

import com.gridpivot.marketdata.SeriesKind;
import java.time.Instant;

/**
 * The metadata of a stored series.
 *
 * @param firstStart the earliest interval start stored, null when the series is empty
 * @param lastStart  the latest interval start stored
 */
public record SeriesInfo(long id, SeriesKind kind, String key, String unit, int resolutionSeconds, String source,
                         Instant importedAt, Instant firstStart, Instant lastStart, long pointCount) {
    static SeriesInfo of(MarketSeriesEntity e) {
        return new SeriesInfo(e.id, e.kind, e.key, e.unit, e.resolutionSeconds, e.source, e.importedAt, e.firstStart,
                e.lastStart, e.pointCount);
    }
}
