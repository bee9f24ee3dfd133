package com.gridpivot.sites;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A site as sent on create (POST) and replace (PUT). Fleets and options are replaced as a whole on PUT. */
@Schema(name = "SiteRequest", description = "A mining site with its ASIC fleets and AI options")
public record SiteRequest(
        @Schema(description = "Unique name", example = "West Texas demo", required = true) String name,
        @Schema(description = "Grid interconnect, MW", example = "100", required = true) Double interconnectMw,
        @Schema(description = "Largest AI IT load, MW; null: up to the interconnect", example = "60") Double maxAiItMw,
        @Schema(description = "Smallest AI IT load, MW (e.g. a signed lease); null: 0", example = "0") Double minAiItMw,
        @Schema(description = "Capital budget, USD; null: unconstrained", example = "250000000") Double capexBudgetUsd,
        @Schema(description = "Settlement point whose prices apply", example = "HB_WEST") String marketNode,
        @Schema(description = "Free text", example = "Immersion-cooled halls A-C") String notes,
        List<AsicFleetBody> asicFleets,
        List<AiOptionBody> aiOptions,
        @Schema(description = "On PUT: the version last read; a stale version gets 409. Ignored on POST.", example = "0") Long version) {
}
