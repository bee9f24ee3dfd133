package com.gridpivot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored allocation run. In the list the request and result are left out; in the single view they are the JSON
 * documents as stored (the request exactly as sent, and for a request that named a stored site or series the request as
 * it was solved, those resolved).
 */
@Schema(name = "AllocationRun")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllocationRunResponse(
        long id,
        Instant createdAt,
        String caller,
        @Schema(description = "The stored site the request named, if any") Long siteId,
        @Schema(description = "The site the run solved, as named when it was recorded (the inline site's name or the stored site's); "
                + "absent for runs recorded before labels existed", example = "West Texas demo") String siteName,
        @Schema(description = "The label given with the request; absent when none", example = "Board review, 50 MW to AI") String label,
        @Schema(example = "OPTIMAL") String status,
        @Schema(description = "Objective value, USD") Double objectiveUsd,
        @Schema(example = "GLOP") String solverName,
        @Schema(description = "Solve time, ms") Long wallMs,
        Integer variables,
        Integer constraints,
        @Schema(description = "The request as sent (JSON)", implementation = Object.class) Object request,
        @Schema(description = "The request as it was solved, with its stored references (site, series) resolved into their "
                + "values at the time of the run (JSON); absent when the request named none", implementation = Object.class) Object resolvedRequest,
        @Schema(description = "The result as returned (JSON)", implementation = Object.class) Object result) {
}
