package com.gridpivot.api;

import com.gridpivot.imports.HashpriceDerivation;
import com.gridpivot.imports.HashpriceDerivationService;
import com.gridpivot.persistence.TimeParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Derives the daily hashprice series from the stored BTC price, difficulty and fees. */
@Path("/api/v1/series/hashprice")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Series")
public class HashpriceDeriveResource {

    @Inject
    HashpriceDerivationService derivation;

    @POST
    @Path("/derive")
    @Operation(summary = "Derive daily hashprice",
            description = "Computes hashprice (USD/PH/day) for every day in [from, to) with a stored BTC_PRICE/BTC and "
                    + "DIFFICULTY/BTC value, with FEES_BTC_PER_DAY/BTC (0 where missing; counted in daysWithoutFees), "
                    + "and stores it as HASHPRICE/derived. Deriving again adds nothing.")
    @APIResponse(responseCode = "200", description = "Derived and stored",
            content = @Content(schema = @Schema(implementation = HashpriceDerivation.class)))
    @APIResponse(responseCode = "400", description = "Invalid from/to, or no day with both inputs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "BTC price or difficulty not stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HashpriceDerivation derive(
            @Parameter(description = "Inclusive start, ISO 8601 or a date; default: the first stored day") @QueryParam("from") String from,
            @Parameter(description = "Exclusive end, ISO 8601 or a date; default: after the last stored day") @QueryParam("to") String to,
            @Parameter(description = "Who asks, kept with the batch") @HeaderParam("X-Caller") String caller) {
        Instant f = TimeParams.instant("from", from);
        Instant t = TimeParams.instant("to", to);
        TimeParams.checkRange(f, t);
        return derivation.derive(f, t, caller == null || caller.isBlank() ? ImportResource.DEFAULT_CALLER : caller.strip());
    }
}
