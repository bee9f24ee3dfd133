package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A series as read, before sorting, de-duplication and validation; points keep their source line. */
final class RawSeries {

    record RawPoint(Instant intervalStart, double value, Integer line) {
    }

    final SeriesKind kind;
    final String key;
    /** The interval length of the points; null = infer from the most frequent spacing. */
    final Duration resolution;
    /** Whether the points should form a regular grid (gaps are then reported). */
    final boolean regular;
    final List<RawPoint> points = new ArrayList<>();

    RawSeries(SeriesKind kind, String key, Duration resolution, boolean regular) {
        this.kind = kind;
        this.key = key;
        this.resolution = resolution;
        this.regular = regular;
    }

    void add(Instant intervalStart, double value, Integer line) {
        points.add(new RawPoint(intervalStart, value, line));
    }
}
