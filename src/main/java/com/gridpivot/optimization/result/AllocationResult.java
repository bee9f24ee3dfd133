package com.gridpivot.optimization.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.gridpivot.optimization.input.ResolvedInputs;
import com.gridpivot.lp.LpStatus;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a what-if ({@code POST /api/v1/allocations}). Maps are keyed by fleet or option name in request
 * order. Money is over the whole horizon unless a name says otherwise.
 *
 * @param status             OPTIMAL, FEASIBLE, INFEASIBLE, UNBOUNDED, TIMED_OUT or ERROR
 * @param allocation         MW by use (absent without a solution)
 * @param economics          money over the horizon
 * @param dispatch           per fleet: energy, capacity factor, curtailed hours
 * @param breakeven          per fleet: the energy price and the hashprice at which a running MWh earns nothing
 * @param shadowPrices       what one more unit of each limit is worth (dual values)
 * @param bindingConstraints the limits that shape the answer, in plain words
 * @param solver             solver statistics
 * @param explanation        why there is no optimal answer, with the numbers (absent when OPTIMAL)
 * @param warnings           things a planner should know about the inputs or the answer: first each input outside its
 *                           plausible range ("field: why, and the likely unit slip"), then the answer's own
 * @param inputs             the stored data a request by reference used (site, series, start of hour 0)
 * @param runId              the audit record of this answer: {@code GET /api/v1/allocation-runs/{runId}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllocationResult(
        LpStatus status,
        Allocation allocation,
        Economics economics,
        Map<String, FleetDispatch> dispatch,
        Map<String, Breakeven> breakeven,
        ShadowPrices shadowPrices,
        List<String> bindingConstraints,
        SolverStats solver,
        String explanation,
        List<String> warnings,
        ResolvedInputs inputs,
        Long runId) {

    /** The same answer with the stored data it used and the id of its audit record. */
    public AllocationResult withRun(ResolvedInputs resolvedInputs, Long id) {
        return new AllocationResult(status, allocation, economics, dispatch, breakeven, shadowPrices, bindingConstraints, solver,
                explanation, warnings, resolvedInputs, id);
    }

    /**
     * The same answer with the input warnings first (values outside their plausible ranges, see
     * {@link com.gridpivot.optimization.input.PlausibleRanges}), then the answer's own.
     */
    public AllocationResult withInputWarnings(List<String> inputWarnings) {
        if (inputWarnings == null || inputWarnings.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(inputWarnings);
        if (warnings != null) {
            all.addAll(warnings);
        }
        return new AllocationResult(status, allocation, economics, dispatch, breakeven, shadowPrices, bindingConstraints, solver,
                explanation, List.copyOf(all), inputs, runId);
    }

    /** The same answer with other solver statistics. */
    public AllocationResult withSolver(SolverStats stats) {
        return new AllocationResult(status, allocation, economics, dispatch, breakeven, shadowPrices, bindingConstraints, stats,
                explanation, warnings, inputs, runId);
    }

    /**
     * @param asicItMw       per fleet, its largest hourly dispatch, MW of IT load
     * @param aiItMw         per AI option, its firm IT load, MW
     * @param totalAsicItMw  Σ of asicItMw
     * @param totalAiItMw    Σ of aiItMw
     * @param peakFacilityMw the largest hourly site power, Σ pue × IT MW, MW
     */
    public record Allocation(Map<String, Double> asicItMw, Map<String, Double> aiItMw, double totalAsicItMw, double totalAiItMw,
                             double peakFacilityMw) {
    }

    /**
     * @param netUsd             the objective: revenue − energy − capex charge − opex
     * @param miningRevenueUsd   hashing revenue after pool fees
     * @param aiRevenueUsd       AI lease or colocation revenue
     * @param energyCostUsd      energy bought (negative prices reduce it), AI energy only where the site pays it
     * @param capexChargeUsd     capex × CRF(r, n) × T/8760
     * @param opexUsd            variable and fixed opex
     * @param revenuePerItMwhUsd "mining" (realized over dispatched MWh; the capacity-weighted rate when nothing runs)
     *                           and each AI option's rate, USD per MWh of IT load
     * @param powerCreditsUsd    fixed-price blocks only: block energy the site did not use, resold at the node price,
     *                           × (node price − block price), USD (the issue-16 power credits)
     * @param fixedPriceSavingsUsd fixed-price blocks only: block energy the site used × (node price − block price), USD;
     *                           netUsd = revenues − energyCostUsd (valued at the node price) + powerCreditsUsd
     *                           + fixedPriceSavingsUsd − fourCpChargeUsd − capex charge − opex
     * @param fourCpTagMw        with site.fourCp: the expected coincident-peak tag (1/N) Σₜ Pₜ Lₜ of the site power the
     *                           site buys, MW
     * @param fourCpChargeUsd    with site.fourCp: rate × expected tag, USD (per year of peaks in the horizon)
     * @param fourCpSavingUsd    with site.fourCp: the charge had the fleets run at allocation.asicItMw in every hour, less
     *                           fourCpChargeUsd, USD
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Economics(double netUsd, double miningRevenueUsd, double aiRevenueUsd, double energyCostUsd, double capexChargeUsd,
                            double opexUsd, Map<String, Double> revenuePerItMwhUsd, Double powerCreditsUsd, Double fixedPriceSavingsUsd,
                            Double fourCpTagMw, Double fourCpChargeUsd, Double fourCpSavingUsd,
                            Double ancillaryRevenueUsd, Double ancillaryDeploymentCostUsd, Map<String, AncillaryService> ancillaryServices,
                            ForcedCurtailmentResult forcedCurtailment, ValueStack valueStack) {
    }

    /**
     * A large-load curtailment order (site.forcedCurtailment, SB 6; models/README.md, "Forced curtailment").
     *
     * @param forcedHours               |C|, the forced curtailment hours in the horizon
     * @param limitMw                   grid site power allowed in them, MW
     * @param aiLoad                    BACKUP_POWER or COUNTED
     * @param curtailedMiningMwh        IT MWh the fleets did not run in forced hours with a positive margin, against running
     *                                  at allocation.asicItMw
     * @param foregoneMiningMarginUsd   their margin, USD (already out of netUsd: the fleets did not run)
     * @param backupPowerMwh            site MWh of AI load served by backup power (BACKUP_POWER), MWh
     * @param backupPowerCostUsd        their cost to the site (tenant-paid options excluded), USD; netUsd subtracts it
     */
    public record ForcedCurtailmentResult(int forcedHours, double limitMw, String aiLoad, double curtailedMiningMwh,
                                          double foregoneMiningMarginUsd, double backupPowerMwh, double backupPowerCostUsd) {
    }

    /**
     * The value stack (issue 16 item 4; models/README.md, "Value stack"): what the mining MW earn, term by term, against each AI
     * option's margin per MW. The USD terms sum to netUsd: miningMarginUsd + powerCreditsUsd + fixedPriceSavingsUsd +
     * fourCpSavingUsd + ancillaryNetUsd + aiMarginUsd. Per MW: each mining term ÷ miningItMw (allocation.totalAsicItMw).
     *
     * @param miningItMw                the mining IT MW that run (Σ asicItMw), MW
     * @param miningMarginUsd           fleets' revenue − energy − variable and fixed opex − the 4CP charge the fleets would pay
     *                                  never curtailing, USD
     * @param powerCreditsUsd           resold fixed-price block energy × spread, USD (0 without blocks)
     * @param fixedPriceSavingsUsd      used fixed-price block energy × spread, USD (0 without blocks)
     * @param fourCpSavingUsd           the 4CP charge avoided by curtailing, USD (0 without 4CP)
     * @param ancillaryNetUsd           ancillary revenue − expected deployment cost, USD (0 without ancillary services)
     * @param aiMarginUsd               Σⱼ aⱼ yⱼ: AI revenue − energy and 4CP − capex charge − opex, USD
     * @param miningMarginUsdPerMw      per MW of miningItMw, USD/MW over the horizon (0 when no mining runs), and so on
     * @param miningTotalUsdPerMw       the sum of the five mining terms per MW
     * @param aiOptionMarginUsdPerMw    each AI option's aⱼ, USD per MW of IT over the horizon (whether built or not)
     */
    public record ValueStack(double miningItMw, double miningMarginUsd, double powerCreditsUsd, double fixedPriceSavingsUsd,
                             double fourCpSavingUsd, double ancillaryNetUsd, double aiMarginUsd,
                             double miningMarginUsdPerMw, double powerCreditsUsdPerMw, double fixedPriceSavingsUsdPerMw,
                             double fourCpSavingUsdPerMw, double ancillaryNetUsdPerMw, double miningTotalUsdPerMw,
                             Map<String, Double> aiOptionMarginUsdPerMw) {
    }

    /**
     * One ancillary service's part of the answer (models/README.md, "Ancillary services").
     *
     * @param offeredMwh          Σ over hours of the site MW offered (MW-h of capacity)
     * @param revenueUsd          capacity payments: Σ offered MW × clearing price (ERS: × period price)
     * @param expectedDeployedMwh Σ over hours of offered MW × the expected deployed share of the hour
     */
    public record AncillaryService(double offeredMwh, double revenueUsd, double expectedDeployedMwh) {
    }

    /**
     * @param capacityMw     installed IT load: units × W / 10⁶
     * @param energyMwh      IT energy over the horizon
     * @param capacityFactor energyMwh / (asicItMw × T); 0 when the fleet never runs
     * @param curtailedHours hours in which the fleet runs below its asicItMw
     * @param revenueUsd     hashing revenue after pool fees
     * @param maxRunMw       the most IT MW the fleet runs in any hour (= allocation.asicItMw)
     * @param idleMw         capacityMw − maxRunMw: installed MW that never run
     * @param idleReason     why idleMw stay idle (NONE when they are 0)
     * @param payingHours    hours in which a running MWh of the fleet earns more than it costs (margin &gt; 0)
     * @param idleNote       installed, run at most and idle MW in words, with the reason and its numbers
     */
    public record FleetDispatch(double capacityMw, double energyMwh, double capacityFactor, int curtailedHours, double revenueUsd,
                                @Schema(description = "The most IT load the fleet runs in any hour, MW (the same as allocation.asicItMw)")
                                double maxRunMw,
                                @Schema(description = "Installed IT load that never runs, MW: capacityMw − maxRunMw")
                                double idleMw,
                                @Schema(description = "Why idleMw stay idle: NONE (nothing idle); NEVER_PAYS (a running MWh loses money in "
                                        + "every hour); INTERCONNECT (in every hour the fleet pays, the interconnect is full with AI load "
                                        + "and fleets that earn more per MW of site power); FIXED_OPEX (the idle MW would not earn their "
                                        + "fixed opex, USD per MW-year, in the hours they could run)")
                                IdleReason idleReason,
                                @Schema(description = "Hours of the horizon in which a running MWh of the fleet earns more than it costs "
                                        + "(revenue after pool fees > energy price × PUE + variable opex), h")
                                int payingHours,
                                @Schema(description = "Installed, run-at-most and idle MW of the fleet in words, with the reason and its numbers")
                                String idleNote) {
    }

    /** Why installed MW of a fleet never run; see {@link FleetDispatch#idleReason()}. */
    public enum IdleReason { NONE, NEVER_PAYS, INTERCONNECT, FIXED_OPEX }

    /**
     * @param energyPriceUsdPerMwh the energy price above which a running MWh loses money at the horizon's mean
     *                             hashprice: ((1−fee) h̄ 1000/(24e) − varOpex) / pue
     * @param hashpriceUsdPerPhDay the hashprice below which a MWh at the horizon's mean energy price loses money:
     *                             (p̄ pue + varOpex) 24 e / (1000 (1−fee))
     */
    public record Breakeven(double energyPriceUsdPerMwh, double hashpriceUsdPerPhDay,
                            @Schema(description = "With 4CP or ancillary services: energyPriceUsdPerMwh + α ŵ − c̄, where ŵ is the mean best "
                                    + "ancillary price a running MW can sell per hour, α the offerable share and c̄ the mean expected 4CP "
                                    + "charge per MWh; USD/MWh (models/README.md, \"Value stack\")")
                            Double energyPriceWithFlexibilityUsdPerMwh,
                            @Schema(description = "With 4CP or ancillary services: the hashprice below which a running MWh loses money "
                                    + "counting them, ((p̄ + c̄ − α ŵ) pue + varOpex) 24 e / (1000 (1 − fee)), USD/PH/day")
                            Double hashpriceWithFlexibilityUsdPerPhDay) {
        public Breakeven(double energyPriceUsdPerMwh, double hashpriceUsdPerPhDay) {
            this(energyPriceUsdPerMwh, hashpriceUsdPerPhDay, null, null);
        }
    }

    /**
     * Change of netUsd per unit increase of each limit (0 when the limit does not bind or is absent).
     *
     * @param interconnectUsdPerMw  USD over the horizon per MW of interconnect
     * @param maxAiItUsdPerMw       USD over the horizon per MW of maxAiItMw
     * @param minAiItUsdPerMw       USD over the horizon per MW of contracted minAiItMw (≤ 0)
     * @param capexBudgetUsdPerUsd  USD of net value per USD of capex budget
     */
    public record ShadowPrices(double interconnectUsdPerMw, double maxAiItUsdPerMw, double minAiItUsdPerMw, double capexBudgetUsdPerUsd) {
    }

    /**
     * @param name            GLOP, CLP or PDLP
     * @param wallMs          build + solve + results, ms
     * @param buildMs         model build, ms
     * @param solveMs         solve, ms
     * @param variables       LP columns
     * @param constraints     LP rows
     * @param hourAggregation EXACT or NONE
     * @param hours           T
     * @param hourBlocks      blocks after aggregation (T without)
     * @param note            how the status was confirmed, if it had to be
     * @param bestBoundUsd    FEASIBLE only (a time limit stopped the solver): a proven bound on the optimal netUsd from the
     *                        duals the solver held (Lagrangian duality), USD; the optimum lies between netUsd and it
     * @param relativeGap     FEASIBLE only: |bestBoundUsd − netUsd| / max(|netUsd|, 1), how far from optimal the answer may be
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SolverStats(String name, double wallMs, double buildMs, double solveMs, int variables, int constraints,
                              String hourAggregation, int hours, int hourBlocks, String note, Double bestBoundUsd, Double relativeGap) {
        /** An answer without a bound beside it (OPTIMAL, or no answer). */
        public SolverStats(String name, double wallMs, double buildMs, double solveMs, int variables, int constraints,
                           String hourAggregation, int hours, int hourBlocks, String note) {
            this(name, wallMs, buildMs, solveMs, variables, constraints, hourAggregation, hours, hourBlocks, note, null, null);
        }
    }
}
