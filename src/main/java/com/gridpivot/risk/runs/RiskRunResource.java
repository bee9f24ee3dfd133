package com.gridpivot.risk.runs;

import com.gridpivot.api.ConflictException;
import com.gridpivot.api.Problem;
import com.gridpivot.api.plans.PlanRunResponse;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobStatus;
import com.gridpivot.jobs.JobStore;
import com.gridpivot.jobs.JobView;
import com.gridpivot.risk.runs.RiskRequests.MonteCarloRequest;
import com.gridpivot.risk.runs.RiskRequests.StochasticRequest;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Monte Carlo and stochastic-plan runs: durable jobs like plan runs (202 + Location, poll, result, cancel). */
@Path("/api/v1/risk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk", description = "Monte Carlo of fixed plans over BTC price paths; two-stage stochastic plans with CVaR, VSS and EVPI")
public class RiskRunResource {
    static final String MC = "montecarlo";
    static final String ST = "stochastic";

    @Inject
    RiskRunService service;

    @Inject
    JobStore store;

    @Inject
    JobRunner runner;

    @POST
    @Path("/montecarlo/runs")
    @APIResponse(responseCode = "429", description = "This key has as many runs queued or running as it may (gridpivot.limits.queued-runs-per-key); Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Operation(summary = "Start a Monte Carlo run", description = "Fixed plans (and the optimizer's plan at the scenario) on N seeded BTC price paths; dispatch only.")
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/risk/montecarlo/runs/{id}",
            content = @Content(schema = @Schema(implementation = PlanRunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startMonteCarlo(MonteCarloRequest request) {
        return accepted(MC, service.submitMonteCarlo(request));
    }

    @POST
    @Path("/stochastic/runs")
    @APIResponse(responseCode = "429", description = "This key has as many runs queued or running as it may (gridpivot.limits.queued-runs-per-key); Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Operation(summary = "Start a stochastic plan run", description = "Conversion decisions shared by all scenarios, dispatch per scenario; "
            + "maximises expected NPV (optionally with CVaR); reports VSS and EVPI.")
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/risk/stochastic/runs/{id}",
            content = @Content(schema = @Schema(implementation = PlanRunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startStochastic(StochasticRequest request) {
        return accepted(ST, service.submitStochastic(request));
    }

    @GET
    @Path("/{type: montecarlo|stochastic}/runs/{id}")
    @Operation(summary = "A risk run's status and progress")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = PlanRunResponse.class)))
    public PlanRunResponse get(@PathParam("type") String type, @PathParam("id") long id) {
        return response(type, find(type, id, false));
    }

    @GET
    @Path("/{type: montecarlo|stochastic}/runs/{id}/result")
    @Operation(summary = "A finished risk run's result")
    @APIResponse(responseCode = "200", description = "The Monte Carlo or stochastic result", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {com.gridpivot.risk.montecarlo.MonteCarloResult.class, com.gridpivot.risk.stochastic.StochasticResult.class})))
    @APIResponse(responseCode = "409", description = "Not finished, or finished without a result")
    public Response result(@PathParam("type") String type, @PathParam("id") long id) {
        JobView job = find(type, id, true);
        if (job.resultJson() == null) {
            throw new ConflictException("status", "run " + id + " is " + job.status() + (job.reason() == null ? "" : " (" + job.reason() + ")")
                    + "; it has no result" + (job.status().terminal() ? "" : " yet"));
        }
        return Response.ok(job.resultJson(), MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("/{type: montecarlo|stochastic}/runs/{id}")
    @Operation(summary = "Cancel a risk run")
    @APIResponse(responseCode = "200", description = "The run after the cancel", content = @Content(schema = @Schema(implementation = PlanRunResponse.class)))
    @APIResponse(responseCode = "409", description = "Already finished")
    public PlanRunResponse cancel(@PathParam("type") String type, @PathParam("id") long id) {
        JobView before = find(type, id, false);
        if (before.status().terminal()) {
            throw new ConflictException("status", "run " + id + " is already " + before.status());
        }
        return response(type, runner.cancel(id).orElseThrow(() -> notFound(id)));
    }

    private Response accepted(String type, JobView queued) {
        return Response.accepted(response(type, queued)).location(URI.create(base(type) + queued.id())).build();
    }

    private static String base(String type) {
        return "/api/v1/risk/" + type + "/runs/";
    }

    private JobView find(String type, long id, boolean withTexts) {
        String kind = MC.equals(type) ? RiskRunService.MONTE_CARLO : RiskRunService.STOCHASTIC;
        return store.get(id, withTexts).filter(j -> kind.equals(j.kind())).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no run with id " + id);
    }

    static PlanRunResponse response(String type, JobView j) {
        boolean hasResult = j.status() == JobStatus.OPTIMAL || j.status() == JobStatus.FEASIBLE || j.status() == JobStatus.INFEASIBLE
                || j.status() == JobStatus.TIMED_OUT;
        return new PlanRunResponse(j.id(), j.status().name(), j.progressPercent(), j.reason(), j.attempts(), j.worker(), j.cancelRequested(), j.createdAt(),
                j.startedAt(), j.finishedAt(), hasResult ? base(type) + j.id() + "/result" : null);
    }
}
