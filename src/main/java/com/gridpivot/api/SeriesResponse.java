package com.gridpivot.api;

import com.gridpivot.persistence.SeriesInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The metadata of a stored market series. */
@Schema(name = "Series")
public record SeriesResponse(
        long id,
        @Schema(description = "What it measures (SeriesKind)", example = "ENERGY_PRICE") String kind,
        @Schema(description = "Node, GPU model or BTC", example = "HB_WEST") String key,
        @Schema(example = "USD/MWh") String unit,
        @Schema(description = "Interval length as stored, s", example = "3600") int resolutionSeconds,
        @Schema(description = "Provenance of the latest import") String source,
        Instant importedAt,
        @Schema(description = "Earliest interval start stored") Instant firstStart,
        @Schema(description = "Latest interval start stored") Instant lastStart,
        long pointCount) {
    static SeriesResponse of(SeriesInfo s) {
        return new SeriesResponse(s.id(), s.kind().name(), s.key(), s.unit(), s.resolutionSeconds(), s.source(), s.importedAt(),
                s.firstStart(), s.lastStart(), s.pointCount());
    }
}
