package com.gridpivot.optimization.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/v1/allocations}: one what-if. Numbers are boxed so that a missing field can be told from
 * a zero; validation turns the request into an {@link com.gridpivot.optimization.input.AllocationProblem}.
 *
 * @param siteId         a stored site (with its fleets and options) instead of {@code site}; inline asicFleets or
 *                       aiOptions replace the stored ones
 * @param site           the site and its limits
 * @param asicFleets     the ASIC fleets that may keep hashing
 * @param aiOptions      the AI/HPC options the site may convert to
 * @param market         energy prices and hashprice over the horizon
 * @param finance        discount rate and capex recovery period for the capex charge
 * @param solver         GLOP (default), CLP or PDLP
 * @param hourAggregation EXACT (default: hours that provably share one dispatch rule are merged) or NONE (one
 *                       set of rows per hour, the naive model)
 * @param timeLimitSeconds wall-clock limit of the solve
 * @param label          the caller's name for the recorded run, shown in run lists and comparisons (optional; at most
 *                       200 characters, no control characters)
 */
public record AllocationRequest(
        Long siteId,
        SiteInput site,
        List<AsicFleetInput> asicFleets,
        List<AiOptionInput> aiOptions,
        MarketInput market,
        FinanceInput finance,
        String solver,
        String hourAggregation,
        Double timeLimitSeconds,
        String label) {

    /** A request without a label. */
    public AllocationRequest(Long siteId, SiteInput site, List<AsicFleetInput> asicFleets, List<AiOptionInput> aiOptions, MarketInput market,
                             FinanceInput finance, String solver, String hourAggregation, Double timeLimitSeconds) {
        this(siteId, site, asicFleets, aiOptions, market, finance, solver, hourAggregation, timeLimitSeconds, null);
    }

    /**
     * @param name           shown in answers
     * @param interconnectMw grid interconnect, MW of site power
     * @param maxAiItMw      most AI IT load the site may host, MW (absent: no limit)
     * @param minAiItMw      contracted AI IT load the site must host, MW (default 0)
     * @param capexBudgetUsd capital available for AI conversion, USD (absent: no limit)
     * @param powerContract  how the site buys energy (absent: INDEX, the node price)
     * @param fourCp         the coincident-peak transmission charge (absent: none)
     * @param ancillary      ancillary services and demand response offered by the mining load (absent: none)
     * @param forcedCurtailment a large-load curtailment order, Texas SB 6 (absent: none)
     */
    public record SiteInput(String name, Double interconnectMw, Double maxAiItMw, Double minAiItMw, Double capexBudgetUsd,
                            PowerContractInput powerContract, FourCpInput fourCp, AncillaryInput ancillary,
                            ForcedCurtailmentInput forcedCurtailment) {
        public SiteInput(String name, Double interconnectMw, Double maxAiItMw, Double minAiItMw, Double capexBudgetUsd) {
            this(name, interconnectMw, maxAiItMw, minAiItMw, capexBudgetUsd, null, null, null, null);
        }

        public SiteInput(String name, Double interconnectMw, Double maxAiItMw, Double minAiItMw, Double capexBudgetUsd,
                         PowerContractInput powerContract, FourCpInput fourCp, AncillaryInput ancillary) {
            this(name, interconnectMw, maxAiItMw, minAiItMw, capexBudgetUsd, powerContract, fourCp, ancillary, null);
        }

        public SiteInput(String name, Double interconnectMw, Double maxAiItMw, Double minAiItMw, Double capexBudgetUsd,
                         PowerContractInput powerContract, FourCpInput fourCp) {
            this(name, interconnectMw, maxAiItMw, minAiItMw, capexBudgetUsd, powerContract, fourCp, null);
        }
    }

    /**
     * @param minimumRunningMw site power of the mining load that is never offered, MW (default 0; see models/README.md)
     * @param priceScale       multiplies every ancillary price (default 1)
     * @param services         the services offered, at most one per type
     */
    public record AncillaryInput(Double minimumRunningMw, Double priceScale, List<AncillaryServiceInput> services) {
    }

    /**
     * @param type               ERS_10, ERS_30, NSPIN or ECRS
     * @param pricesUsdPerMwHour NSPIN, ECRS: the clearing price of every hour of the horizon, USD per MW-h
     * @param priceUsdPerMwHour  NSPIN, ECRS: one clearing price for every hour instead, USD per MW-h
     * @param periods            ERS: the contract periods with their prices
     * @param deployments        expected deployments
     */
    public record AncillaryServiceInput(String type, List<Double> pricesUsdPerMwHour, Double priceUsdPerMwHour, List<ErsPeriodInput> periods,
                                        List<DeploymentInput> deployments) {
    }

    /**
     * @param fromHour          first hour of the horizon in the period
     * @param toHour            end hour, exclusive
     * @param priceUsdPerMwHour the period's price per MW committed per hour, USD
     */
    public record ErsPeriodInput(Double fromHour, Double toHour, Double priceUsdPerMwHour) {
    }

    /**
     * @param fromHour    first hour of the deployment
     * @param toHour      end hour, exclusive
     * @param probability the probability that the deployment happens (the expected deployed share of each of its hours)
     */
    public record DeploymentInput(Double fromHour, Double toHour, Double probability) {
    }

    /**
     * @param hours                    the forced curtailment hours of the horizon, 0-based (or hourCount)
     * @param hourCount                instead of hours: this many hours placed at the highest node prices of the horizon
     * @param limitMw                  grid site power allowed in a forced hour, MW (default 0)
     * @param largeLoadThresholdMw     the order applies when site.interconnectMw ≥ this, MW (default 75, SB 6)
     * @param aiLoad                   BACKUP_POWER (default: the AI load runs on backup power in forced hours) or COUNTED
     *                                 (the AI load stays on the grid and counts against limitMw)
     * @param backupPowerCostUsdPerMwh BACKUP_POWER: the cost of a MWh of site power from backup, USD/MWh (required then)
     */
    public record ForcedCurtailmentInput(List<Double> hours, Double hourCount, Double limitMw, Double largeLoadThresholdMw, String aiLoad,
                                         Double backupPowerCostUsdPerMwh) {
    }

    /**
     * @param transmissionRateUsdPerMwYear the transmission provider's rate per MW of tag per year, USD
     * @param peaks                        4 (June–September, default) or 12 (every month)
     * @param intervalProbabilities        the probability of each listed hour of the horizon to hold its month's peak
     *                                     (absent: derived from the shipped ERCOT 4CP history, which needs market.startUtc)
     */
    public record FourCpInput(Double transmissionRateUsdPerMwYear, Double peaks, List<PeakProbabilityInput> intervalProbabilities) {
    }

    /**
     * @param hour        an hour of the horizon, 0-based
     * @param probability the probability that this hour holds its month's system peak interval
     */
    public record PeakProbabilityInput(Double hour, Double probability) {
    }

    /**
     * @param type             INDEX (default without blocks or retail), FIXED_PRICE_BLOCKS or RETAIL
     * @param fixedPriceBlocks blocks bought at a fixed price; unused energy is resold at the node price
     * @param retail           a flat retail rate and adder instead of the node price
     */
    public record PowerContractInput(String type, List<FixedPriceBlockInput> fixedPriceBlocks, RetailInput retail) {
    }

    /**
     * @param mw             MW bought in every hour of the block
     * @param priceUsdPerMwh the block's price, USD/MWh
     * @param fromHour       first hour of the horizon in the block (default 0)
     * @param toHour         end hour, exclusive (default: the end of the horizon)
     * @param minimumTakeMw  MW of the block the site must use itself in every hour of the block (default 0)
     */
    public record FixedPriceBlockInput(Double mw, Double priceUsdPerMwh, Double fromHour, Double toHour, Double minimumTakeMw) {
    }

    /**
     * @param rateUsdPerMwh  the retail energy rate, USD/MWh
     * @param adderUsdPerMwh the retailer's adder on every MWh, USD/MWh (default 0)
     */
    public record RetailInput(Double rateUsdPerMwh, Double adderUsdPerMwh) {
    }

    /**
     * @param name                   unique among fleets and options
     * @param model                  a catalog ASIC model whose figures fill the fields not given
     * @param units                  number of machines
     * @param hashrateThPerUnit      TH/s per machine
     * @param powerWPerUnit          W of IT load per machine
     * @param pue                    site power per IT power (default 1.0)
     * @param poolFeeFraction        share of revenue the pool keeps (default 0)
     * @param variableOpexUsdPerMwh  cost per MWh of IT energy besides power (default 0)
     * @param fixedOpexUsdPerMwYear  cost per deployed MW of IT per year (default 0)
     */
    public record AsicFleetInput(String name, String model, Double units, Double hashrateThPerUnit, Double powerWPerUnit,
                                 Double pue, Double poolFeeFraction, Double variableOpexUsdPerMwh, Double fixedOpexUsdPerMwYear) {
    }

    /**
     * Exactly one revenue basis: {@code revenueUsdPerMwh}; or {@code kwPerGpu} with {@code leaseUsdPerGpuHour}
     * (and {@code utilization}); or {@code colocationUsdPerKwMonth}.
     *
     * @param name                    unique among fleets and options
     * @param offering                a catalog AI offering whose figures fill the fields not given
     * @param kwPerGpu                kW of IT load per GPU
     * @param leaseUsdPerGpuHour      lease rate, USD per GPU-hour
     * @param utilization             share of GPU-hours leased (default 1)
     * @param colocationUsdPerKwMonth USD per kW of IT load per month
     * @param revenueUsdPerMwh        revenue per MWh of IT load, USD
     * @param tenantPaysPower         the tenant pays the energy (default false)
     * @param pue                     site power per IT power (default 1.0)
     * @param maxItMw                 most IT load of this option, MW (absent: no limit)
     * @param capexUsdPerMw           capital cost per MW of IT, USD (default 0)
     * @param variableOpexUsdPerMwh   cost per MWh of IT energy besides power (default 0)
     * @param fixedOpexUsdPerMwYear   cost per MW of IT per year (default 0)
     */
    public record AiOptionInput(String name, String offering, Double kwPerGpu, Double leaseUsdPerGpuHour, Double utilization,
                                Double colocationUsdPerKwMonth, Double revenueUsdPerMwh, Boolean tenantPaysPower, Double pue,
                                Double maxItMw, Double capexUsdPerMw, Double variableOpexUsdPerMwh, Double fixedOpexUsdPerMwYear) {
    }

    /**
     * @param energyPricesUsdPerMwh one price per hour; its length is the horizon T
     * @param energyPriceUsdPerMwh  a flat price, with {@code hours}
     * @param hours                 the horizon with a flat price
     * @param energyPriceSeries     stored hourly prices of a node over [from, to) instead of inline prices
     * @param hashpriceSeries       a stored hashprice series (default: kind HASHPRICE, key 'derived') over the
     *                              horizon instead of inline hashprice
     * @param startUtc              the UTC start of hour 0 of inline prices (ISO 8601), for exports; taken from
     *                              energyPriceSeries when that is used
     * @param hashpriceUsdPerPhDay  a number, T hourly values or ceil(T/24) daily values, USD per PH/s per day
     */
    public record MarketInput(
            List<Double> energyPricesUsdPerMwh,
            Double energyPriceUsdPerMwh,
            Double hours,
            EnergyPriceSeriesRef energyPriceSeries,
            HashpriceSeriesRef hashpriceSeries,
            String startUtc,
            @Schema(description = "A number, an array of T hourly values, or an array of ceil(T/24) daily values (USD per PH/s per day)",
                    oneOf = {Double.class, Double[].class})
            JsonNode hashpriceUsdPerPhDay) {
    }

    /**
     * @param discountRate       r in the capital recovery factor (default 0.10)
     * @param capexRecoveryYears n in the capital recovery factor (default 5)
     */
    public record FinanceInput(Double discountRate, Double capexRecoveryYears) {
    }

    /**
     * @param node the settlement point, e.g. HB_WEST (default: the stored site's marketNode)
     * @param from first hour, ISO 8601 instant or date (UTC), inclusive
     * @param to   end, ISO 8601 instant or date (UTC), exclusive
     */
    public record EnergyPriceSeriesRef(String node, String from, String to) {
    }

    /**
     * @param key  the HASHPRICE series key (default 'derived': computed from BTC price, difficulty and fees)
     * @param from default: the price series' from (or startUtc)
     * @param to   default: the end of the horizon
     */
    public record HashpriceSeriesRef(String key, String from, String to) {
    }
}
