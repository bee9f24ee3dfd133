package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalizes and validates one raw series: sorts by interval start, resolves duplicates, reports gaps and
 * unit slips. Shared by all importers so the report means the same for every format.
 */
final class SeriesValidator {

    /** A normalized series with the resolution that was used for the gap check. */
    record Validated(List<SeriesPoint> points, Duration resolution) {
    }

    /** Ratio band treated as "about 1000×". */
    static final double SLIP_RATIO_LOW = 200;
    static final double SLIP_RATIO_HIGH = 5000;

    private SeriesValidator() {
    }

    static Validated validate(RawSeries raw, ExpectedScale scale, IssueCollector issues) {
        List<RawSeries.RawPoint> sorted = new ArrayList<>(raw.points);
        sorted.sort(Comparator.comparing(RawSeries.RawPoint::intervalStart));
        List<RawSeries.RawPoint> unique = dropDuplicates(raw, sorted, issues);
        Duration resolution = raw.resolution != null ? raw.resolution : inferResolution(unique);
        if (raw.regular && resolution != null) {
            reportGaps(raw, unique, resolution, issues);
        }
        checkUnitSlips(raw, unique, scale, resolution, issues);
        List<SeriesPoint> points = unique.stream().map(p -> new SeriesPoint(p.intervalStart(), p.value())).toList();
        return new Validated(points, resolution);
    }

