package com.gridpivot.api;

import com.gridpivot.sites.SiteRequest;
import com.gridpivot.sites.SiteResponse;
import com.gridpivot.sites.SiteService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sites with their ASIC fleets and AI options. */
@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Mining sites with their ASIC fleets and AI options")
public class SiteResource {

    @Inject
    SiteService sites;

    @POST
    @Operation(summary = "Create a site", description = "Stores a site with its fleets and options; names must be unique.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteRequest.class),
            examples = @ExampleObject(name = "West Texas phase 2", value = ApiExamples.SITE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new site",
            content = @Content(schema = @Schema(implementation = SiteResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named by its JSON path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiExamples.PROBLEM_400)))
    @APIResponse(responseCode = "409", description = "A site with that name exists, or a fleet/option name is used twice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = ApiExamples.PROBLEM_409)))
    public Response create(SiteRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        SiteResponse created = sites.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "List sites", description = "Sites ordered by name, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of sites")
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<SiteResponse> list(@Parameter(description = "0-based page number; default 0") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to " + Paging.MAX_SIZE + "; default 50") @QueryParam("size") String size) {
        Paging.Request p = Paging.parse(page, size);
        return Paging.response(sites.list(p.page(), p.size()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a site")
    @APIResponse(responseCode = "200", description = "The site", content = @Content(schema = @Schema(implementation = SiteResponse.class)))
    @APIResponse(responseCode = "404", description = "No such site",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "absent", value = ApiExamples.PROBLEM_404)))
    public SiteResponse get(@PathParam("id") long id) {
        return sites.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a site", description = "Replaces the site's fields and its whole lists of fleets and options. "
            + "Send the version you read to guard against concurrent edits.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteRequest.class),
            examples = @ExampleObject(name = "West Texas demo", value = ApiExamples.SITE_REPLACE)))
    @APIResponse(responseCode = "200", description = "The stored site", content = @Content(schema = @Schema(implementation = SiteResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such site",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Duplicate name or stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SiteResponse replace(@PathParam("id") long id, SiteRequest request) {
        return sites.replace(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a site", description = "Deletes the site with its fleets and options. Allocation runs that used it are kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such site",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") long id) {
        sites.delete(id);
        return Response.noContent().build();
    }
}
