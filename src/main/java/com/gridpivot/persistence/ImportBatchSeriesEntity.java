package com.gridpivot.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** What one import batch did to one series. Table {@code import_batch_series}. */
@Entity
@Table(name = "import_batch_series")
@IdClass(ImportBatchSeriesEntity.Key.class)
public class ImportBatchSeriesEntity {
    @Id
    @Column(name = "batch_id", nullable = false)
    public Long batchId;

    @Id
    @Column(name = "series_id", nullable = false)
    public Long seriesId;

    @Column(name = "points_added", nullable = false)
    public int pointsAdded;

    @Column(name = "points_updated", nullable = false)
    public int pointsUpdated;

    @Column(name = "points_unchanged", nullable = false)
    public int pointsUnchanged;

    public static class Key implements Serializable {
        public Long batchId;
        public Long seriesId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(batchId, k.batchId) && Objects.equals(seriesId, k.seriesId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(batchId, seriesId);
        }
    }
}
