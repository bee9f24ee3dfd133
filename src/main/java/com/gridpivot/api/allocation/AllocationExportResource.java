package com.gridpivot.api.allocation;

import com.gridpivot.api.ApiExamples;
import com.gridpivot.api.Problem;
import com.gridpivot.optimization.AllocationService;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.result.AllocationOutcome;
import com.gridpivot.api.Exports;
import com.gridpivot.reports.AllocationReport;
import com.gridpivot.reports.ReportTable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The what-if's result tables as files: solves the same request as {@code POST /api/v1/allocations}. */
@Path("/api/v1/allocations")
@Tag(name = "Allocation", description = "How many MW keep hashing and how many become AI racks")
public class AllocationExportResource {
    private final AllocationService service;

    public AllocationExportResource(AllocationService service) {
        this.service = service;
    }

    @POST
    @Path("/export.xlsx")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({Exports.XLSX, Problem.MEDIA_TYPE})
    @Operation(summary = "Solve one what-if and download its tables as XLSX",
            description = "One sheet per table: Summary, Allocation, Economics, Revenue per MWh, Dispatch, Breakeven, Shadow prices, Hourly dispatch.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocationRequest.class),
            examples = @ExampleObject(name = "West Texas, two days", value = ApiExamples.ALLOCATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = Exports.XLSX))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Every solver slot is busy; Retry-After says when to try again")
    public Response xlsx(AllocationRequest request) {
        return Exports.xlsx(tables(request), "gridpivot-what-if");
    }

    @POST
    @Path("/export.csv")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({Exports.CSV, Problem.MEDIA_TYPE})
    @Operation(summary = "Solve one what-if and download its tables as CSV",
            description = "Without table: every table, each after a line with its title. With table: that table alone as a plain CSV.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocationRequest.class)))
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = Exports.CSV))
    @APIResponse(responseCode = "400", description = "Invalid request or unknown table", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Every solver slot is busy; Retry-After says when to try again")
    public Response csv(@Parameter(description = "summary, allocation, economics, revenue-per-mwh, dispatch, breakeven, shadow-prices or hourly-dispatch")
                        @QueryParam("table") String table, AllocationRequest request) {
        return Exports.csv(tables(request), table, "gridpivot-what-if");
    }

    private List<ReportTable> tables(AllocationRequest request) {
        AllocationOutcome outcome = service.allocate(request);
        List<ReportTable> tables = new ArrayList<>(AllocationReport.tables(outcome.result()));
        List<String> fleets = outcome.result().dispatch() == null ? List.of() : List.copyOf(outcome.result().dispatch().keySet());
        tables.add(AllocationReport.hourlyDispatch(fleets, outcome.dispatchMw(), outcome.facilityMw()));
        return tables;
    }
}
