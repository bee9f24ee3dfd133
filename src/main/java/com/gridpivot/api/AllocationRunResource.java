package com.gridpivot.api;

import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.gridpivot.persistence.AllocationRunRecord;
import com.gridpivot.persistence.AllocationRunService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of allocation runs. */
@Path("/api/v1/allocation-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation runs", description = "Every allocation request with its result, for audit and reproduction")
public class AllocationRunResource {
    @jakarta.inject.Inject
    com.gridpivot.optimization.DispatchExportService dispatchExports;


    @Inject
    AllocationRunService runs;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "List allocation runs", description = "Newest first, without request and result bodies. Page by number "
            + "(page, size) or, for deep pages, by cursor: each page's nextCursor, passed as cursor, gives the next page at the "
            + "cost of the first (page numbers skip page × size runs). A cursor stays valid while runs are added: a page "
            + "by cursor starts right after the run it names.")
    @APIResponse(responseCode = "200", description = "One page of runs",
            content = @Content(schema = @Schema(implementation = AllocationRunPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid page, size or cursor, or both page and cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AllocationRunPage list(@Parameter(description = "0-based page number; default 0; not with cursor") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to " + Paging.MAX_SIZE + "; default 50") @QueryParam("size") String size,
            @Parameter(description = "the nextCursor of the previous page (opaque); absent: the newest runs") @QueryParam("cursor") String cursor) {
        Paging.Request p = Paging.parse(page, size);
        if (cursor == null || cursor.isBlank()) {
            var slice = runs.list(p.page(), p.size());
            var items = slice.items();
            boolean more = (long) p.page() * p.size() + items.size() < slice.totalItems();
            String next = more && !items.isEmpty() ? RunCursor.encode(AllocationRunService.positionOf(items.get(items.size() - 1))) : null;
            return new AllocationRunPage(p.page(), p.size(), slice.totalItems(), AllocationRunPage.pages(slice.totalItems(), p.size()),
                    items.stream().map(this::toResponse).toList(), next);
        }
        if (page != null && !page.isBlank()) {
            throw new InvalidRequestException(List.of(FieldError.of("page", "give either page or cursor, not both")));
        }
        var slice = runs.listAfter(RunCursor.decode(cursor), p.size());
        return new AllocationRunPage(null, p.size(), slice.totalItems(), AllocationRunPage.pages(slice.totalItems(), p.size()),
                slice.items().stream().map(this::toResponse).toList(), slice.next() == null ? null : RunCursor.encode(slice.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an allocation run", description = "The run with its request as sent and its result.")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = AllocationRunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AllocationRunResponse get(@PathParam("id") long id) {
        return runs.get(id).map(this::toResponse).orElseThrow(() -> new NotFoundException("no allocation run with id " + id));
    }

    @GET
    @Path("/{id}/request.json")
    @Operation(summary = "The request of a run, byte for byte as sent", description = "POST it again to reproduce the run.")
    @APIResponse(responseCode = "200", description = "The request body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = com.gridpivot.optimization.input.AllocationRequest.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String request(@PathParam("id") long id) {
        return runs.get(id).map(AllocationRunRecord::requestJson)
                .orElseThrow(() -> new NotFoundException("no allocation run with id " + id));
    }

    private AllocationRunResponse toResponse(AllocationRunRecord r) {
        return new AllocationRunResponse(r.id(), r.createdAt(), r.caller(), r.siteId(), r.siteName(), r.label(), r.status(), r.objectiveUsd(),
                r.solver().solverName(), r.solver().wallMs(), r.solver().variables(), r.solver().constraints(),
                embed(r.requestJson()), embed(r.resolvedRequestJson()), embed(r.resultJson()));
    }

    /** Valid JSON is embedded as it is stored; anything else (which should not happen) as a string. */
    private Object embed(String text) {
        if (text == null) {
            return null;
        }
        try {
            json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            return new RawValue(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    @GET
    @Path("/{id}/dispatch.csv")
    @Produces("text/csv")
    @Operation(summary = "A run's hourly dispatch as CSV",
            description = "Solves the stored (resolved) request again and checks that the objective is the recorded one (409 if not). One row per hour: interval_start, interval_end (ISO 8601 UTC; 'hour' when the request gave no start), price_usd_per_mwh, each fleet's and AI option's IT MW, facility_mw.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "dispatch", value = "interval_start,interval_end,price_usd_per_mwh,S21_it_mw,H100_it_mw,facility_mw\n2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,13.43,70,18.75,97.875\n")))
    @APIResponse(responseCode = "404", description = "No such run, or the run has no solution")
    @APIResponse(responseCode = "409", description = "The stored run no longer solves to its recorded answer, or its stored request no longer passes this version's checks",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response dispatchCsv(@PathParam("id") long id) {
        var export = dispatchExports.export(id);
        return Response.ok(export.csv(), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"allocation-run-" + id + "-dispatch.csv\"")
                .build();
    }
}
