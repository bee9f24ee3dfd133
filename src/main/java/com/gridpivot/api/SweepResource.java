package com.gridpivot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.jobs.RunScope;
import com.gridpivot.jobs.Runs;
import com.gridpivot.risk.PlanSweepJobHandler;
import com.gridpivot.risk.PlanSweepResult;
import com.gridpivot.risk.PlanSweepService;
import com.gridpivot.risk.SweepJobHandler;
import com.gridpivot.risk.SweepRequest;
import com.gridpivot.risk.SweepResult;
import com.gridpivot.risk.SweepService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sweeps")
@Tag(name = "Risk", description = "Sweeps, the pivot frontier and tornados")
public class SweepResource {
    static final String RUNS = RunKind.SWEEP.path();
    private static final RunScope SCOPE = RunKind.SWEEP.scope();
    private final SweepService sweeps;
    private final ObjectMapper json;
    private final SweepJobHandler jobs;
    private final Runs runs;
    private final PlanSweepService planSweeps;
    private final PlanSweepJobHandler planJobs;

    public SweepResource(SweepService sweeps, ObjectMapper json, SweepJobHandler jobs, Runs runs,
                         PlanSweepService planSweeps, PlanSweepJobHandler planJobs) {
        this.sweeps = sweeps;
        this.planSweeps = planSweeps;
        this.planJobs = planJobs;
        this.json = json;
        this.jobs = jobs;
        this.runs = runs;
    }

    @POST
    @Path("/runs")
    @APIResponse(responseCode = "429", description = "This key has as many runs queued or running as it may (gridpivot.limits.queued-runs-per-key); Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a sweep as a durable job",
            description = "A what-if (allocation) or a pivot plan (plan: the body of POST /api/v1/plans/runs), exactly one. Validated first (400 lists every invalid field), stored with its complete input snapshot before the 202, run by a worker over all cores. Poll the Location; DELETE cancels.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SweepRequest.class),
            examples = {@ExampleObject(name = "BTC price sweep", value = ApiExamples.SWEEP_REQUEST),
                @ExampleObject(name = "Plan sweep (BTC price path scale)", value = com.gridpivot.api.plans.PlanExamples.PLAN_SWEEP_REQUEST)}))
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/sweeps/runs/{id}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        SweepRequest req = json.readValue(body, SweepRequest.class);
        return RunResource.accepted(isPlan(req) ? planJobs.submit(req) : jobs.submit(req), RUNS);
    }

    @GET
    @Path("/runs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A sweep run's status and progress")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RunResponse status(@PathParam("id") long id) {
        return RunResponse.of(runs.find(id, SCOPE));
    }

    @GET
    @Path("/runs/{id}/result")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A finished sweep's result")
    @APIResponse(responseCode = "200", description = "The sweep result (PlanSweepResult for a plan)",
            content = @Content(schema = @Schema(oneOf = {SweepResult.class, PlanSweepResult.class}, discriminatorProperty = "kind",
                    discriminatorMapping = {@DiscriminatorMapping(value = SweepResult.KIND, schema = SweepResult.class),
                        @DiscriminatorMapping(value = PlanSweepResult.KIND, schema = PlanSweepResult.class)})))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not finished, or finished without a result", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response result(@PathParam("id") long id) {
        return Response.ok(runs.result(id, SCOPE), MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("/runs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a sweep run", description = "A queued run never starts; a running one stops after the points in progress.")
    @APIResponse(responseCode = "200", description = "The run after the cancel")
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already finished", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RunResponse cancel(@PathParam("id") long id) {
        return RunResponse.of(runs.cancel(id, SCOPE));
    }

    @POST
    @Path("/runs/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a FAILED, CANCELLED or TIMED_OUT sweep run again", description = "Same stored input snapshot (as POST /api/v1/runs/{id}/retry).")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not in a retryable state", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response retry(@PathParam("id") long id) {
        return RunResource.accepted(runs.retry(id, SCOPE), RUNS);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sweep a what-if or a plan over one or two inputs, answered at once (for long sweeps use POST /api/v1/sweeps/runs)",
            description = "With plan instead of allocation: the optimal plan's NPV, end AI and ASIC MW and first AI month at every point, one re-used plan LP per worker (models/RISK.md). Solves the what-if at every grid point with one shared model (hour blocks exact at every point), gives the pivot frontier of a one-axis sweep (the values at which the optimal AI MW steps, located by bisection to 1e-7 of the range) and, when asked, a tornado of netUsd against ±deltaFraction on each input.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SweepRequest.class),
            examples = {@ExampleObject(name = "BTC price sweep", value = ApiExamples.SWEEP_REQUEST),
                @ExampleObject(name = "Plan sweep (BTC price path scale)", value = com.gridpivot.api.plans.PlanExamples.PLAN_SWEEP_REQUEST)}))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {SweepResult.class, PlanSweepResult.class}, discriminatorProperty = "kind",
                    discriminatorMapping = {@DiscriminatorMapping(value = SweepResult.KIND, schema = SweepResult.class),
                        @DiscriminatorMapping(value = PlanSweepResult.KIND, schema = PlanSweepResult.class)})))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Object sweep(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        SweepRequest req = json.readValue(body, SweepRequest.class);
        int threads = Runtime.getRuntime().availableProcessors();
        if (isPlan(req)) {
            return planSweeps.run(planSweeps.validate(req), threads, k -> { }, () -> false);
        }
        SweepService.Plan plan = sweeps.validate(req);
        return sweeps.run(plan, threads, k -> { }, () -> false);
    }

    /** A plan sweep: a plan and no allocation (both given: the what-if's validation names the field). */
    private static boolean isPlan(SweepRequest req) {
        return req != null && req.plan() != null && req.allocation() == null;
    }
}
