package com.gridpivot.api.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.gridpivot.api.ApiExamples;
import com.gridpivot.api.Problem;
import com.gridpivot.optimization.AllocationService;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.security.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/allocations")
@Tag(name = "Allocation", description = "How many MW keep hashing and how many become AI racks")
public class AllocationResource {
    private final AllocationService service;
    private final CurrentCaller caller;

    public AllocationResource(AllocationService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Solve one what-if",
            description = "Builds and solves the allocation LP (models/README.md). An infeasible problem answers 200 with status INFEASIBLE and an explanation; invalid input answers 400 problem+json listing every offending field. Stored data may be used instead of inline arrays: siteId, market.energyPriceSeries {node, from, to}, market.hashpriceSeries {key, from, to}. Every solved request is recorded: runId → GET /api/v1/allocation-runs/{runId}.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocationRequest.class),
            examples = @ExampleObject(name = "West Texas, two days", value = ApiExamples.ALLOCATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "Solved (see status)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocationResult.class),
            examples = @ExampleObject(name = "optimal", value = ApiExamples.ALLOCATION_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "invalid", value = ApiExamples.PROBLEM_400)))
    @APIResponse(responseCode = "503", description = "Every solver slot is busy; Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AllocationResult allocate(String body) throws JsonProcessingException {
        return service.allocateAndRecord(body, caller.name()).result();
    }

    @POST
    @Path("/model.mps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("text/plain")
    @Operation(summary = "The LP of a what-if, as MPS",
            description = "Builds (does not solve) the LP of the request and returns it in free MPS format at full double precision, every variable and row named with its indices (dispatch[S21,b003], interconnect[b003], aiTotal, capexBudget). Any LP solver can read it; models/crosscheck/solve_mps.py solves it with scipy's HiGHS.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocationRequest.class),
            examples = @ExampleObject(name = "West Texas, two days", value = ApiExamples.ALLOCATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "MPS text", content = @Content(mediaType = "text/plain",
            examples = @ExampleObject(name = "mps", value = "NAME West_Texas\nOBJSENSE\n    MAX\nROWS\n N  COST\n L  interconnect[b000]\n...")))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String modelMps(String body) throws JsonProcessingException {
        return service.modelMps(body);
    }
}
