package com.gridpivot.api;

import com.gridpivot.marketdata.SeriesPoint;
import com.gridpivot.persistence.SeriesService;
import com.gridpivot.persistence.SeriesSlice;
import com.gridpivot.persistence.TimeParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stored market series: list, read by range and resolution, export as CSV. */
@Path("/api/v1/series")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Series", description = "Stored market series: energy prices, BTC, hashprice, GPU rates")
public class SeriesResource {
    static final String CSV = "text/csv";

    @Inject
    SeriesService series;

    @GET
    @Operation(summary = "List series", description = "Series metadata ordered by kind and key, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of series",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesPage.class),
                    examples = @ExampleObject(name = "page", value = ApiExamples.SERIES_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<SeriesResponse> list(@Parameter(description = "0-based page number; default 0") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to " + Paging.MAX_SIZE + "; default 50") @QueryParam("size") String size) {
        Paging.Request p = Paging.parse(page, size);
        return Paging.response(series.listSeries(p.page(), p.size()).map(SeriesResponse::of));
    }

    /** The document's name for one page of series (a PageResponse of SeriesResponse); never built. */
    @Schema(name = "SeriesPage")
    record SeriesPage(int page, int size, long totalItems, int totalPages, java.util.List<SeriesResponse> items) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a series' metadata")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = SeriesResponse.class)))
    @APIResponse(responseCode = "404", description = "No such series",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SeriesResponse get(@PathParam("id") long id) {
        return series.find(id).map(SeriesResponse::of).orElseThrow(() -> new NotFoundException("no series with id " + id));
    }

    @GET
    @Path("/{id}/points")
    @Operation(summary = "Read a series by range and resolution",
            description = "Points whose interval starts lie in [from, to). hourly/daily average finer values per UTC hour/day "
                    + "(over the values present) and repeat coarser values in steps.")
    @APIResponse(responseCode = "200", description = "The points",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesPointsResponse.class),
                    examples = @ExampleObject(name = "hourly", value = ApiExamples.SERIES_POINTS)))
    @APIResponse(responseCode = "400", description = "Invalid from, to or resolution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SeriesPointsResponse points(@PathParam("id") long id,
                                       @Parameter(description = "Inclusive start, ISO 8601 (e.g. 2024-01-01T00:00:00Z or 2024-01-01)") @QueryParam("from") String from,
                                       @Parameter(description = "Exclusive end, ISO 8601") @QueryParam("to") String to,
                                       @Parameter(description = "hourly, daily or native (default)") @QueryParam("resolution") String resolution) {
        SeriesSlice slice = slice(id, from, to, resolution);
        long step = slice.resolutionSeconds();
        return new SeriesPointsResponse(slice.series().id(), slice.series().kind().name(), slice.series().key(),
                slice.series().unit(), slice.resolutionSeconds(),
                slice.points().stream()
                        .map(p -> new SeriesPointsResponse.Point(p.intervalStart(), p.intervalStart().plusSeconds(step), p.value()))
                        .toList());
    }

    @GET
    @Path("/{id}/export.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @Operation(summary = "Export a series as CSV",
            description = "Columns interval_start, interval_end (ISO 8601 UTC) and value, in the series' unit. Same range and resolution parameters as /points.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = CSV, examples = @ExampleObject(name = "csv", value = ApiExamples.SERIES_CSV)))
    @APIResponse(responseCode = "400", description = "Invalid from, to or resolution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@PathParam("id") long id,
                           @Parameter(description = "Inclusive start, ISO 8601 (e.g. 2024-01-01T00:00:00Z or 2024-01-01); default: the first point") @QueryParam("from") String from,
                           @Parameter(description = "Exclusive end, ISO 8601; default: after the last point") @QueryParam("to") String to,
                           @Parameter(description = "hourly, daily or native (default)") @QueryParam("resolution") String resolution) {
        SeriesSlice slice = slice(id, from, to, resolution);
        long step = slice.resolutionSeconds();
        StringBuilder csv = new StringBuilder(64 * (slice.points().size() + 1)).append("interval_start,interval_end,value\n");
        for (SeriesPoint p : slice.points()) {
            csv.append(p.intervalStart()).append(',').append(p.intervalStart().plusSeconds(step)).append(',')
                    .append(csvNumber(p.value())).append('\n');
        }
        String file = (slice.series().kind().name() + "_" + slice.series().key()).replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv";
        return Response.ok(csv.toString(), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private SeriesSlice slice(long id, String from, String to, String resolution) {
        Instant f = TimeParams.instant("from", from);
        Instant t = TimeParams.instant("to", to);
        TimeParams.checkRange(f, t);
        return series.read(id, f, t, TimeParams.resolution(resolution));
    }

    /** Plain decimal notation (no exponent), as short as round-trips. */
    static String csvNumber(double v) {
        String s = BigDecimal.valueOf(v).toPlainString();
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
