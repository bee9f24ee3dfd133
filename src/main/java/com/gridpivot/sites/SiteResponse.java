package com.gridpivot.sites;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored site with its fleets and options, in the order they were sent. */
@Schema(name = "Site")
public record SiteResponse(
        long id,
        String name,
        double interconnectMw,
        Double maxAiItMw,
        double minAiItMw,
        Double capexBudgetUsd,
        String marketNode,
        String notes,
        List<AsicFleetBody> asicFleets,
        List<AiOptionBody> aiOptions,
        @Schema(description = "Optimistic-locking version; send it back on PUT") long version,
        Instant createdAt,
        Instant updatedAt) {
}
