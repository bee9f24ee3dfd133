package com.gridpivot.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored value of a series. Mapped so that the schema is validated at start; {@link SeriesService} reads
 * and writes the table with batched JDBC because a year of 15-minute prices is 35,000 rows.
 */
@Entity
@Table(name = "series_point")
@IdClass(SeriesPointEntity.Key.class)
public class SeriesPointEntity {
    @Id
    @Column(name = "series_id", nullable = false)
    public Long seriesId;

    @Id
    @Column(name = "interval_start", nullable = false)
    public Instant intervalStart;

    @Column(name = "point_value", nullable = false)
    public double value;

    public static class Key implements Serializable {
        public Long seriesId;
        public Instant intervalStart;

        public Key() {
        }

        public Key(Long seriesId, Instant intervalStart) {
            this.seriesId = seriesId;
            this.intervalStart = intervalStart;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(seriesId, k.seriesId) && Objects.equals(intervalStart, k.intervalStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(seriesId, intervalStart);
        }
    }
}
