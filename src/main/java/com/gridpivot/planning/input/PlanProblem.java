package com.gridpivot.planning.input;

import com.gridpivot.economics.Formulas;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.SolverKind;
import java.time.YearMonth;
import java.util.List;

/**
 * A validated, fully resolved multi-year plan: every default applied, prices and hashprice expanded to one value per
 * hour of every month. Immutable in use; the optimizer needs nothing else (it never sees an entity or a request).
 *
 * @param startMonth          first month m = 0
 * @param months              the periods, in order
 * @param interconnectMw      C, MW of site power
 * @param maxAiItMw           A̅, most AI IT MW started over all options (+∞ when absent)
 * @param minAiItMw           A̲, contracted AI IT MW online from month index {@code minAiFromIndex}
 * @param minAiFromIndex      first month index of the contract
 * @param maxConversionMwPerMonth most AI IT MW started in one month (+∞ when absent)
 * @param fleets              ASIC fleets installed at the start
 * @param options             AI options
 * @param startingCashUsd     S₀
 * @param cashFloorUsd        −creditLine (0 without financing: no free money; −∞ only for the explainer's relaxed problem)
 * @param treasuryBtc         N, BTC that may be sold
 * @param discountRate        r, annual; month m's cash flow is discounted by (1+r)^−(m+1)/12 (end of month)
 * @param solver              the LP backend
 * @param hourModel           how hours are modelled inside a month
 * @param timeLimitSeconds    solver limit per LP
 * @param dataNotes           what was done to the stored data the plan uses, in planners' words (e.g. the hours of a replayed
 *                            year filled from the next day); empty when nothing was
 * @param terminalValue       the value at the horizon's end counted in the objective (NONE: nothing, as before issue 14)
 * @param financing           the financing sources and covenants ({@link PlanFinancing#NONE} without any)
 */
