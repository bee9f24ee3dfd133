package com.gridpivot.api.plans;

import com.gridpivot.api.ConflictException;
import com.gridpivot.api.Problem;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.JobStore;
import com.gridpivot.jobs.JobView;
import com.gridpivot.planning.PlanService;
import com.gridpivot.planning.result.PlanComparison;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
    static final String RUNS = "/api/v1/plans/runs/";

    @Inject
    PlanService plans;

    @Inject
    JobStore store;

    @Inject
    JobRunner runner;

    @POST
    @Path("/runs")
    @APIResponse(responseCode = "429", description = "This key has as many runs queued or running as it may (gridpivot.limits.queued-runs-per-key); Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Operation(summary = "Start a plan run", description = "Validated first (400 lists every invalid field); stored with its complete input "
            + "snapshot before the 202, then run by a worker. Poll the Location.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "5-year plan", value = PlanExamples.PLAN_REQUEST)))
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/plans/runs/{id}",
            content = @Content(schema = @Schema(implementation = PlanRunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(PlanRequest request) {
        JobView queued = plans.submit(request);
        return Response.accepted(response(queued)).location(URI.create(RUNS + queued.id())).build();
    }

    @GET
    @Path("/runs/{id}")
    @Operation(summary = "A plan run's status and progress")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = PlanRunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanRunResponse get(@PathParam("id") long id) {
        return response(find(id, false));
    }

    @GET
    @Path("/runs/{id}/result")
    @Operation(summary = "A finished plan run's result", description = "NPV, IRR and payback against staying on Bitcoin, monthly cash and MW by use.")
    @APIResponse(responseCode = "200", description = "The result (also for INFEASIBLE, with an explanation)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = com.gridpivot.planning.result.PlanResult.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not finished, or finished without a result", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response result(@PathParam("id") long id) {
        JobView job = find(id, true);
        if (job.resultJson() == null) {
            throw new ConflictException("status", "run " + id + " is " + job.status() + (job.reason() == null ? "" : " (" + job.reason() + ")")
                    + "; it has no result" + (job.status().terminal() ? "" : " yet"));
        }
        return Response.ok(job.resultJson(), MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("/runs/{id}")
    @Operation(summary = "Cancel a plan run", description = "A queued run never starts; a running one is interrupted and its result discarded.")
    @APIResponse(responseCode = "200", description = "The run after the cancel (CANCELLED, or RUNNING with cancelRequested until the worker stops)")
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already finished", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanRunResponse cancel(@PathParam("id") long id) {
        JobView before = find(id, false);
        if (before.status().terminal()) {
            throw new ConflictException("status", "run " + id + " is already " + before.status());
        }
        return response(runner.cancel(id).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("/runs/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run a FAILED, CANCELLED or TIMED_OUT run again", description = "Same stored input snapshot.")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(schema = @Schema(implementation = PlanRunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in a retryable state", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("id") long id) {
        JobView before = find(id, false);
        if (!runner.retry(id)) {
            throw new ConflictException("status", "run " + id + " is " + before.status() + "; only FAILED, CANCELLED or TIMED_OUT runs can be retried");
        }
        return Response.accepted(response(find(id, false))).location(URI.create(RUNS + id)).build();
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

    private JobView find(long id, boolean withTexts) {
        return store.get(id, withTexts).filter(j -> PlanService.JOB_KIND.equals(j.kind())).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no plan run with id " + id);
    }

    static PlanRunResponse response(JobView j) {
        boolean hasResult = j.status() == JobStatus.OPTIMAL || j.status() == JobStatus.FEASIBLE || j.status() == JobStatus.INFEASIBLE
                || j.status() == JobStatus.TIMED_OUT;
        return new PlanRunResponse(j.id(), j.status().name(), j.progressPercent(), j.reason(), j.attempts(), j.worker(), j.cancelRequested(), j.createdAt(),
                j.startedAt(), j.finishedAt(), hasResult ? RUNS + j.id() + "/result" : null);
    }
}
