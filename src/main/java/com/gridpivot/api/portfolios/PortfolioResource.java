package com.gridpivot.api.portfolios;

import com.gridpivot.api.PageResponse;
import com.gridpivot.api.Paging;
import com.gridpivot.api.Problem;
import com.gridpivot.api.RunKind;
import com.gridpivot.api.RunResource;
import com.gridpivot.api.RunResponse;
import com.gridpivot.jobs.RunScope;
import com.gridpivot.jobs.Runs;
import com.gridpivot.planning.portfolio.PortfolioBody;
import com.gridpivot.planning.portfolio.PortfolioRequest;
import com.gridpivot.planning.portfolio.PortfolioResult;
import com.gridpivot.planning.portfolio.PortfolioService;
import com.gridpivot.planning.store.PortfolioRecord;
import com.gridpivot.planning.store.PortfolioStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stored portfolios (owned per API key) and portfolio plans: one plan for several sites sharing cash, treasury, a capex budget and conversion crews (durable runs). */
@Path("/api/v1/portfolios")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portfolios", description = "One plan for a company's sites: consolidated NPV and cash, MW by use by site, per-site contributions")
public class PortfolioResource {
    static final String RUNS = RunKind.PORTFOLIO.path();
    private static final RunScope SCOPE = RunKind.PORTFOLIO.scope();

    @Inject
    PortfolioService portfolios;

    @Inject
    Runs runs;

    @Inject
    PortfolioStore store;

    @POST
    @Operation(summary = "Store a portfolio", description = "Its sites and shared terms are validated as a portfolio run's (errors named "
            + "sites[k].… and shared.…). It belongs to the storing API key: only that key and admin keys see it.")
    @APIResponse(responseCode = "201", description = "Stored; Location names it", content = @Content(schema = @Schema(implementation = PortfolioResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This key has a portfolio of that name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(PortfolioBody body, @Context UriInfo uri) {
        PortfolioRecord r = store.create(store.current(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build()).entity(PortfolioResponse.of(r)).build();
    }

    @GET
    @Operation(summary = "List portfolios", description = "The key's own portfolios (an admin key: every key's), by name, paged.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<PortfolioResponse> list(@Parameter(description = "0-based page number; default 0") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to " + Paging.MAX_SIZE + "; default 50") @QueryParam("size") String size) {
        Paging.Request p = Paging.parse(page, size);
        return Paging.response(store.list(store.current(), p.page(), p.size()).map(PortfolioResponse::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a portfolio")
    @APIResponse(responseCode = "200", description = "The portfolio", content = @Content(schema = @Schema(implementation = PortfolioResponse.class)))
    @APIResponse(responseCode = "404", description = "No such portfolio of this key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PortfolioResponse getPortfolio(@PathParam("id") long id) {
        return PortfolioResponse.of(store.get(store.current(), id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a portfolio", description = "Runs already started keep their copy.")
    @APIResponse(responseCode = "200", description = "The stored portfolio", content = @Content(schema = @Schema(implementation = PortfolioResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such portfolio of this key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another portfolio of the owner has that name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PortfolioResponse update(@PathParam("id") long id, PortfolioBody body) {
        return PortfolioResponse.of(store.update(store.current(), id, body));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a portfolio", description = "Runs keep their copy of it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such portfolio of this key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") long id) {
        store.delete(store.current(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/plans/runs")
    @Operation(summary = "Start a portfolio plan run", description = "Each site is validated as a plan of its own (errors named sites[k].…), "
            + "the shared terms under shared.…; stored with its complete input snapshot before the 202, then run by a worker. Poll the Location.")
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/portfolios/plans/runs/{id}",
            content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "This key has as many runs queued or running as it may; Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(PortfolioRequest request) {
        return RunResource.accepted(portfolios.submit(request), RUNS);
    }

    @GET
    @Path("/plans/runs/{id}")
    @Operation(summary = "A portfolio plan run's status and progress")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunResponse get(@PathParam("id") long id) {
        return RunResponse.of(runs.find(id, SCOPE));
    }

    @GET
    @Path("/plans/runs/{id}/result")
    @Operation(summary = "A finished portfolio plan run's result", description = "Consolidated NPV, cash by month, MW by use by site by month, per-site contributions.")
    @APIResponse(responseCode = "200", description = "The result (also for INFEASIBLE)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PortfolioResult.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not finished, or finished without a result", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response result(@PathParam("id") long id) {
        return Response.ok(runs.result(id, SCOPE), MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("/plans/runs/{id}")
    @Operation(summary = "Cancel a portfolio plan run", description = "A queued run never starts; a running one is interrupted and its result discarded.")
    @APIResponse(responseCode = "200", description = "The run after the cancel")
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already finished", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunResponse cancel(@PathParam("id") long id) {
        return RunResponse.of(runs.cancel(id, SCOPE));
    }

    @POST
    @Path("/plans/runs/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run a FAILED, CANCELLED or TIMED_OUT portfolio run again", description = "Same stored input snapshot.")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in a retryable state", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("id") long id) {
        return RunResource.accepted(runs.retry(id, SCOPE), RUNS);
    }
}
