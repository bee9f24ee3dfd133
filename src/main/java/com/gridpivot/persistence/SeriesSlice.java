package com.gridpivot.persistence;

import com.gridpivot.marketdata.SeriesPoint;
import java.util.List;

/**
 * A part of a series, read at some resolution.
 *
 * @param series            the series' metadata
 * @param resolutionSeconds the interval length of {@code points}: each ends {@code resolutionSeconds} after it starts
 * @param points            the values in ascending order of interval start
 */
public record SeriesSlice(SeriesInfo series, int resolutionSeconds, List<SeriesPoint> points) {
}
