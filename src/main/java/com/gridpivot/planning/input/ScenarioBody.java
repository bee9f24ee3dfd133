package com.gridpivot.planning.input;

import java.util.Map;

/**
 * A named set of assumptions a plan is evaluated under (stored by {@code /api/v1/scenarios}, or sent inline with a
 * run). Numbers are boxed so that a missing field can be told from a zero.
 *
 * @param name         unique among stored scenarios
 * @param description  free text
 * @param btc          BTC price path, difficulty growth and fees (hashprice follows, with the halving at its date)
 * @param energy       the energy price basis: a replayed stored year or a flat, escalated price
 * @param ai           GPU and colocation rate declines, and per-option overrides of rates, capex and lead times
 * @param asic         salvage value of retired ASICs and the price of new ones, USD per TH/s
 * @param discountRate annual discount rate of the NPV (monthly discounting), e.g. 0.10
 */
public record ScenarioBody(String name, String description, BtcAssumptions btc, EnergyAssumptions energy, AiAssumptions ai,
                           AsicAssumptions asic, Double discountRate) {

    /**
     * @param priceUsd                 BTC price in the plan's first month, USD
     * @param annualGrowth             BTC price growth per year, compounded daily (0 = flat)
     * @param pricePointsUsd           optional path: month "2027-01" → USD; each price holds until the next point
     *                                 (replaces priceUsd/annualGrowth)
     * @param startDifficulty          network difficulty at the plan's start
     * @param difficultyGrowthPerMonth e.g. 0.02 for +2 %/month
     * @param feesBtcPerBlock          average transaction fees per block, BTC
     */
    public record BtcAssumptions(Double priceUsd, Double annualGrowth, Map<String, Double> pricePointsUsd, Double startDifficulty,
                                 Double difficultyGrowthPerMonth, Double feesBtcPerBlock) {
    }

    /**
     * Exactly one basis: a stored node replayed ({@code node} + {@code replayYear}: plan month m uses the same calendar
     * month of that year), or {@code flatPriceUsdPerMwh}.
     *
     * @param node               settlement point of a stored ENERGY_PRICE series, e.g. HB_WEST
     * @param replayYear         the historical year replayed, e.g. 2024
     * @param flatPriceUsdPerMwh a flat price in the first month
     * @param annualEscalation   growth per year applied to either basis (default 0)
     * @param adderUsdPerMwh     added to every hour (delivery charges; default 0)
     */
    public record EnergyAssumptions(String node, Integer replayYear, Double flatPriceUsdPerMwh, Double annualEscalation,
                                    Double adderUsdPerMwh) {
    }

    /**
     * @param gpuRateDeclinePerYear        decline of GPU lease rates per year (0.2 = −20 %/year), default 0
     * @param colocationRateDeclinePerYear decline of colocation rates per year, default 0
     * @param options                      overrides by AI option name (must name an option of the run)
     */
    public record AiAssumptions(Double gpuRateDeclinePerYear, Double colocationRateDeclinePerYear,
                                Map<String, AiOptionAssumption> options) {
    }

    /**
     * @param leaseUsdPerGpuHour      replaces the option's lease rate
     * @param colocationUsdPerKwMonth replaces the option's colocation rate
     * @param revenueUsdPerMwh        replaces the option's flat revenue
     * @param rateDeclinePerYear      this option's decline per year (replaces the GPU/colocation default)
     * @param capexUsdPerMw           replaces the option's capex
     * @param leadTimeMonths          replaces the option's lead time
     */
    public record AiOptionAssumption(Double leaseUsdPerGpuHour, Double colocationUsdPerKwMonth, Double revenueUsdPerMwh,
                                     Double rateDeclinePerYear, Double capexUsdPerMw, Double leadTimeMonths) {
    }

    /**
     * @param salvageUsdPerTh  cash received per TH/s of retired machines (default 0)
     * @param newPriceUsdPerTh price of new machines of a fleet's model per TH/s (absent: no purchases)
     * @param priceElasticity  ε: both prices are those of the plan's first month and move with hashprice, × (h̄ₘ/h̄₀)^ε in month m
     *                         (default 0.678, fitted to ../shared/data/asic; 0 keeps them fixed, as before issue 14)
     * @param efficiencyDegradationPerYear share of its hashrate a fleet loses per year at the same power, d: TH/s × (1 − d)^(m/12)
     *                         (default 0)
     */
    public record AsicAssumptions(Double salvageUsdPerTh, Double newPriceUsdPerTh, Double priceElasticity, Double efficiencyDegradationPerYear) {
    }
}
