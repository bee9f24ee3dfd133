package com.gridpivot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.risk.SweepRequest;
import com.gridpivot.risk.SweepResult;
import com.gridpivot.risk.SweepService;
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

@Path("/api/v1/sweeps")
@Tag(name = "Risk", description = "Sweeps, the pivot frontier and tornados")
public class SweepResource {
    private final SweepService sweeps;
    private final ObjectMapper json;

    public SweepResource(SweepService sweeps, ObjectMapper json) {
        this.sweeps = sweeps;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sweep a what-if over one or two inputs",
            description = "Solves the what-if at every grid point with one shared model (hour blocks exact at every point), gives the pivot frontier of a one-axis sweep (the values at which the optimal AI MW steps, located by bisection to 1e-7 of the range) and, when asked, a tornado of netUsd against ±deltaFraction on each input.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SweepRequest.class),
            examples = @ExampleObject(name = "BTC price sweep", value = ApiExamples.SWEEP_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SweepResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SweepResult sweep(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        SweepService.Plan plan = sweeps.validate(json.readValue(body, SweepRequest.class));
        return sweeps.run(plan, Runtime.getRuntime().availableProcessors(), k -> { }, () -> false);
    }
}
