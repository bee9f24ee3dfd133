package com.gridpivot.api;

import com.gridpivot.catalog.AiOffering;
import com.gridpivot.catalog.AsicModel;
import com.gridpivot.catalog.Catalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "ASIC models and AI offerings a request may name")
public class CatalogResource {
    private final Catalog catalog;

    public CatalogResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/asic-models")
    @Operation(summary = "ASIC models", description = "Name a model in asicFleets[].model; any field given in the request overrides the catalog's.")
    @APIResponse(responseCode = "200", description = "The catalog's ASIC models", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AsicModel.class), examples = @ExampleObject(name = "models", value = ApiExamples.ASIC_MODELS)))
    public List<AsicModel> asicModels() {
        return catalog.asicModels();
    }

    @GET
    @Path("/ai-offerings")
    @Operation(summary = "AI offerings", description = "Name an offering in aiOptions[].offering; any field given in the request overrides the catalog's.")
    @APIResponse(responseCode = "200", description = "The catalog's AI offerings", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AiOffering.class), examples = @ExampleObject(name = "offerings", value = ApiExamples.AI_OFFERINGS)))
    public List<AiOffering> aiOfferings() {
        return catalog.aiOfferings();
    }
}
