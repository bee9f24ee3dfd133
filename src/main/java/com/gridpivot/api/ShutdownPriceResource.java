package com.gridpivot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.gridpivot.catalog.AsicModel;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.marketdata.HashpriceEngine;
import com.gridpivot.optimization.input.FieldChecks;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/shutdown-price")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mining economics")
public class ShutdownPriceResource {
    private final Catalog catalog;

    public ShutdownPriceResource(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param shutdownBtcPriceUsd the BTC price at which a machine's revenue equals its power cost, USD
     * @param btcPerThDay         expected BTC per TH/s per day: 86,400·10¹² / (difficulty·2³²) × (subsidy + fees)
     * @param costUsdPerThDay     power cost per TH/s per day: J/TH × 24 / 1000 × USD/kWh × PUE
     * @param inputs              the inputs used, defaults applied
     */
    public record ShutdownPrice(double shutdownBtcPriceUsd, double btcPerThDay, double costUsdPerThDay, Inputs inputs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inputs(String model, double jPerTh, double electricityUsdPerKwh, double difficulty, double feesBtcPerBlock,
                         double subsidyBtc, double pue) {
    }

    @GET
    @Operation(summary = "Shutdown BTC price of a machine",
            description = "The BTC price below which a machine's daily revenue does not pay its power: J/TH × 24/1000 × USD/kWh × PUE ÷ expected BTC per TH/s per day. Name a catalog model or give jPerTh.")
    @APIResponse(responseCode = "200", description = "The shutdown price and the inputs it used",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShutdownPrice.class),
            examples = @ExampleObject(name = "Antminer S21 at $0.08/kWh, difficulty 125.86T", value = ApiExamples.SHUTDOWN_PRICE)))
    @APIResponse(responseCode = "400", description = "Invalid or missing parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ShutdownPrice shutdownPrice(
            @Parameter(description = "catalog ASIC model, e.g. Antminer S21", example = "Antminer S21") @QueryParam("model") String model,
            @Parameter(description = "efficiency, J/TH (instead of model)") @QueryParam("jPerTh") String jPerThText,
            @Parameter(description = "energy price, USD/kWh", required = true, example = "0.08") @QueryParam("electricityUsdPerKwh") String usdPerKwhText,
            @Parameter(description = "network difficulty", required = true, example = "125.86e12") @QueryParam("difficulty") String difficultyText,
            @Parameter(description = "average fees per block, BTC (default 0)") @QueryParam("feesBtcPerBlock") String feesText,
            @Parameter(description = "block subsidy, BTC (default 3.125)") @QueryParam("subsidyBtc") String subsidyText,
            @Parameter(description = "site power per IT power (default 1)") @QueryParam("pue") String pueText) {
        FieldChecks c = new FieldChecks();
        Double jPerTh = c.number("jPerTh", jPerThText);
        Double usdPerKwh = c.number("electricityUsdPerKwh", usdPerKwhText);
        Double difficulty = c.number("difficulty", difficultyText);
        Double fees = c.number("feesBtcPerBlock", feesText);
        Double subsidy = c.number("subsidyBtc", subsidyText);
        Double pue = c.number("pue", pueText);
        AsicModel m = null;
        double e = Double.NaN;
        if (model != null && jPerTh != null) {
            c.error("jPerTh", "give model or jPerTh, not both");
        } else if (model != null) {
            m = catalog.asicModel(model).orElse(null);
            if (m == null) {
                c.error("model", "unknown ASIC model '" + model + "'; see GET /api/v1/catalog/asic-models");
            } else {
                e = m.jPerThOfUnit();
            }
        } else if (jPerTh != null) {
            e = c.range("jPerTh", jPerTh, 1.0, 1e4, "J/TH");
        } else {
            c.error("model", "give a catalog model or jPerTh");
        }
        double kwh = c.required("electricityUsdPerKwh", usdPerKwh, 0.0, 10.0, "USD/kWh (a price per kWh, not per MWh)");
        double diff = c.required("difficulty", difficulty, 1.0, 1e20, "");
        double f = c.optional("feesBtcPerBlock", fees, 0.0, 0.0, 100.0, "BTC");
        double s = c.optional("subsidyBtc", subsidy, 3.125, 0.0, 50.0, "BTC");
        double p = c.optional("pue", pue, 1.0, 1.0, 3.0, "");
        if (!c.hasErrors() && !HashpriceEngine.paysBlockReward(s, f)) {
            c.error("subsidyBtc", "subsidy plus fees must be positive, or no BTC price pays the power");
        }
        c.throwIfAny();
        double btcPerThDay = HashpriceEngine.btcPerThDay(diff, s, f);
        double costPerThDay = HashpriceEngine.powerCostUsdPerThDay(e, kwh, p);
        return new ShutdownPrice(HashpriceEngine.shutdownBtcPriceUsd(e, kwh, p, diff, s, f), btcPerThDay, costPerThDay,
                new Inputs(m == null ? null : m.name(), e, kwh, diff, f, s, p));
    }
}
