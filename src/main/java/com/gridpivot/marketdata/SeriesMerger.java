package com.gridpivot.marketdata;

import java.util.List;
import java.util.Objects;

/**
 * Merges parts of one series (e.g. the 24 month files of a fluxcore hub, or daily GPU listing snapshots) into
 * one series, checking the seams: overlapping intervals with different values are an ERROR {@code DUPLICATE},
 * identical ones a WARNING (dropped); missing intervals between parts are a WARNING {@code GAP}.
 */
public final class SeriesMerger {

    /** The merged series and the findings at the seams; store nothing when {@link #hasErrors()}. */
    public record Merged(ImportedSeries series, List<ImportIssue> issues) {
        public Merged {
            issues = List.copyOf(issues);
        }

        public boolean hasErrors() {
            return issues.stream().anyMatch(i -> i.severity() == ImportIssue.Severity.ERROR);
        }
    }

    private SeriesMerger() {
    }

    /**
     * Merges parts of the same kind, key and resolution.
     *
     * @param parts at least one part
     * @param checkGaps whether the merged series should be regular (false for rate cards)
     * @throws IllegalArgumentException when the parts differ in kind, key or resolution, or none is given
     */
    public static Merged merge(List<ImportedSeries> parts, boolean checkGaps) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        ImportedSeries first = parts.get(0);
        for (ImportedSeries p : parts) {
            if (p.kind() != first.kind() || !Objects.equals(p.key(), first.key())
                    || !Objects.equals(p.resolution(), first.resolution())) {
                throw new IllegalArgumentException("cannot merge " + p.kind() + "/" + p.key() + "/" + p.resolution()
                        + " into " + first.kind() + "/" + first.key() + "/" + first.resolution());
            }
        }
        RawSeries raw = new RawSeries(first.kind(), first.key(), first.resolution(), checkGaps);
        for (ImportedSeries p : parts) {
            p.points().forEach(pt -> raw.add(pt.intervalStart(), pt.value(), null));
        }
        IssueCollector issues = new IssueCollector();
        // The scale was checked per part; only duplicates and gaps matter at the seams.
        SeriesValidator.Validated v = SeriesValidator.validate(raw, null, issues);
        String sources = parts.stream().map(ImportedSeries::source).distinct()
                .reduce((a, b) -> a + ";" + b).orElse("");
        return new Merged(new ImportedSeries(first.kind(), first.key(), first.resolution(), v.points(), sources),
                issues.toList());
    }

    /** {@link #merge(List, boolean)} with the gap check on. */
    public static Merged merge(List<ImportedSeries> parts) {
        return merge(parts, true);
    }
}
