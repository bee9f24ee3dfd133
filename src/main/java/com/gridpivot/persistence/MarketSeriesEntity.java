package com.gridpivot.persistence;

import com.gridpivot.marketdata.SeriesKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The metadata of one market series, identified by (kind, key). Its points live in {@code series_point} and are
 * read and written with JDBC by {@link SeriesService}, never loaded as entities. Table {@code market_series}.
 */
@Entity
@Table(name = "market_series")
public class MarketSeriesEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public SeriesKind kind;

    @Column(name = "series_key", nullable = false, length = 100)
    public String key;

    @Column(nullable = false, length = 32)
    public String unit;

    @Column(name = "resolution_seconds", nullable = false)
    public int resolutionSeconds;

    /** Provenance of the latest import that touched the series. */
    @Column(length = 1000)
    public String source;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "first_start")
    public Instant firstStart;

    @Column(name = "last_start")
    public Instant lastStart;

    @Column(name = "point_count", nullable = false)
    public long pointCount;

    @Version
    @Column(nullable = false)
    public long version;
}
