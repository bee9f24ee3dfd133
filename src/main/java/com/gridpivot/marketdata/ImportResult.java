package com.gridpivot.marketdata;

import java.util.List;

/**
 * The outcome of parsing one file: the series it holds (one file may hold several settlement points) and the
 * validation report. When {@link #hasErrors()} the series must not be stored.
 *
 * @param format    the format that was read
 * @param rowsRead  data rows read (header and comment lines excluded)
 * @param series    the normalized series
 * @param issues    the validation findings
 */
public record ImportResult(ImportFormat format, int rowsRead, List<ImportedSeries> series, List<ImportIssue> issues) {
    public ImportResult {
        series = List.copyOf(series);
        issues = List.copyOf(issues);
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.severity() == ImportIssue.Severity.ERROR);
    }
}
