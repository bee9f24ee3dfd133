package com.gridpivot.api;

import com.gridpivot.persistence.RetentionService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin operations on stored data: purge what is older than the retention now. */
@Path("/api/v1/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Admin only")
public class RetentionResource {
    private final RetentionService retention;

    public RetentionResource(RetentionService retention) {
        this.retention = retention;
    }

    @POST
    @Path("/purge")
    @Operation(summary = "Purge stored runs and what-ifs older than the retention now",
            description = "Deletes finished runs (plan, sweep, Monte Carlo, stochastic) that finished more than gridpivot.retention.runs-days "
                    + "ago (default 90) and recorded what-ifs older than gridpivot.retention.what-ifs-days (default 90); queued and running "
                    + "runs are never deleted. Each API key also keeps only its newest gridpivot.retention.runs-per-key finished runs and "
                    + "gridpivot.retention.what-ifs-per-key what-ifs (default 1000 each; those made without a key count as one key). "
                    + "The same purge runs in the background every gridpivot.retention.interval-minutes (60).")
    @APIResponse(responseCode = "200", description = "What was deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionService.Purge.class)))
    public RetentionService.Purge purge() {
        return retention.purge(Instant.now());
    }
}
