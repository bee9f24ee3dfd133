package com.gridpivot.api.plans;

import com.gridpivot.api.Problem;
import com.gridpivot.planning.input.ScenarioBody;
import com.gridpivot.planning.store.ScenarioRecord;
import com.gridpivot.planning.store.ScenarioService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stored, named assumption sets for plans. */
@Path("/api/v1/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scenarios", description = "Named assumption sets: BTC path, difficulty, fees, energy basis, AI rates, capex, lead times, salvage, discount rate")
public class ScenarioResource {
    @Inject
    ScenarioService scenarios;

    @POST
    @Operation(summary = "Store a scenario")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Base case", value = PlanExamples.SCENARIO)))
    @APIResponse(responseCode = "201", description = "Stored; Location names it", content = @Content(schema = @Schema(implementation = ScenarioResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A scenario with that name exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(ScenarioBody body, @Context UriInfo uri) {
        ScenarioRecord r = scenarios.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build()).entity(response(r)).build();
    }

    @GET
    @Operation(summary = "List scenarios", description = "By name.")
    public List<ScenarioResponse> list() {
        return scenarios.list().stream().map(ScenarioResource::response).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a scenario")
    @APIResponse(responseCode = "200", description = "The scenario", content = @Content(schema = @Schema(implementation = ScenarioResponse.class)))
    @APIResponse(responseCode = "404", description = "No such scenario", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScenarioResponse get(@PathParam("id") long id) {
        return scenarios.get(id).map(ScenarioResource::response).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a scenario")
    @APIResponse(responseCode = "200", description = "The stored scenario", content = @Content(schema = @Schema(implementation = ScenarioResponse.class)))
    @APIResponse(responseCode = "404", description = "No such scenario", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another scenario has that name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScenarioResponse update(@PathParam("id") long id, ScenarioBody body) {
        return scenarios.update(id, body).map(ScenarioResource::response).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a scenario", description = "Runs keep their copy of it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such scenario", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") long id) {
        if (!scenarios.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no scenario with id " + id);
    }

    static ScenarioResponse response(ScenarioRecord r) {
        return new ScenarioResponse(r.id(), r.name(), r.createdAt(), r.updatedAt(), r.version(), r.content());
    }
}
