package com.gridpivot.sites;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fleet of identical ASIC miners, as sent and as returned. Figures left null come from the catalog model
 * (hashrate, power) or the engine's defaults (pue, pool fee, opex).
 */
@Schema(name = "AsicFleet", description = "A fleet of identical ASIC miners at a site")
public record AsicFleetBody(
        @Schema(description = "Unique within the site", example = "S21 fleet", required = true) String name,
        @Schema(description = "Catalog model name; figures left null are taken from it", example = "Antminer S21") String model,
        @Schema(description = "Number of machines", example = "10000", required = true) Integer units,
        @Schema(description = "Hashrate of one unit, TH/s; required without a model", example = "200") Double hashrateThPerUnit,
        @Schema(description = "Power of one unit (IT load), W; required without a model", example = "3500") Double powerWPerUnit,
        @Schema(description = "Site power per IT power, 1 to 3", example = "1.05") Double pue,
        @Schema(description = "Pool fee as a fraction of revenue, 0 to 1", example = "0.02") Double poolFeeFraction,
        @Schema(description = "Variable operating cost besides energy, USD per MWh", example = "2.5") Double variableOpexUsdPerMwh,
        @Schema(description = "Fixed operating cost, USD per MW-year", example = "30000") Double fixedOpexUsdPerMwYear) {
}
