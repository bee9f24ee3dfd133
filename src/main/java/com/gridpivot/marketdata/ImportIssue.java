package com.gridpivot.marketdata;

/**
 * One finding of an import's validation.
 *
 * @param severity ERROR rejects the whole file; WARNING and INFO are reported and the file is accepted
 * @param line     1-based line number in the file (or array index + 1 for JSON), null when not tied to a line
 * @param code     a stable machine-readable code, e.g. {@code GAP}, {@code DUPLICATE}, {@code NON_NUMERIC},
 *                 {@code DST_FALL_BACK}, {@code DST_SPRING_FORWARD}, {@code UNIT_SLIP}, {@code MISSING_COLUMN}
 * @param message  what was found, in words
 */
public record ImportIssue(Severity severity, Integer line, String code, String message) {
    public enum Severity { ERROR, WARNING, INFO }
}
