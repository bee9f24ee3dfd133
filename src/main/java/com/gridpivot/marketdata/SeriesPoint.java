package com.gridpivot.marketdata;

import java.time.Instant;

/** One value of a series over the interval that starts at {@code intervalStart} (UTC). */
public record SeriesPoint(Instant intervalStart, double value) {
}