public record PlanProblem(YearMonth startMonth, List<MonthData> months, double interconnectMw, double maxAiItMw, double minAiItMw,
                          int minAiFromIndex, double maxConversionMwPerMonth, List<PlanFleet> fleets, List<PlanOption> options,
                          double startingCashUsd, double cashFloorUsd, double treasuryBtc, double discountRate, SolverKind solver,
                          HourModel hourModel, double timeLimitSeconds, List<String> dataNotes, TerminalValue terminalValue,
                          PlanFinancing financing) {

    public PlanProblem {
        financing = financing == null ? PlanFinancing.NONE : financing;
    }

    /** A problem without financing sources. */
    public PlanProblem(YearMonth startMonth, List<MonthData> months, double interconnectMw, double maxAiItMw, double minAiItMw,
                       int minAiFromIndex, double maxConversionMwPerMonth, List<PlanFleet> fleets, List<PlanOption> options,
                       double startingCashUsd, double cashFloorUsd, double treasuryBtc, double discountRate, SolverKind solver,
                       HourModel hourModel, double timeLimitSeconds, List<String> dataNotes, TerminalValue terminalValue) {
        this(startMonth, months, interconnectMw, maxAiItMw, minAiItMw, minAiFromIndex, maxConversionMwPerMonth, fleets, options,
                startingCashUsd, cashFloorUsd, treasuryBtc, discountRate, solver, hourModel, timeLimitSeconds, dataNotes, terminalValue,
                PlanFinancing.NONE);
    }

    /** A problem without a terminal value (NONE) and without financing sources. */
    public PlanProblem(YearMonth startMonth, List<MonthData> months, double interconnectMw, double maxAiItMw, double minAiItMw,
                       int minAiFromIndex, double maxConversionMwPerMonth, List<PlanFleet> fleets, List<PlanOption> options,
                       double startingCashUsd, double cashFloorUsd, double treasuryBtc, double discountRate, SolverKind solver,
                       HourModel hourModel, double timeLimitSeconds, List<String> dataNotes) {
        this(startMonth, months, interconnectMw, maxAiItMw, minAiItMw, minAiFromIndex, maxConversionMwPerMonth, fleets, options,
                startingCashUsd, cashFloorUsd, treasuryBtc, discountRate, solver, hourModel, timeLimitSeconds, dataNotes, TerminalValue.NONE);
    }

    /** A problem with no notes on its data. */
    public PlanProblem(YearMonth startMonth, List<MonthData> months, double interconnectMw, double maxAiItMw, double minAiItMw,
                       int minAiFromIndex, double maxConversionMwPerMonth, List<PlanFleet> fleets, List<PlanOption> options,
                       double startingCashUsd, double cashFloorUsd, double treasuryBtc, double discountRate, SolverKind solver,
                       HourModel hourModel, double timeLimitSeconds) {
        this(startMonth, months, interconnectMw, maxAiItMw, minAiItMw, minAiFromIndex, maxConversionMwPerMonth, fleets, options,
                startingCashUsd, cashFloorUsd, treasuryBtc, discountRate, solver, hourModel, timeLimitSeconds, List.of());
    }

    /** Per month m, the ASIC price index (h̄ₘ/h̄₀)^ε, h̄ the month's mean hourly hashprice ({@link Formulas#asicPriceIndex}). */
    public static double[] asicPriceIndex(List<MonthData> months, double elasticity) {
        double[] index = new double[months.size()];
        double start = months.isEmpty() ? 0.0 : months.get(0).meanHashpriceUsdPerPhDay();
        for (int m = 0; m < index.length; m++) {
            index[m] = Formulas.asicPriceIndex(months.get(m).meanHashpriceUsdPerPhDay(), start, elasticity);
        }
        return index;
    }

    /** The fleets as they run in month m ({@link PlanFleet#specIn}). */
    public List<FleetSpec> fleetSpecsIn(int m) {
        return fleets.stream().map(f -> f.specIn(m)).toList();
    }

    public int monthCount() {
        return months.size();
    }

    public int totalHours() {
        return months.stream().mapToInt(MonthData::hours).sum();
    }

    /** δ_m = (1 + r)^−(m+1)/12: month m's cash flow counts at the month's end. */
    public double discountFactor(int m) {
        return Formulas.discountFactor(discountRate, m);
    }

    /** δ⁰ₘ = (1 + r)^−m/12: capex paid at the start of month m counts from the month's start. */
    public double startOfMonthDiscountFactor(int m) {
        return Formulas.startOfMonthDiscountFactor(discountRate, m);
    }

    /** Hours of month n from the start: the month's data inside the horizon, 24 × its days beyond it (contract terms). */
    public double hoursOfMonth(int n) {
        return n < months.size() ? months.get(n).hours() : 24.0 * startMonth.plusMonths(n).lengthOfMonth();
    }

    /**
     * Vⱼₖ = Σ_{q<T} cᵩ(B_{k+L+q}): the contracted revenue over the whole term of one contracted MW of option o started in
     * month k, undiscounted (the prepayment is φ Vⱼₖ), with B the billed hours of each calendar month (beyond the horizon too).
     */
    public double contractValueUsdPerMw(PlanOption o, int k) {
        double v = 0.0;
        for (int q = 0; q < o.contract().termMonths(); q++) {
            v += o.contract().revenueUsdPerMw(q, o.billedHours(hoursOfMonth(k + o.leadTimeMonths() + q)));
        }
        return v;
    }

    /** The treasury BTC's value at the horizon's end, discounted: δ_{M−1} × BTC price of the last month. */
    public double treasuryEndValueUsdPerBtc() {
        int last = months.size() - 1;
        return discountFactor(last) * months.get(last).btcPriceUsd();
    }

    /**
     * One month of the horizon.
     *
     * @param month                the calendar month (UTC)
     * @param priceUsdPerMwh       energy price per hour of the month (24 × days values)
     * @param hashpriceUsdPerPhDay hashprice per hour (the day's value)
     * @param btcPriceUsd          mean BTC price of the month's days (treasury sales)
     * @param feeShareOfHashprice  per hour, the transaction fees' share of that hour's hashprice: fees / (subsidy of the day + fees)
     *                             (the rest is the block subsidy; the Monte Carlo's fee factor scales this part only)
     */
    public record MonthData(YearMonth month, double[] priceUsdPerMwh, double[] hashpriceUsdPerPhDay, double btcPriceUsd,
                            double[] feeShareOfHashprice) {
        public int hours() {
            return priceUsdPerMwh.length;
        }

        /** Energy cost over the month per MW of IT load of option o: pue Σₜ pₜ, or 0 when the tenant pays. */
        public double aiEnergyCostUsdPerMw(AiOptionSpec o) {
            return Formulas.aiEnergyCostUsdPerMw(o.tenantPaysPower(), o.pue(), priceSumUsdPerMw());
        }

        /** h̄ₘ: the mean of the month's hourly hashprice (= the mean of its days'). */
        public double meanHashpriceUsdPerPhDay() {
            double s = 0.0;
            for (double h : hashpriceUsdPerPhDay) {
                s += h;
            }
            return hashpriceUsdPerPhDay.length == 0 ? 0.0 : s / hashpriceUsdPerPhDay.length;
        }

        public double priceSumUsdPerMw() {
            double s = 0.0;
            for (double p : priceUsdPerMwh) {
                s += p;
            }
            return s;
        }

        /** Mining margin per MWh of IT load of fleet f in hour t: (1 − fee) h 1000/(24 e) − p pue − varOpex. */
        public double miningMarginUsdPerMwh(FleetSpec f, int t) {
            return Formulas.miningMarginUsdPerMwh(f.revenueUsdPerMwhAt(hashpriceUsdPerPhDay[t]), priceUsdPerMwh[t], f.pue(),
                    f.variableOpexUsdPerMwh());
        }
    }

    /**
     * A fleet of the plan, with its ASIC prices following hashprice (issue 14, item 5; models/PLANS.md, "ASIC prices and
     * hashprice"): a price per TH/s given at the plan's first month is worth index(m) = (h̄ₘ/h̄₀)^ε of it in month m, and the
     * fleet delivers (1 − d)^(m/12) of its nameplate TH/s at the same power.
     *
     * @param spec               the fleet as in the allocation engine (capacity, efficiency, pue, fees, opex), at nameplate
     * @param salvageUsdPerMw    cash per MW retired in the first month: salvageUsdPerTh × 10⁶ / (J/TH)
     * @param purchaseUsdPerMw   cost per MW bought in the first month: newPriceUsdPerTh × 10⁶ / (J/TH); NaN when purchases are
     *                           not offered
     * @param priceIndex         per month, the ASIC price index (h̄ₘ/h̄₀)^ε ({@link Formulas#asicPriceIndex}); null: 1 in every month
     * @param priceElasticity    ε, the elasticity the index was computed with (a Monte Carlo path moves the index with its own
     *                           hashprice)
     * @param degradationPerYear d, share of the hashrate lost per year (0: none)
     */
    public record PlanFleet(FleetSpec spec, double salvageUsdPerMw, double purchaseUsdPerMw, double[] priceIndex, double priceElasticity,
                            double degradationPerYear) {
        /** A fleet whose ASIC prices stay at their first month's and that does not degrade. */
        public PlanFleet(FleetSpec spec, double salvageUsdPerMw, double purchaseUsdPerMw) {
            this(spec, salvageUsdPerMw, purchaseUsdPerMw, null, 0.0, 0.0);
        }

        public boolean canBuy() {
            return !Double.isNaN(purchaseUsdPerMw);
        }

        /** The same fleet with its ASIC price index recomputed on other months (a sampled path's hashprice), ε kept. */
        public PlanFleet withPricesFollowing(List<MonthData> months) {
            return priceElasticity == 0.0 ? this
                    : new PlanFleet(spec, salvageUsdPerMw, purchaseUsdPerMw, asicPriceIndex(months, priceElasticity), priceElasticity,
                    degradationPerYear);
        }

        /** The ASIC price index of month m: (h̄ₘ/h̄₀)^ε. */
        public double priceIndex(int m) {
            return priceIndex == null ? 1.0 : priceIndex[m];
        }

        /** (1 − d)^(m/12): the share of the nameplate TH/s delivered in month m. */
        public double hashrateFactor(int m) {
            return Formulas.asicHashrateFactor(degradationPerYear, m);
        }

        /** σᵢₘ: cash per MW retired in month m, salvage₀ × index(m) × (1 − d)^(m/12) (a used machine sells by the TH it still makes). */
        public double salvageUsdPerMw(int m) {
            return salvageUsdPerMw * priceIndex(m) * hashrateFactor(m);
        }

        /** πᵢₘ: cost per MW bought in month m, purchase₀ × index(m) (new machines, nameplate TH/s). */
        public double purchaseUsdPerMw(int m) {
            return purchaseUsdPerMw * priceIndex(m);
        }

        /** The fleet as it runs in month m: the same power, hashrate × (1 − d)^(m/12) (the spec itself when d = 0). */
        public FleetSpec specIn(int m) {
            double f = hashrateFactor(m);
            if (f == 1.0) {
                return spec;
            }
            return new FleetSpec(spec.name(), spec.model(), spec.units(), spec.hashrateThPerUnit() * f, spec.powerWPerUnit(), spec.pue(),
                    spec.poolFeeFraction(), spec.variableOpexUsdPerMwh(), spec.fixedOpexUsdPerMwYear());
        }
    }

    /**
     * @param spec               the option as in the allocation engine (revenue per MWh in the first month, pue, capex, opex)
     * @param leadTimeMonths     L_j: MW started in month m are online from month m + L_j
     * @param capexTiming        capex at start or spread evenly over the L_j construction months
     * @param rateDeclinePerYear revenue per MWh in month m = rev × (1 − decline)^(m/12)
     * @param blockMw            hall block size: starts come in whole blocks of this many IT MW (0: any MW, the plan stays an LP)
     * @param maxBlocks          most blocks started over the horizon ({@link Integer#MAX_VALUE}: no limit besides maxItMw)
     * @param contract           the contract terms its MW may be signed under (issue 14, item 1), or null: every MW at the market rate
     * @param gpuLife            the GPUs' life, residual value and refresh (issue 14, item 2), or null: GPUs earn for ever, as before
     */
    public record PlanOption(AiOptionSpec spec, int leadTimeMonths, CapexTiming capexTiming, double rateDeclinePerYear, double blockMw,
                             int maxBlocks, AiContract contract, GpuLife gpuLife) {
        /** An option whose GPUs do not age (no {@code gpuLife}). */
        public PlanOption(AiOptionSpec spec, int leadTimeMonths, CapexTiming capexTiming, double rateDeclinePerYear, double blockMw,
                          int maxBlocks, AiContract contract) {
            this(spec, leadTimeMonths, capexTiming, rateDeclinePerYear, blockMw, maxBlocks, contract, null);
        }

        /** An option whose starts may be any MW (no hall blocks). */
        public PlanOption(AiOptionSpec spec, int leadTimeMonths, CapexTiming capexTiming, double rateDeclinePerYear) {
            this(spec, leadTimeMonths, capexTiming, rateDeclinePerYear, 0.0, Integer.MAX_VALUE, null);
        }

        /** An option without contract terms (all its MW follow the market rate). */
        public PlanOption(AiOptionSpec spec, int leadTimeMonths, CapexTiming capexTiming, double rateDeclinePerYear, double blockMw,
                          int maxBlocks) {
            this(spec, leadTimeMonths, capexTiming, rateDeclinePerYear, blockMw, maxBlocks, null);
        }

        /** The option offers contract terms: its MW split into contracted and spot MW ({@code lp/rows/AiContractRows}). */
        public boolean hasContract() {
            return contract != null;
        }

        /** Starts come in whole blocks of {@code blockMw}. */
        public boolean hasBlocks() {
            return blockMw > 0.0;
        }

        /** The same option with another spec (a sweep's scaled rates and capex): timing and blocks kept. */
        public PlanOption withSpec(AiOptionSpec other) {
            GpuLife life = gpuLife;
            if (life != null && spec.capexUsdPerMw() != 0.0 && other.capexUsdPerMw() != spec.capexUsdPerMw()) {
                // a sweep's capex scale moves the GPUs' part with the whole
                life = new GpuLife(life.lifeMonths(), life.gpuCapexUsdPerMw() * other.capexUsdPerMw() / spec.capexUsdPerMw(), life.residualShare(),
                        life.priceDeclinePerYear(), life.endOfLife(), life.hallLifeMonths());
            }
            return new PlanOption(other, leadTimeMonths, capexTiming, rateDeclinePerYear, blockMw, maxBlocks, contract, life);
        }

        /** The option's GPUs have a life ({@code lp/rows/GpuLifeRows}). */
        public boolean hasGpuLife() {
            return gpuLife != null;
        }

        /**
         * Capex per MW of IT started in month k: Kⱼ, or with a GPU life the hall's part Kⱼ − G plus the GPUs at their price of
         * month k, G (1 − d)^(k/12) ({@link GpuLife#gpuPriceUsdPerMw}).
         */
        public double capexUsdPerMw(int k) {
            return gpuLife == null ? spec.capexUsdPerMw() : spec.capexUsdPerMw() - gpuLife.gpuCapexUsdPerMw() + gpuLife.gpuPriceUsdPerMw(k);
        }

        public double revenueUsdPerMwh(int m) {
            return spec.revenueUsdPerMwh() * Math.pow(1.0 - rateDeclinePerYear, m / 12.0);
        }

        /** Colocation is billed per month for the contracted kW; other bases earn by the hour. */
        public boolean billedPerMonth() {
            return spec.revenueBasis() == com.gridpivot.optimization.input.AllocationProblem.RevenueBasis.COLOCATION;
        }

        /** The hours month m's revenue is billed for: {@link Formulas#aiBilledHours}. */
        public double billedHours(double hours) {
            return Formulas.aiBilledHours(billedPerMonth(), hours);
        }

        /** Revenue of one MW online in month m of {@code hours}: {@link Formulas#aiRevenueUsdPerMw}. */
        public double revenueUsdPerMw(int m, double hours) {
            return Formulas.aiRevenueUsdPerMw(billedPerMonth(), revenueUsdPerMwh(m), hours);
        }

        /** Share of the capex of MW started in month k that is paid in month m. */
        public double capexShare(int k, int m) {
            return Formulas.capexShare(capexTiming == CapexTiming.AT_START, leadTimeMonths, k, m);
        }

        /** Calls {@code share.accept(k, capexShare(k, m))} for every start month k whose capex is (partly) paid in month m. */
        public void capexPaidIn(int m, java.util.function.BiConsumer<Integer, Double> share) {
            Formulas.capexPaidIn(capexTiming == CapexTiming.AT_START, leadTimeMonths, m, share);
        }
    }

    /**
     * AI contract terms of an option (issue 14, item 1; models/PLANS.md, "AI contracts"). A contracted MW started in month k
     * is completed in k + L and is then in contract month q = n − k − L in month n; its term runs for q = 0 … T−1.
     *
     * @param termMonths       T
     * @param rateUsdPerMwh    a: the contract price at full use, USD per MWh of IT: colocation priceUsdPerKwMonth × 12,000/8760
     *                         (billed 730 h a month), GPU lease priceUsdPerGpuHour × 1000 / kwPerGpu
     * @param usageShare       u: share of the capacity billed by use: 1 for colocation (billed per contracted kW), the option's
     *                         utilization for a GPU lease
     * @param escalatorPerYear e: the price steps up by (1 + e) at each contract anniversary
     * @param takeOrPayShare   ω: share of the full contracted revenue owed whatever the use and the ramp
     * @param tenantCapexShare κ: share of the fit-out capex the tenant pays
     * @param prepaymentShare  φ: share of the contract value paid up front (at the end of the start month), earned over the term
     * @param rampShare        ρ_q, share of the contracted MW online in contract month q (1 from q = rampShare.length on)
     * @param maxMw            most contracted IT MW over the horizon (+∞: up to the option's maxItMw)
     * @param renewAtMarket    after the term the MW earn the market rate of the month (true) or nothing (false)
     */
    public record AiContract(int termMonths, double rateUsdPerMwh, double usageShare, double escalatorPerYear, double takeOrPayShare,
                             double tenantCapexShare, double prepaymentShare, double[] rampShare, double maxMw, boolean renewAtMarket) {
        /** ρ_q: the share of the contracted MW online in contract month q. */
        public double rampShare(int q) {
            return q < rampShare.length ? rampShare[q] : 1.0;
        }

        /** max(ρ_q u, ω): the share of the full contracted revenue billed in contract month q. */
        public double billedShare(int q) {
            return Math.max(rampShare(q) * usageShare, takeOrPayShare);
        }

        /** (1 + e)^⌊q/12⌋: the escalator in contract month q (a step at each anniversary). */
        public double escalation(int q) {
            return Math.pow(1.0 + escalatorPerYear, Math.floorDiv(q, 12));
        }

        /** cᵩ: contracted revenue (accrued, before prepayment) of one contracted MW in contract month q, billed for {@code billedHours}. */
        public double revenueUsdPerMw(int q, double billedHours) {
            return rateUsdPerMwh * billedHours * escalation(q) * billedShare(q);
        }
    }

    /**
     * GPU life of a cloud option (issue 14, item 2; models/PLANS.md, "GPU life and refresh"). The option's capex per MW Kⱼ
     * splits into the GPUs, G, and the hall (shell, power, cooling), Kⱼ − G. A MW completed in month c earns with its GPUs
     * from c to c + Lg − 1; at month c + Lg (its end of life) it is refreshed with new GPUs at that month's price or retired,
     * and the old GPUs sell at their residual value. The hall stands Lh months from completion, then everything in it stops.
     *
     * @param lifeMonths          Lg, months a GPU earns from completion or refresh to its end of life
     * @param gpuCapexUsdPerMw    G, the GPU part of the option's capex per MW at the plan's first month
     * @param residualShare       ρ, share of its price a GPU sells for at its end of life (book value: straight line from 1 to ρ)
     * @param priceDeclinePerYear d, the GPU price per MW in month m is G (1 − d)^(m/12)
     * @param endOfLife           OPTIMIZE (the plan chooses how many MW to refresh), REFRESH (all), RETIRE (none)
     * @param hallLifeMonths      Lh ≥ Lg, months the hall stands from completion ({@link Integer#MAX_VALUE}: beyond any horizon)
     */
    public record GpuLife(int lifeMonths, double gpuCapexUsdPerMw, double residualShare, double priceDeclinePerYear, EndOfLife endOfLife,
                          int hallLifeMonths) {
        /** G (1 − d)^(m/12): the price of the GPUs of one MW bought in month m. */
        public double gpuPriceUsdPerMw(int m) {
            return gpuCapexUsdPerMw * Math.pow(1.0 - priceDeclinePerYear, m / 12.0);
        }

        /** Book value per USD of price after {@code ageMonths} in service: 1 − (1 − ρ) min(age, Lg)/Lg (ρ at the end of life). */
        public double bookShare(int ageMonths) {
            return 1.0 - (1.0 - residualShare) * Math.min(Math.max(ageMonths, 0), lifeMonths) / (double) lifeMonths;
        }
    }

    /** What happens to a MW whose GPUs reach their end of life. */
    public enum EndOfLife { OPTIMIZE, REFRESH, RETIRE }

    /**
     * Terminal value at the horizon's end (models/PLANS.md, "Terminal value").
     *
     * @param method       NONE, CONTRACTED, EXIT_MULTIPLE or PERPETUITY
     * @param exitMultiple μ, EXIT_MULTIPLE's multiple of the last 12 months' AI EBITDA
     * @param growthPerYear g, PERPETUITY's annual growth
     */
    public record TerminalValue(TerminalMethod method, double exitMultiple, double growthPerYear) {
        public static final TerminalValue NONE = new TerminalValue(TerminalMethod.NONE, 0.0, 0.0);
    }

    public enum TerminalMethod { NONE, CONTRACTED, EXIT_MULTIPLE, PERPETUITY }

    public enum CapexTiming { AT_START, SPREAD }

    public enum HourModel {
        /** Hours of a month with the same positive fleets in the same merit order merged exactly (models/README.md). */
        EXACT_BLOCKS,
        /** One set of dispatch and interconnect rows per hour: the naive model, for checking. */
        HOURLY
    }
}
