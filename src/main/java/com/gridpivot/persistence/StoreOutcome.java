package com.gridpivot.persistence;

import com.gridpivot.marketdata.SeriesKind;
import java.util.List;

/**
 * What {@link SeriesService#store} did.
 *
 * @param batchId            the import_batch row recording this import
 * @param duplicateOfBatchId an earlier batch with the same bytes (sha256), or null
 * @param pointsAdded        points that were not stored before
 * @param pointsUpdated      points stored before with a different value, now overwritten
 * @param pointsUnchanged    points stored before with the same value, left as they were
 * @param series             the same counts per series
 */
public record StoreOutcome(long batchId, Long duplicateOfBatchId, int pointsAdded, int pointsUpdated, int pointsUnchanged,
                           List<PerSeries> series) {
    public StoreOutcome {
        series = List.copyOf(series);
    }

    /** The counts of one series; {@code created} when the series did not exist before. */
    public record PerSeries(long seriesId, SeriesKind kind, String key, boolean created, int pointsAdded, int pointsUpdated,
                            int pointsUnchanged) {
    }
}
