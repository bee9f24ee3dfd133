package com.gridpivot.imports;

import com.gridpivot.marketdata.ImportIssue;
import java.time.Instant;
import java.util.List;

/**
 * The validation report of one import, as answered by {@code POST /api/v1/imports} and stored with the batch.
 *
 * @param batchId         the import_batch row (null when nothing was stored because the file had errors)
 * @param format          the format read
 * @param sourceName      the file name or source
 * @param sha256          SHA-256 of the bytes imported (lower-case hex)
 * @param rowsRead        data rows read (header and comment lines excluded)
 * @param pointsAdded     points not stored before, over all series
 * @param pointsUpdated   points stored before with another value, now overwritten
 * @param pointsUnchanged points stored before with the same value, left as they were
 * @param series          what the import did to each series
 * @param issues          the validation findings (ERROR, WARNING, INFO) with 1-based line numbers
 * @param duplicateOf     an earlier batch with the same bytes, or null
 * @param importedAt      when it was stored
 * @param caller          who asked for it
 */
public record ImportReport(Long batchId, String format, String sourceName, String sha256, int rowsRead, int pointsAdded,
                           int pointsUpdated, int pointsUnchanged, List<SeriesReport> series, List<ImportIssue> issues,
                           Long duplicateOf, Instant importedAt, String caller) {

    /**
     * One series of an import.
     *
     * @param seriesId          the stored series
     * @param kind              SeriesKind name
     * @param key               node, GPU model, BTC …
     * @param unit              the unit of the values
     * @param resolutionSeconds the interval length, seconds
     * @param firstStart        the first interval start in the file (UTC)
     * @param lastStart         the last interval start in the file (UTC)
     * @param points            points in the file (after resampling)
     * @param pointsAdded       points not stored before
     * @param pointsUpdated     points stored before with another value
     * @param pointsUnchanged   points stored before with the same value
     */
    public record SeriesReport(Long seriesId, String kind, String key, String unit, long resolutionSeconds,
                               Instant firstStart, Instant lastStart, int points, int pointsAdded, int pointsUpdated,
                               int pointsUnchanged) {
    }

    /** True when the import stored no new or changed point. */
    public boolean addedNothing() {
        return pointsAdded == 0 && pointsUpdated == 0;
    }

    /** The ERROR issues. */
    public List<ImportIssue> errors() {
        return issues.stream().filter(i -> i.severity() == ImportIssue.Severity.ERROR).toList();
    }
}
