package com.gridpivot.api.plans;

import com.gridpivot.api.Problem;
import com.gridpivot.api.RunKind;
import com.gridpivot.api.RunResource;
import com.gridpivot.api.RunResponse;
import com.gridpivot.jobs.RunScope;
import com.gridpivot.jobs.Runs;
import com.gridpivot.planning.PlanService;
import com.gridpivot.planning.input.CompareRequest;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.result.PlanComparison;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Multi-year pivot plans: durable runs (202 + poll) and side-by-side comparison of fixed plans. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Multi-year conversion schedules: capex, lead times, halving, budget; NPV, IRR and payback against staying on Bitcoin")
public class PlanResource {
    static final String RUNS = RunKind.PLAN.path();
    private static final RunScope SCOPE = RunKind.PLAN.scope();

    @Inject
    PlanService plans;

    @Inject
    Runs runs;

    @POST
    @Path("/runs")
    @APIResponse(responseCode = "429", description = "This key has as many runs queued or running as it may (gridpivot.limits.queued-runs-per-key); Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Operation(summary = "Start a plan run", description = "Validated first (400 lists every invalid field); stored with its complete input "
            + "snapshot before the 202, then run by a worker. Poll the Location.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "5-year plan", value = PlanExamples.PLAN_REQUEST)))
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/plans/runs/{id}",
            content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(PlanRequest request) {
        return RunResource.accepted(plans.submit(request), RUNS);
    }

    @GET
    @Path("/runs/{id}")
    @Operation(summary = "A plan run's status and progress")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunResponse get(@PathParam("id") long id) {
        return RunResponse.of(runs.find(id, SCOPE));
    }

    @GET
    @Path("/runs/{id}/result")
    @Operation(summary = "A finished plan run's result", description = "NPV, IRR and payback against staying on Bitcoin, monthly cash and MW by use.")
    @APIResponse(responseCode = "200", description = "The result (also for INFEASIBLE, with an explanation)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = com.gridpivot.planning.result.PlanResult.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not finished, or finished without a result", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response result(@PathParam("id") long id) {
        return Response.ok(runs.result(id, SCOPE), MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("/runs/{id}")
    @Operation(summary = "Cancel a plan run", description = "A queued run never starts; a running one is interrupted and its result discarded.")
    @APIResponse(responseCode = "200", description = "The run after the cancel (CANCELLED, or RUNNING with cancelRequested until the worker stops)")
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already finished", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunResponse cancel(@PathParam("id") long id) {
        return RunResponse.of(runs.cancel(id, SCOPE));
    }

    @POST
    @Path("/runs/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run a FAILED, CANCELLED or TIMED_OUT run again", description = "Same stored input snapshot.")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in a retryable state", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("id") long id) {
        return RunResource.accepted(runs.retry(id, SCOPE), RUNS);
    }

    @POST
    @Path("/compare")
    @Operation(summary = "Compare fixed plans with the optimizer's", description = "Each fixed plan's decisions are fixed by variable bounds "
            + "and only the dispatch is optimised; the optimizer's plan and the stay-on-Bitcoin baseline come first.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Three plans", value = PlanExamples.COMPARE_REQUEST)))
    @APIResponse(responseCode = "200", description = "One answer per plan", content = @Content(schema = @Schema(implementation = PlanComparison.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanComparison compare(CompareRequest request) {
        return plans.compare(request);
    }
}