    private static List<RawSeries.RawPoint> dropDuplicates(RawSeries raw, List<RawSeries.RawPoint> sorted,
                                                           IssueCollector issues) {
        List<RawSeries.RawPoint> out = new ArrayList<>(sorted.size());
        for (RawSeries.RawPoint p : sorted) {
            RawSeries.RawPoint last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.intervalStart().equals(p.intervalStart())) {
                if (Double.compare(last.value(), p.value()) == 0) {
                    issues.warning(p.line(), "DUPLICATE", where(p) + raw.key + ": interval " + p.intervalStart()
                            + " repeated with the same value " + p.value() + "; the repeat was dropped");
                } else {
                    issues.error(p.line(), "DUPLICATE", where(p) + raw.key + ": interval " + p.intervalStart()
                            + " given twice with different values " + last.value() + " (" + where(last).trim()
                            + ") and " + p.value());
                }
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /** The most frequent positive spacing between consecutive points, or null with fewer than two points. */
    static Duration inferResolution(List<RawSeries.RawPoint> points) {
        Map<Duration, Integer> counts = new HashMap<>();
        for (int i = 1; i < points.size(); i++) {
            Duration d = Duration.between(points.get(i - 1).intervalStart(), points.get(i).intervalStart());
            counts.merge(d, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<Duration, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static void reportGaps(RawSeries raw, List<RawSeries.RawPoint> points, Duration step,
                                   IssueCollector issues) {
        long stepMs = step.toMillis();
        for (int i = 1; i < points.size(); i++) {
            Instant prev = points.get(i - 1).intervalStart();
            Instant next = points.get(i).intervalStart();
            long diffMs = Duration.between(prev, next).toMillis();
            if (diffMs <= stepMs) {
                continue;
            }
            if (diffMs % stepMs != 0) {
                issues.warning(points.get(i).line(), "MISALIGNED", where(points.get(i)) + raw.key + ": interval "
                        + next + " is not on the " + step + " grid after " + prev);
                continue;
            }
            long missing = diffMs / stepMs - 1;
            issues.warning(points.get(i).line(), "GAP", where(points.get(i)) + raw.key + ": " + missing
                    + " missing interval(s) of " + step + " starting at " + prev.plus(step));
        }
    }

    private static void checkUnitSlips(RawSeries raw, List<RawSeries.RawPoint> points, ExpectedScale scale,
                                       Duration resolution, IssueCollector issues) {
        if (points.isEmpty()) {
            return;
        }
        String unit = raw.kind.unit();
        boolean scaleOk = true;
        if (scale != null) {
            double median = medianAbsNonZero(points, 0, points.size());
            if (median > 0 && (median < scale.typicalMagnitudeMin() || median > scale.typicalMagnitudeMax())) {
                scaleOk = false;
                boolean tooSmall = median < scale.typicalMagnitudeMin();
                double fixed = tooSmall ? median * 1000 : median / 1000;
                if (fixed >= scale.typicalMagnitudeMin() && fixed <= scale.typicalMagnitudeMax()) {
                    issues.error(points.get(0).line(), "UNIT_SLIP", raw.key + ": median |value| " + median
                            + " is about 1000x " + (tooSmall ? "below" : "above") + " the expected "
                            + scale.typicalMagnitudeMin() + ".." + scale.typicalMagnitudeMax() + " " + unit + "; "
                            + UnitHints.fix(raw.kind, tooSmall));
                } else {
                    issues.warning(points.get(0).line(), "OUT_OF_SCALE", raw.key + ": median |value| " + median
                            + " is outside the expected " + scale.typicalMagnitudeMin() + ".."
                            + scale.typicalMagnitudeMax() + " " + unit);
                }
            }
            if (scaleOk) {
                for (RawSeries.RawPoint p : points) {
                    double v = p.value();
                    if (v >= scale.min() && v <= scale.max()) {
                        continue;
                    }
                    boolean tooSmall = v < scale.min();
                    double fixed = tooSmall ? v * 1000 : v / 1000;
                    if (v != 0 && fixed >= scale.min() && fixed <= scale.max()) {
                        issues.error(p.line(), "UNIT_SLIP", where(p) + raw.key + ": value " + v + " at "
                                + p.intervalStart() + " is about 1000x " + (tooSmall ? "below" : "above")
                                + " the expected " + scale.min() + ".." + scale.max() + " " + unit + "; "
                                + UnitHints.fix(raw.kind, tooSmall));
                    } else {
                        issues.warning(p.line(), "OUT_OF_RANGE", where(p) + raw.key + ": value " + v + " at "
                                + p.intervalStart() + " is outside the expected " + scale.min() + ".."
                                + scale.max() + " " + unit);
                    }
                }
            }
        }
        if (scaleOk) {
            checkJumps(raw, points, resolution, issues);
        }
    }

    /**
     * Finds a level shift by about 1000×: the median |value| of the window after a point against the window
     * before it. Medians make single spikes (ERCOT scarcity hours) pass; a unit change that persists does not.
     * Over the two years of ERCOT HB_WEST/HB_NORTH data the largest day-over-day ratio of median |price| is 33x,
     * far from the 200..5000 band used here.
     */
    private static void checkJumps(RawSeries raw, List<RawSeries.RawPoint> points, Duration resolution,
                                   IssueCollector issues) {
        // one day of points for sub-daily series (shorter windows flag ERCOT's hours of near-zero prices),
        // a week for daily and coarser ones
        int window = resolution != null && resolution.compareTo(Duration.ofDays(1)) < 0
                ? (int) Math.max(1, Duration.ofDays(1).toMillis() / resolution.toMillis()) : 7;
        int n = points.size();
        if (n < 6) {
            return;
        }
        int w = Math.min(window, n / 2);
        for (int i = w; i <= n - w; i++) {
            double before = medianAbsNonZero(points, i - w, i);
            double after = medianAbsNonZero(points, i, i + w);
            if (before <= 0 || after <= 0) {
                continue;
            }
            double ratio = after / before;
            boolean up = ratio >= SLIP_RATIO_LOW && ratio <= SLIP_RATIO_HIGH;
            boolean down = 1 / ratio >= SLIP_RATIO_LOW && 1 / ratio <= SLIP_RATIO_HIGH;
            if (up || down) {
                // the window medians flip a few points early; report the first point that is itself ~1000x off
                int at = i;
                for (int j = i; j < Math.min(n, i + w); j++) {
                    double r = Math.abs(points.get(j).value()) / before;
                    if (r > 0 && (up ? r >= SLIP_RATIO_LOW : 1 / r >= SLIP_RATIO_LOW)) {
                        at = j;
                        break;
                    }
                }
                RawSeries.RawPoint p = points.get(at);
                issues.error(p.line(), "UNIT_SLIP", where(p) + raw.key + ": values jump by about "
                        + Math.round(up ? ratio : 1 / ratio) + "x " + (up ? "up" : "down") + " at "
                        + p.intervalStart() + " (median " + before + " before, " + after + " after) — a unit change"
                        + " inside the series? " + UnitHints.fix(raw.kind, down));
                i = at + w;
            }
        }
    }

    private static double medianAbsNonZero(List<RawSeries.RawPoint> points, int from, int to) {
        double[] values = new double[to - from];
        int k = 0;
        for (int i = from; i < to; i++) {
            double a = Math.abs(points.get(i).value());
            if (a > 0) {
                values[k++] = a;
            }
        }
        if (k == 0) {
            return 0;
        }
        double[] v = Arrays.copyOf(values, k);
        Arrays.sort(v);
        return k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
    }

    private static String where(RawSeries.RawPoint p) {
        return p.line() == null ? "" : "line " + p.line() + ": ";
    }
}
