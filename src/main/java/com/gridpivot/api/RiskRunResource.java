package com.gridpivot.api;

import com.gridpivot.jobs.Runs;
import com.gridpivot.risk.runs.RiskRequests.MonteCarloRequest;
import com.gridpivot.risk.runs.RiskRequests.StochasticRequest;
import com.gridpivot.risk.runs.RiskRunService;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Monte Carlo and stochastic-plan runs: durable jobs like plan runs (202 + Location, poll, result, cancel, retry), all of it through {@link com.gridpivot.jobs.Runs}. */
@Path("/api/v1/risk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk", description = "Monte Carlo of fixed plans over BTC price paths; two-stage stochastic plans with CVaR, VSS and EVPI")
public class RiskRunResource {
    static final String MC = "montecarlo";

    @Inject
    RiskRunService service;

    @Inject
    Runs runs;

    @POST
    @Path("/montecarlo/runs")
    @APIResponse(responseCode = "429", description = "This key has as many runs queued or running as it may (gridpivot.limits.queued-runs-per-key); Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Operation(summary = "Start a Monte Carlo run", description = "Fixed plans (and the optimizer's plan at the scenario) on N seeded BTC price paths; dispatch only.")
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/risk/montecarlo/runs/{id}",
            content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startMonteCarlo(MonteCarloRequest request) {
        return RunResource.accepted(service.submitMonteCarlo(request), RunKind.MONTE_CARLO.path());
    }

    @POST
    @Path("/stochastic/runs")
    @APIResponse(responseCode = "429", description = "This key has as many runs queued or running as it may (gridpivot.limits.queued-runs-per-key); Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Operation(summary = "Start a stochastic plan run", description = "Conversion decisions shared by all scenarios, dispatch per scenario; "
            + "maximises expected NPV (optionally with CVaR); reports VSS and EVPI.")
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/risk/stochastic/runs/{id}",
            content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startStochastic(StochasticRequest request) {
        return RunResource.accepted(service.submitStochastic(request), RunKind.STOCHASTIC.path());
    }

    @GET
    @Path("/{type: montecarlo|stochastic}/runs/{id}")
    @Operation(summary = "A risk run's status and progress")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunResponse.class)))
    public RunResponse get(@PathParam("type") String type, @PathParam("id") long id) {
        return RunResponse.of(runs.find(id, kind(type).scope()));
    }

    @GET
    @Path("/{type: montecarlo|stochastic}/runs/{id}/result")
    @Operation(summary = "A finished risk run's result")
    @APIResponse(responseCode = "200", description = "The Monte Carlo or stochastic result", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {com.gridpivot.risk.montecarlo.MonteCarloResult.class, com.gridpivot.risk.stochastic.StochasticResult.class})))
    @APIResponse(responseCode = "409", description = "Not finished, or finished without a result")
    public Response result(@PathParam("type") String type, @PathParam("id") long id) {
        return Response.ok(runs.result(id, kind(type).scope()), MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("/{type: montecarlo|stochastic}/runs/{id}")
    @Operation(summary = "Cancel a risk run")
    @APIResponse(responseCode = "200", description = "The run after the cancel", content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "409", description = "Already finished")
    public RunResponse cancel(@PathParam("type") String type, @PathParam("id") long id) {
        return RunResponse.of(runs.cancel(id, kind(type).scope()));
    }

    @POST
    @Path("/{type: montecarlo|stochastic}/runs/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run a FAILED, CANCELLED or TIMED_OUT risk run again", description = "Same stored input snapshot (as POST /api/v1/runs/{id}/retry).")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in a retryable state", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("type") String type, @PathParam("id") long id) {
        RunKind kind = kind(type);
        return RunResource.accepted(runs.retry(id, kind.scope()), kind.path());
    }

    private static RunKind kind(String type) {
        return MC.equals(type) ? RunKind.MONTE_CARLO : RunKind.STOCHASTIC;
    }
}
