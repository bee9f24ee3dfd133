package com.gridpivot.api;

import com.gridpivot.jobs.JobView;
import com.gridpivot.jobs.RunScope;
import com.gridpivot.jobs.Runs;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every durable run in one place: plan runs, what-if and plan sweeps, Monte Carlo and stochastic runs. They are started
 * by their kind's POST ({@code /api/v1/plans/runs}, {@code /api/v1/sweeps/runs}, {@code /api/v1/risk/montecarlo/runs},
 * {@code /api/v1/risk/stochastic/runs}); here they are listed, read, cancelled and retried alike.
 */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Every durable run (plan, sweep, Monte Carlo, stochastic): list, status, result, cancel, retry")
public class RunResource {
    static final String RUN_EXAMPLE = """
            {"id": 7, "siteName": "West Texas demo", "label": "Board review, 50 MW to AI", "kind": "PLAN", "status": "FAILED", "progressPercent": 0,
             "reason": "interrupted by a restart of the service; POST …/retry to run it again", "attempts": 1, "cancelRequested": false,
             "createdAt": "2026-12-04T15:00:00Z", "startedAt": null, "finishedAt": "2026-12-04T15:02:10Z", "resultUrl": null,
             "links": {"self": "/api/v1/runs/7", "result": null, "cancel": null, "retry": "/api/v1/runs/7/retry"}}""";
    static final String RETRIED_EXAMPLE = """
            {"id": 7, "siteName": "West Texas demo", "label": "Board review, 50 MW to AI", "kind": "PLAN", "status": "QUEUED", "progressPercent": 0, "reason": null, "attempts": 1, "cancelRequested": false,
             "createdAt": "2026-12-04T15:00:00Z", "startedAt": null, "finishedAt": null, "resultUrl": null,
             "links": {"self": "/api/v1/runs/7", "result": null, "cancel": "/api/v1/runs/7", "retry": null}}""";
    static final String PAGE_EXAMPLE = """
            {"page": 0, "size": 50, "totalItems": 1, "totalPages": 1, "items": [
             {"id": 12, "siteName": "West Texas demo", "label": null, "kind": "MONTE_CARLO", "status": "OPTIMAL", "progressPercent": 100, "reason": null, "attempts": 1,
              "cancelRequested": false, "createdAt": "2026-12-04T15:10:00Z", "startedAt": "2026-12-04T15:10:00Z",
              "finishedAt": "2026-12-04T15:10:04Z", "resultUrl": "/api/v1/risk/montecarlo/runs/12/result",
              "links": {"self": "/api/v1/runs/12", "result": "/api/v1/runs/12/result", "cancel": null, "retry": null}}]}""";

    @Inject
    Runs runs;

    @GET
    @Operation(summary = "List runs of every kind", description = "Newest first, without inputs and results; filter by kind, status, "
            + "site name and label.")
    @APIResponse(responseCode = "200", description = "One page of runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Runs", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid kind, status, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<RunResponse> list(
            @Parameter(description = "PLAN, SWEEP, PLAN_SWEEP, MONTE_CARLO or STOCHASTIC_PLAN; default every kind", example = "PLAN") @QueryParam("kind") String kind,
            @Parameter(description = "QUEUED, RUNNING, OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT, FAILED or CANCELLED; default every status", example = "FAILED") @QueryParam("status") String status,
            @Parameter(description = "runs whose site name contains this text, ignoring case; default every site", example = "West Texas") @QueryParam("site") String site,
            @Parameter(description = "runs whose label contains this text, ignoring case; default every run", example = "board") @QueryParam("label") String label,
            @Parameter(description = "0-based page number; default 0") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to " + Paging.MAX_SIZE + "; default 50") @QueryParam("size") String size) {
        Paging.Request p = Paging.parse(page, size);
        return Paging.response(runs.list(kind, status, site, label, p.page(), p.size()).map(RunResponse::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A run's status and progress")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RunResponse.class), examples = @ExampleObject(name = "A failed plan run", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunResponse get(@PathParam("id") long id) {
        return RunResponse.of(runs.find(id, RunScope.ANY));
    }

    @GET
    @Path("/{id}/result")
    @Operation(summary = "A finished run's result", description = "The kind's result: PlanResult, SweepResult, PlanSweepResult, MonteCarloResult or StochasticResult.")
    @APIResponse(responseCode = "200", description = "The result", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {com.gridpivot.planning.result.PlanResult.class, com.gridpivot.risk.SweepResult.class,
                com.gridpivot.risk.PlanSweepResult.class, com.gridpivot.risk.montecarlo.MonteCarloResult.class,
                com.gridpivot.risk.stochastic.StochasticResult.class})))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not finished, or finished without a result", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response result(@PathParam("id") long id) {
        return Response.ok(runs.result(id, RunScope.ANY), MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a run", description = "A queued run never starts; a running one is interrupted and its result discarded.")
    @APIResponse(responseCode = "200", description = "The run after the cancel (CANCELLED, or RUNNING with cancelRequested until the worker stops)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already finished", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunResponse cancel(@PathParam("id") long id) {
        return RunResponse.of(runs.cancel(id, RunScope.ANY));
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run a FAILED, CANCELLED or TIMED_OUT run again, of any kind", description = "Same stored input snapshot; Location: the run.")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RunResponse.class), examples = @ExampleObject(name = "Queued again", value = RETRIED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in a retryable state", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("id") long id) {
        return accepted(runs.retry(id, RunScope.ANY), RunResponse.RUNS);
    }

    /** 202 with the run as queued and its Location {@code basePath + id}: every start POST and every retry answer so. */
    public static Response accepted(JobView queued, String basePath) {
        return Response.accepted(RunResponse.of(queued)).location(URI.create(basePath + queued.id())).build();
    }
}
