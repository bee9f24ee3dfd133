package com.gridpivot.sites;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An AI/HPC option of a site, as sent and as returned: a GPU cloud (lease per GPU-hour) or a colocation lease
 * (USD per kW-month). Figures left null come from the catalog offering or the engine's defaults.
 */
@Schema(name = "AiOption", description = "An AI/HPC option a site can convert megawatts to")
public record AiOptionBody(
        @Schema(description = "Unique within the site", example = "H100 cloud", required = true) String name,
        @Schema(description = "Catalog offering name", example = "H100 cloud") String offering,
        @Schema(description = "GPU_CLOUD or COLOCATION; null: from the offering", example = "GPU_CLOUD") String kind,
        @Schema(description = "IT load per GPU with its share of the server, kW", example = "1.275") Double kwPerGpu,
        @Schema(description = "Lease rate, USD per GPU-hour", example = "2.35") Double leaseUsdPerGpuHour,
        @Schema(description = "Fraction of GPU-hours leased, 0 to 1", example = "0.85") Double utilization,
        @Schema(description = "Colocation rate, USD per kW of IT load per month", example = "130") Double colocationUsdPerKwMonth,
        @Schema(description = "Revenue per MWh of IT load, USD (overrides the rates)", example = "180") Double revenueUsdPerMwh,
        @Schema(description = "True when the tenant pays for the energy (triple net)", example = "false") Boolean tenantPaysPower,
        @Schema(description = "Site power per IT power, 1 to 3", example = "1.3") Double pue,
        @Schema(description = "Largest IT load of this option, MW", example = "40") Double maxItMw,
        @Schema(description = "Fit-out capital cost per MW of IT load, USD", example = "10000000") Double capexUsdPerMw,
        @Schema(description = "Variable operating cost besides energy, USD per MWh", example = "4") Double variableOpexUsdPerMwh,
        @Schema(description = "Fixed operating cost, USD per MW-year", example = "60000") Double fixedOpexUsdPerMwYear,
        @Schema(description = "Months from decision to first revenue", example = "12") Integer leadTimeMonths) {
}
