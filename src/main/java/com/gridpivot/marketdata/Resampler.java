package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts series between resolutions. All bins are UTC hours or UTC days; points are expected in ascending
 * order of interval start (as in {@link ImportedSeries}).
 */
public final class Resampler {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    /** Hourly points plus the warnings found while resampling (e.g. hours with missing quarter-hours). */
    public record Resampled(List<SeriesPoint> points, List<ImportIssue> issues) {
        public Resampled {
            points = List.copyOf(points);
            issues = List.copyOf(issues);
        }
    }

    private Resampler() {
    }

    /**
     * Any series to hourly: sub-hourly → hourly means, hourly → unchanged, daily → each day's value repeated
     * for its 24 UTC hours. Warnings (partial hours) are dropped; use {@link #subHourlyToHourlyMeans} to see them.
     *
     * @param resolution the interval length of {@code points}; must divide an hour, or be one hour or one day
     */
    public static List<SeriesPoint> toHourly(List<SeriesPoint> points, Duration resolution) {
        if (resolution.equals(HOUR)) {
            return List.copyOf(points);
        }
        if (resolution.equals(DAY)) {
            return dailyToHourlySteps(points);
        }
        return subHourlyToHourlyMeans(points, resolution).points();
    }

    /** {@link #toHourly(List, Duration)} for an imported series; the result has a one-hour resolution. */
    public static ImportedSeries toHourly(ImportedSeries series) {
        return new ImportedSeries(series.kind(), series.key(), HOUR,
                toHourly(series.points(), series.resolution()), series.source());
    }

    /**
     * Sub-hourly (e.g. 15-minute) points to hourly means per UTC hour. An hour with missing intervals gets the
     * mean of those present and a WARNING {@code PARTIAL_HOUR}.
     *
     * @param resolution the interval length; must be positive and divide one hour evenly
     */
    public static Resampled subHourlyToHourlyMeans(List<SeriesPoint> points, Duration resolution) {
        if (resolution.isZero() || resolution.isNegative() || resolution.compareTo(HOUR) > 0
                || HOUR.toMillis() % resolution.toMillis() != 0) {
            throw new IllegalArgumentException("resolution " + resolution + " does not divide an hour");
        }
        int perHour = (int) (HOUR.toMillis() / resolution.toMillis());
        TreeMap<Instant, double[]> bins = bin(points, ChronoUnit.HOURS);
        List<SeriesPoint> out = new ArrayList<>(bins.size());
        List<ImportIssue> issues = new ArrayList<>();
        for (Map.Entry<Instant, double[]> e : bins.entrySet()) {
            double sum = e.getValue()[0];
            int n = (int) e.getValue()[1];
            out.add(new SeriesPoint(e.getKey(), sum / n));
            if (n < perHour) {
                issues.add(new ImportIssue(ImportIssue.Severity.WARNING, null, "PARTIAL_HOUR",
                        "hour " + e.getKey() + " has " + n + " of " + perHour + " intervals; mean of those present"));
            }
        }
        return new Resampled(out, issues);
    }

    /** Daily points (UTC midnight starts) to hourly steps: each day's value repeated for its 24 UTC hours. */
    public static List<SeriesPoint> dailyToHourlySteps(List<SeriesPoint> daily) {
        List<SeriesPoint> out = new ArrayList<>(daily.size() * 24);
        for (SeriesPoint p : daily) {
            Instant day = p.intervalStart().truncatedTo(ChronoUnit.DAYS);
            for (int h = 0; h < 24; h++) {
                out.add(new SeriesPoint(day.plus(h, ChronoUnit.HOURS), p.value()));
            }
        }
        return out;
    }

    /** Hourly (or finer) points to daily means per UTC day; a day with missing hours gets the mean of those present. */
    public static List<SeriesPoint> hourlyToDailyMeans(List<SeriesPoint> hourly) {
        TreeMap<Instant, double[]> bins = bin(hourly, ChronoUnit.DAYS);
        List<SeriesPoint> out = new ArrayList<>(bins.size());
        bins.forEach((day, acc) -> out.add(new SeriesPoint(day, acc[0] / acc[1])));
        return out;
    }

    private static TreeMap<Instant, double[]> bin(List<SeriesPoint> points, ChronoUnit unit) {
        TreeMap<Instant, double[]> bins = new TreeMap<>();
        for (SeriesPoint p : points) {
            double[] acc = bins.computeIfAbsent(p.intervalStart().truncatedTo(unit), k -> new double[2]);
            acc[0] += p.value();
            acc[1] += 1;
        }
        return bins;
    }
}
