package com.gridpivot.imports;

import com.gridpivot.marketdata.ImportIssue;
import java.util.List;

/**
 * A file whose validation found ERROR issues; nothing of it was stored. Mapped to HTTP 400 problem+json with one
 * error per issue ({@code field} = {@code line N}, or {@code file} when the issue has no line).
 */
public class ImportRejectedException extends RuntimeException {
    private final ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super(summary(report));
        this.report = report;
    }

    /** The report of the rejected file (batchId null: nothing stored). */
    public ImportReport report() {
        return report;
    }

    private static String summary(ImportReport r) {
        List<ImportIssue> errors = r.errors();
        return "'" + r.sourceName() + "' was not imported: " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + " (nothing stored)";
    }
}
