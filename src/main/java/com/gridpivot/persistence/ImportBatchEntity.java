package com.gridpivot.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One import of market data, kept even when it added nothing, so every series value is traceable. Table {@code import_batch}. */
@Entity
@Table(name = "import_batch")
public class ImportBatchEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** ImportFormat name, or e.g. DERIVED for computed series. */
    @Column(nullable = false, length = 32)
    public String format;

    @Column(name = "source_name", length = 1000)
    public String sourceName;

    /** SHA-256 of the imported bytes, lower-case hex. */
    @Column(length = 64)
    public String sha256;

    @Column(name = "rows_read", nullable = false)
    public int rowsRead;

    @Column(name = "points_added", nullable = false)
    public int pointsAdded;

    @Column(name = "points_updated", nullable = false)
    public int pointsUpdated;

    @Column(name = "points_unchanged", nullable = false)
    public int pointsUnchanged;

    /** An earlier batch with the same sha256, when there is one. */
    @Column(name = "duplicate_of")
    public Long duplicateOf;

    /** The validation report as JSON. */
    @Column(name = "report_json", columnDefinition = "text")
    public String reportJson;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(length = 200)
    public String caller;
}
