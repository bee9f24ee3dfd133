package com.gridpivot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.errors.ConflictException;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.persistence.AllocationRunRecord;
import com.gridpivot.persistence.AllocationRunService;
import com.gridpivot.reports.AllocationReport;
import com.gridpivot.reports.ReportTable;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A stored run's result tables as files (the hourly detail is not stored, so it is not among them). */
@Path("/api/v1/allocation-runs")
@Tag(name = "Allocation runs", description = "Every allocation request with its result, for audit and reproduction")
public class AllocationRunExportResource {
    @Inject
    AllocationRunService runs;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/{id}/export.xlsx")
    @Produces({Exports.XLSX, Problem.MEDIA_TYPE})
    @Operation(summary = "A run's result tables as XLSX", description = "One sheet per table, as for POST /api/v1/allocations/export.xlsx without the hourly detail.")
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = Exports.XLSX))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run has no stored result to export (it was not solved), or its stored result is not one this version can read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response xlsx(@PathParam("id") long id) {
        return Exports.xlsx(tables(id), "gridpivot-run-" + id);
    }

    @GET
    @Path("/{id}/export.csv")
    @Produces({Exports.CSV, Problem.MEDIA_TYPE})
    @Operation(summary = "A run's result tables as CSV", description = "Without table: every table, each after a line with its title; with table: that one.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = Exports.CSV))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run has no stored result to export (it was not solved), or its stored result is not one this version can read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@PathParam("id") long id,
            @Parameter(description = "one table's title, as in the XLSX sheet names; default: every table") @QueryParam("table") String table) {
        return Exports.csv(tables(id), table, "gridpivot-run-" + id);
    }

    private List<ReportTable> tables(long id) {
        AllocationRunRecord run = runs.get(id).orElseThrow(() -> new NotFoundException("no allocation run with id " + id));
        if (run.resultJson() == null) {
            throw new ConflictException("result", "run " + id + " has no stored result to export");
        }
        try {
            // Tolerant of fields added to the answer after the run was stored.
            AllocationResult result = json.readerFor(AllocationResult.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(run.resultJson());
            return AllocationReport.tables(result);
        } catch (JsonProcessingException e) {
            throw new ConflictException("result", "the stored result of run " + id + " is not an allocation answer this version can read");
        }
    }
}
