package com.gridpivot.optimization.input;

import com.gridpivot.economics.Formulas;
import java.util.List;

/**
 * A validated, fully resolved what-if: every default applied, every catalog figure filled in, hashprice expanded
 * to one value per hour. Immutable; the optimizer needs nothing else.
 *
 * @param site                 site limits
 * @param fleets               ASIC fleets, in request order
 * @param aiOptions            AI options, in request order
 * @param priceUsdPerMwh       energy price per hour, length T
 * @param hashpriceUsdPerPhDay hashprice per hour, length T (empty when there is no fleet)
 * @param discountRate         r of the capital recovery factor
 * @param capexRecoveryYears   n of the capital recovery factor
 * @param solver               the LP backend
 * @param hourAggregation      how hours are modelled
 * @param timeLimitSeconds     wall-clock limit of the solve
 * @param powerContract        how the site buys energy (INDEX: the node price, as before issue 16)
 * @param fourCp               the coincident-peak transmission charge (NONE: none, as before issue 16)
 * @param ancillary            ancillary services offered by the mining load (NONE: none, as before issue 16)
 * @param forcedCurtailment    a large-load curtailment order, SB 6 (NONE: none, as before issue 16 item 5)
 */
public record AllocationProblem(
        SiteSpec site,
        List<FleetSpec> fleets,
        List<AiOptionSpec> aiOptions,
        double[] priceUsdPerMwh,
        double[] hashpriceUsdPerPhDay,
        double discountRate,
        int capexRecoveryYears,
        SolverKind solver,
        HourAggregation hourAggregation,
        double timeLimitSeconds,
        PowerContract powerContract,
        FourCp fourCp,
        Ancillary ancillary,
        ForcedCurtailment forcedCurtailment) {

    public static final double HOURS_PER_YEAR = 8760.0;

    /** A what-if on the node price (power contract INDEX). */
    public AllocationProblem(SiteSpec site, List<FleetSpec> fleets, List<AiOptionSpec> aiOptions, double[] priceUsdPerMwh,
                             double[] hashpriceUsdPerPhDay, double discountRate, int capexRecoveryYears, SolverKind solver,
                             HourAggregation hourAggregation, double timeLimitSeconds) {
        this(site, fleets, aiOptions, priceUsdPerMwh, hashpriceUsdPerPhDay, discountRate, capexRecoveryYears, solver, hourAggregation,
                timeLimitSeconds, PowerContract.INDEX, FourCp.NONE, Ancillary.NONE);
    }

    /** A what-if with a power contract and no coincident-peak charge. */
    public AllocationProblem(SiteSpec site, List<FleetSpec> fleets, List<AiOptionSpec> aiOptions, double[] priceUsdPerMwh,
                             double[] hashpriceUsdPerPhDay, double discountRate, int capexRecoveryYears, SolverKind solver,
                             HourAggregation hourAggregation, double timeLimitSeconds, PowerContract powerContract) {
        this(site, fleets, aiOptions, priceUsdPerMwh, hashpriceUsdPerPhDay, discountRate, capexRecoveryYears, solver, hourAggregation,
                timeLimitSeconds, powerContract, FourCp.NONE, Ancillary.NONE);
    }

    /** A what-if with a power contract and a coincident-peak charge, no ancillary services. */
    public AllocationProblem(SiteSpec site, List<FleetSpec> fleets, List<AiOptionSpec> aiOptions, double[] priceUsdPerMwh,
                             double[] hashpriceUsdPerPhDay, double discountRate, int capexRecoveryYears, SolverKind solver,
                             HourAggregation hourAggregation, double timeLimitSeconds, PowerContract powerContract, FourCp fourCp) {
        this(site, fleets, aiOptions, priceUsdPerMwh, hashpriceUsdPerPhDay, discountRate, capexRecoveryYears, solver, hourAggregation,
                timeLimitSeconds, powerContract, fourCp, Ancillary.NONE);
    }

    /** A what-if with a power contract, a coincident-peak charge and ancillary services, no curtailment order. */
    public AllocationProblem(SiteSpec site, List<FleetSpec> fleets, List<AiOptionSpec> aiOptions, double[] priceUsdPerMwh,
                             double[] hashpriceUsdPerPhDay, double discountRate, int capexRecoveryYears, SolverKind solver,
                             HourAggregation hourAggregation, double timeLimitSeconds, PowerContract powerContract, FourCp fourCp,
                             Ancillary ancillary) {
        this(site, fleets, aiOptions, priceUsdPerMwh, hashpriceUsdPerPhDay, discountRate, capexRecoveryYears, solver, hourAggregation,
                timeLimitSeconds, powerContract, fourCp, ancillary, ForcedCurtailment.NONE);
    }

    /** The same what-if with other ancillary services (a sweep over the ancillary price scale). */
    public AllocationProblem withAncillary(Ancillary a) {
        return new AllocationProblem(site, fleets, aiOptions, priceUsdPerMwh, hashpriceUsdPerPhDay, discountRate, capexRecoveryYears, solver,
                hourAggregation, timeLimitSeconds, powerContract, fourCp, a, forcedCurtailment);
    }

    /** The same what-if under another curtailment order (a sweep over the number of forced hours). */
    public AllocationProblem withForcedCurtailment(ForcedCurtailment f) {
        return new AllocationProblem(site, fleets, aiOptions, priceUsdPerMwh, hashpriceUsdPerPhDay, discountRate, capexRecoveryYears, solver,
                hourAggregation, timeLimitSeconds, powerContract, fourCp, ancillary, f);
    }

    public AllocationProblem {
        if (powerContract == null) {
            powerContract = PowerContract.INDEX;
        }
        if (fourCp == null) {
            fourCp = FourCp.NONE;
        }
        if (ancillary == null) {
            ancillary = Ancillary.NONE;
        }
        if (forcedCurtailment == null) {
            forcedCurtailment = ForcedCurtailment.NONE;
        }
    }

    /** L̄ = min(Σᵢ pueᵢ capᵢ, interconnect): the most site power the fleets can draw, MW. */
    public double maxMiningSitePowerMw() {
        double sum = 0.0;
        for (FleetSpec f : fleets) {
            sum += f.pue() * f.capacityMw();
        }
        return Math.min(sum, site.interconnectMw());
    }

    /** α of {@link Ancillary#offerShare}: offered MW ≤ α × running mining site power. */
    public double ancillaryOfferShare() {
        return ancillary.offerShare(maxMiningSitePowerMw());
    }

    /**
     * The value of one more MWh of IT load of fleet f in hour t when it may also be offered as ancillary capacity in an hour
     * without deployment: mᵢₜ + α · wₜ · pueᵢ (wₜ the best hourly clearing price). The exact hour merging groups hours on it
     * (models/README.md, "Ancillary services"); mᵢₜ alone when there are no ancillary services.
     */
    public double miningValueWithAncillaryUsdPerMwh(FleetSpec f, int t) {
        double m = miningMarginUsdPerMwh(f, t);
        return ancillary.active() ? m + ancillaryOfferShare() * ancillary.bestHourlyPriceUsdPerMwHour(t) * f.pue() : m;
    }

    /**
     * What one more MWh of site power costs in hour t: the energy price plus the expected coincident-peak charge
     * rate × Pₜ / N (models/README.md, "4CP").
     */
    public double sitePowerCostUsdPerMwh(int t) {
        return energyPriceUsdPerMwh(t) + fourCp.usdPerMwh(t);
    }

    /** The energy price the site pays for one more MWh in hour t: the node price, or the retail rate + adder. */
    public double energyPriceUsdPerMwh(int t) {
        return powerContract.marginalPriceUsdPerMwh(priceUsdPerMwh[t]);
    }

    public int hours() {
        return priceUsdPerMwh.length;
    }

    /** The horizon in years of 8,760 hours: T / 8760. */
    public double horizonYears() {
        return hours() / HOURS_PER_YEAR;
    }

    /** Capital recovery factor CRF(r, n) = r(1+r)^n / ((1+r)^n − 1), or 1/n when r = 0. */
    public double capitalRecoveryFactor() {
        return capitalRecoveryFactor(discountRate, capexRecoveryYears);
    }

    public static double capitalRecoveryFactor(double r, int n) {
        if (r == 0.0) {
            return 1.0 / n;
        }
        double g = Math.pow(1.0 + r, n);
        return r * g / (g - 1.0);
    }

    /** Mining revenue per MWh of IT load of fleet {@code f} in hour {@code t}: (1 − fee) × hashprice × 1000 / (24 × J/TH). */
    public double miningRevenueUsdPerMwh(FleetSpec f, int t) {
        return f.revenueUsdPerMwhAt(hashpriceUsdPerPhDay[t]);
    }

    /** Operating margin per MWh of IT load of fleet {@code f} in hour {@code t}: revenue − (price + expected 4CP charge) × PUE − variable opex. */
    public double miningMarginUsdPerMwh(FleetSpec f, int t) {
        return Formulas.miningMarginUsdPerMwh(miningRevenueUsdPerMwh(f, t), sitePowerCostUsdPerMwh(t), f.pue(), f.variableOpexUsdPerMwh());
    }

    /**
     * Energy and expected 4CP cost per MWh of IT load of option {@code o} in hour {@code t}: (price + 4CP) × PUE, or 0 when the
     * tenant pays; in a forced curtailment hour under BACKUP_POWER the backup power cost × PUE instead (models/README.md,
     * "Forced curtailment").
     */
    public double aiEnergyCostUsdPerMwh(AiOptionSpec o, int t) {
        double cost = forcedCurtailment.aiOnBackup(t) ? forcedCurtailment.backupPowerCostUsdPerMwh() : sitePowerCostUsdPerMwh(t);
        return Formulas.aiEnergyCostUsdPerMw(o.tenantPaysPower(), o.pue(), cost);
    }

    /**
     * @param name            shown in answers
     * @param interconnectMw  grid interconnect, MW of site power
     * @param maxAiItMw       most AI IT load, MW (+∞ when absent)
     * @param minAiItMw       contracted AI IT load, MW
     * @param capexBudgetUsd  capital available, USD (+∞ when absent)
     */
    public record SiteSpec(String name, double interconnectMw, double maxAiItMw, double minAiItMw, double capexBudgetUsd) {
        public boolean hasMaxAiIt() {
            return Double.isFinite(maxAiItMw);
        }

        public boolean hasCapexBudget() {
            return Double.isFinite(capexBudgetUsd);
        }
    }

    /**
     * @param name                  unique name
     * @param model                 catalog model or null
     * @param units                 machines
     * @param hashrateThPerUnit     TH/s per machine
     * @param powerWPerUnit         W per machine
     * @param pue                   site power per IT power
     * @param poolFeeFraction       share of revenue kept by the pool
     * @param variableOpexUsdPerMwh cost per MWh of IT energy besides power
     * @param fixedOpexUsdPerMwYear cost per deployed MW-year
     */
    public record FleetSpec(String name, String model, double units, double hashrateThPerUnit, double powerWPerUnit,
                            double pue, double poolFeeFraction, double variableOpexUsdPerMwh, double fixedOpexUsdPerMwYear) {
        /** cap = units × W / 10⁶, MW of IT load. */
        public double capacityMw() {
            return units * powerWPerUnit / 1e6;
        }

        /** e = W / (TH/s), J/TH. */
        public double jPerTh() {
            return powerWPerUnit / hashrateThPerUnit;
        }

        /** Revenue per MWh of IT load at a hashprice, before energy: (1 − fee) × h × 1000 / (24 e). */
        public double revenueUsdPerMwhAt(double hashpriceUsdPerPhDay) {
            return Formulas.miningRevenueUsdPerMwh(poolFeeFraction, jPerTh(), hashpriceUsdPerPhDay);
        }
    }

    /**
     * @param name                  unique name
     * @param offering              catalog offering or null
     * @param revenueBasis          which of the three revenue formulas applied
     * @param revenueUsdPerMwh      revenue per MWh of IT load
     * @param tenantPaysPower       the tenant pays the energy
     * @param pue                   site power per IT power
     * @param maxItMw               most IT load, MW (+∞ when absent)
     * @param capexUsdPerMw         capital per MW of IT
     * @param variableOpexUsdPerMwh cost per MWh of IT energy besides power
     * @param fixedOpexUsdPerMwYear cost per MW-year
     */
    public record AiOptionSpec(String name, String offering, RevenueBasis revenueBasis, double revenueUsdPerMwh,
                               boolean tenantPaysPower, double pue, double maxItMw, double capexUsdPerMw,
                               double variableOpexUsdPerMwh, double fixedOpexUsdPerMwYear) {
    }

    public enum RevenueBasis { FLAT_PER_MWH, GPU_LEASE, COLOCATION }
}
