package com.gridpivot.catalog;

/**
 * An AI/HPC offering of the catalog: either a GPU cloud (revenue = lease per GPU-hour) or a colocation lease
 * (revenue = USD per kW of IT load per month). Absent figures are null.
 *
 * @param name                    e.g. {@code H100 cloud}
 * @param kind                    GPU_CLOUD or COLOCATION
 * @param kwPerGpu                IT load per GPU including its share of the server, kW
 * @param leaseUsdPerGpuHour      lease rate, USD per GPU-hour
 * @param colocationUsdPerKwMonth colocation rate, USD per kW of IT load per month
 * @param tenantPaysPower         true when the tenant pays for the energy (triple net)
 * @param pue                     site power per IT power
 * @param capexUsdPerMw           capital cost per MW of IT load, USD
 * @param leadTimeMonths          months from decision to first revenue
 * @param source                  where the figures come from
 * @param gpuCapexUsdPerMw        the GPUs' part of capexUsdPerMw (GPU_CLOUD only; the rest is the hall), USD per MW of IT
 */
public record AiOffering(String name, String kind, Double kwPerGpu, Double leaseUsdPerGpuHour, Double colocationUsdPerKwMonth,
                         Boolean tenantPaysPower, Double pue, Double capexUsdPerMw, Integer leadTimeMonths, String source,
                         Double gpuCapexUsdPerMw) {
}
