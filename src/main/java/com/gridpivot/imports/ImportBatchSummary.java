package com.gridpivot.imports;

import com.gridpivot.persistence.ImportBatchEntity;
import java.time.Instant;

/** One import batch in a list, without its series and issues (see {@link ImportReport}). */
public record ImportBatchSummary(long id, String format, String sourceName, String sha256, int rowsRead, int pointsAdded,
                                 int pointsUpdated, int pointsUnchanged, Long duplicateOf, Instant importedAt,
                                 String caller) {
    static ImportBatchSummary of(ImportBatchEntity b) {
        return new ImportBatchSummary(b.id, b.format, b.sourceName, b.sha256, b.rowsRead, b.pointsAdded, b.pointsUpdated,
                b.pointsUnchanged, b.duplicateOf, b.importedAt, b.caller);
    }
}
