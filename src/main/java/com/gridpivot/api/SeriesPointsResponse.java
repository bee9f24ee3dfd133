package com.gridpivot.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A range of a series at some resolution. */
@Schema(name = "SeriesPoints")
public record SeriesPointsResponse(long seriesId, String kind, String key, String unit,
                                   @Schema(description = "Interval length of the points below, s") int resolutionSeconds,
                                   List<Point> points) {
    /** One value over [intervalStart, intervalEnd), UTC. */
    @Schema(name = "SeriesPoint")
    public record Point(Instant intervalStart, Instant intervalEnd, double value) {
    }
}
