package com.gridpivot.api;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.security.ApiKeyService;
import com.gridpivot.security.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Admin only: create, list and revoke keys")
public class ApiKeyResource {
    private final ApiKeyService keys;
    private final CurrentCaller caller;

    public ApiKeyResource(ApiKeyService keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    /** @param name unique name of the key's holder; @param role viewer, planner or admin */
    public record CreateKey(String name, String role) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a key", description = "The answer holds the key itself; it is shown this once and stored only as a hash.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateKey.class),
            examples = @ExampleObject(name = "planner", value = "{\"name\": \"alice (planning)\", \"role\": \"planner\"}")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyService.NewKey.class), examples = @ExampleObject(name = "created", value = "{\"id\": 2, \"name\": \"alice (planning)\", \"role\": \"planner\", \"key\": \"gp_Yx3…\", \"keyPrefix\": \"gp_Yx3kQ\", \"createdAt\": \"2026-11-25T18:00:00Z\"}")))
    @APIResponse(responseCode = "400", description = "Invalid name or role", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A key with that name exists", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(CreateKey body) {
        if (body == null) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        ApiKeyService.NewKey k = keys.create(body.name(), body.role(), caller.name());
        return Response.created(URI.create("/api/v1/keys/" + k.id())).entity(k).build();
    }

    @GET
    @Operation(summary = "List keys (never the secrets)")
    public List<ApiKeyService.KeyInfo> list() {
        return keys.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a key (never the secret)", description = "The Location a created key is answered with.")
    @APIResponse(responseCode = "200", description = "The key", content = @Content(schema = @Schema(implementation = ApiKeyService.KeyInfo.class)))
    @APIResponse(responseCode = "404", description = "No such key")
    public ApiKeyService.KeyInfo get(@PathParam("id") long id) {
        return keys.list().stream().filter(k -> k.id() == id).findFirst()
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no key with id " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key", description = "Takes effect at once on this replica and within a second (gridpivot.auth.key-cache-millis) on every other. The last active admin key cannot be revoked (409).")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The last active admin key: create another admin key first", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void revoke(@PathParam("id") long id) {
        keys.revoke(id);
    }
}
