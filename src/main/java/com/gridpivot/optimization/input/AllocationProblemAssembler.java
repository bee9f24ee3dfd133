package com.gridpivot.optimization.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.catalog.AiOffering;
import com.gridpivot.catalog.AsicModel;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.AllocationProblem.SiteSpec;
import com.gridpivot.optimization.input.AllocationRequest.AiOptionInput;
import com.gridpivot.optimization.input.AllocationRequest.AsicFleetInput;
import com.gridpivot.optimization.input.AllocationRequest.MarketInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates an allocation request and resolves it into an {@link AllocationProblem}: catalog figures filled in,
 * defaults applied, hashprice expanded to hours. Every offending field is reported at once by its JSON path.
 */
public final class AllocationProblemAssembler {
    /** The longest horizon: ten years of 365.25 days (3,653 days), in hours. */
    public static final int MAX_HOURS = 3653 * 24;
    public static final double DEFAULT_DISCOUNT_RATE = 0.10;
    public static final int DEFAULT_CAPEX_RECOVERY_YEARS = 5;

    private final Catalog catalog;
    private final SolverKind defaultSolver;
    private final double defaultTimeLimitSeconds;

    private final int maxFleets;
    private final int maxAiOptions;

    public AllocationProblemAssembler(Catalog catalog, SolverKind defaultSolver, double defaultTimeLimitSeconds) {
        this(catalog, defaultSolver, defaultTimeLimitSeconds, 100, 50);
    }

    public AllocationProblemAssembler(Catalog catalog, SolverKind defaultSolver, double defaultTimeLimitSeconds, int maxFleets,
                                      int maxAiOptions) {
        this.catalog = catalog;
        this.defaultSolver = defaultSolver;
        this.defaultTimeLimitSeconds = defaultTimeLimitSeconds;
        this.maxFleets = maxFleets;
        this.maxAiOptions = maxAiOptions;
    }

    public AllocationProblem assemble(AllocationRequest req) {
        return assemble(req, new ArrayList<>());
    }

    /**
     * As {@link #assemble(AllocationRequest)}, and adds to {@code warnings} every valid value outside its plausible
     * range ({@link PlausibleRanges}) as "field: why, and the likely unit slip".
     */
    public AllocationProblem assemble(AllocationRequest req, List<String> warnings) {
        FieldChecks c = new FieldChecks();
        if (req == null) {
            c.error("", "a JSON request body is required");
            c.throwIfAny();
        }
        if (req.asicFleets() != null && req.asicFleets().size() > maxFleets) {
            c.error("asicFleets", "has " + req.asicFleets().size() + " fleets; at most " + maxFleets + " are allowed");
            c.throwIfAny();
        }
        if (req.aiOptions() != null && req.aiOptions().size() > maxAiOptions) {
            c.error("aiOptions", "has " + req.aiOptions().size() + " options; at most " + maxAiOptions + " are allowed");
            c.throwIfAny();
        }
        SiteSpec site = site(req, c);
        List<FleetSpec> fleets = fleets(req.asicFleets(), c);
        List<AiOptionSpec> options = aiOptions(req.aiOptions(), c);
        if ((req.asicFleets() == null || req.asicFleets().isEmpty()) && (req.aiOptions() == null || req.aiOptions().isEmpty())) {
            c.error("asicFleets", "give at least one ASIC fleet or one AI option: there is nothing to allocate");
        }
        uniqueNames(req, c);
        double[] prices = prices(req.market(), c);
        double[] hashprice = hashprice(req.market(), prices == null ? -1 : prices.length, !fleets.isEmpty() || hasFleets(req), c);
        PowerContract contract = powerContract(req.site() == null ? null : req.site().powerContract(), prices == null ? -1 : prices.length,
                site, fleets, c);
        FourCp fourCp = fourCp(req.site() == null ? null : req.site().fourCp(), prices == null ? -1 : prices.length,
                req.market() == null ? null : req.market().startUtc(), c);

        Ancillary ancillary = ancillary(req.site() == null ? null : req.site().ancillary(), prices == null ? -1 : prices.length, site,
                fleets, c);
        ForcedCurtailment forced = forcedCurtailment(req.site() == null ? null : req.site().forcedCurtailment(), prices, site, c);
        backupBelowGridCost(forced, prices, contract, fourCp, options, c);

        double r = DEFAULT_DISCOUNT_RATE;
        int n = DEFAULT_CAPEX_RECOVERY_YEARS;
        if (req.finance() != null) {
            r = c.optional("finance.discountRate", req.finance().discountRate(), DEFAULT_DISCOUNT_RATE, 0.0, 1.0, "");
            n = c.wholeNumber("finance.capexRecoveryYears", req.finance().capexRecoveryYears(), DEFAULT_CAPEX_RECOVERY_YEARS, 1, 50);
        }
        SolverKind solver = enumValue(c, "solver", req.solver(), SolverKind.class, defaultSolver);
        HourAggregation aggregation = enumValue(c, "hourAggregation", req.hourAggregation(), HourAggregation.class, HourAggregation.EXACT);
        double timeLimit = c.optional("timeLimitSeconds", req.timeLimitSeconds(), defaultTimeLimitSeconds, 0.001, defaultTimeLimitSeconds,
                "s (the server's limit)");
        c.throwIfAny();
        warnings.addAll(c.warnings());
        return new AllocationProblem(site, List.copyOf(fleets), List.copyOf(options), prices,
                hashprice == null ? new double[0] : hashprice, r, n, solver, aggregation, timeLimit, contract, fourCp, ancillary, forced);
    }

    /**
     * A warning when the AI load's backup power costs less than the grid in the forced hours (mean of price + expected 4CP
     * charge): the order then raises the AI's value, because the model lets the AI self-supply in the forced hours only (a site
     * with backup could do so in every scarcity hour, which the model does not offer).
     */
    static void backupBelowGridCost(ForcedCurtailment f, double[] prices, PowerContract contract, FourCp fourCp, List<AiOptionSpec> options,
                                    FieldChecks c) {
        if (prices == null || !f.active() || f.aiLoad() != ForcedCurtailment.AiLoad.BACKUP_POWER || options.isEmpty()) {
            return;
        }
        double sum = 0.0;
        int n = 0;
        for (int t = 0; t < prices.length; t++) {
            if (f.isForced(t)) {
                sum += contract.marginalPriceUsdPerMwh(prices[t]) + fourCp.usdPerMwh(t);
                n++;
            }
        }
        double mean = sum / n;
        if (f.backupPowerCostUsdPerMwh() < mean) {
            c.warn("site.forcedCurtailment.backupPowerCostUsdPerMwh", String.format(java.util.Locale.ROOT,
                    "%s USD/MWh is below the grid's mean cost in the %d forced hours (%s USD/MWh with the expected 4CP charge): the order "
                    + "raises the AI load's value, since the model lets it run on backup in the forced hours only, not in other "
                    + "scarcity hours", FieldChecks.fmt(f.backupPowerCostUsdPerMwh()), n, FieldChecks.fmt(mean)));
        }
    }

    /**
     * site.forcedCurtailment (SB 6): listed hours or an hour count placed at the highest prices (not both), a limit within
     * the interconnect, BACKUP_POWER with its cost or COUNTED. The order applies only to a large load: when
     * site.interconnectMw is below largeLoadThresholdMw it is dropped with a warning. {@code prices} null when invalid.
     */
    static ForcedCurtailment forcedCurtailment(AllocationRequest.ForcedCurtailmentInput in, double[] prices, SiteSpec site, FieldChecks c) {
        if (in == null) {
            return ForcedCurtailment.NONE;
        }
        String path = "site.forcedCurtailment";
        int before = c.errorCount();
        double interconnect = site == null ? Double.NaN : site.interconnectMw();
        double limit = c.optional(path + ".limitMw", in.limitMw(), 0.0, 0.0, FieldChecks.MAX_MW, "MW");
        if (Double.isFinite(interconnect) && limit > interconnect) {
            c.error(path + ".limitMw", "must be at most site.interconnectMw (" + FieldChecks.fmt(interconnect) + " MW; got "
                    + FieldChecks.fmt(limit) + "): a larger limit does not curtail anything");
        }
        double threshold = c.optional(path + ".largeLoadThresholdMw", in.largeLoadThresholdMw(), ForcedCurtailment.SB6_THRESHOLD_MW, 0.0,
                FieldChecks.MAX_MW, "MW");
        ForcedCurtailment.AiLoad ai = c.choice(path + ".aiLoad", in.aiLoad(), ForcedCurtailment.AiLoad.class,
                ForcedCurtailment.AiLoad.BACKUP_POWER);
        double backup = 0.0;
        if (ai == ForcedCurtailment.AiLoad.BACKUP_POWER) {
            if (in.backupPowerCostUsdPerMwh() == null) {
                c.error(path + ".backupPowerCostUsdPerMwh", "is required with aiLoad BACKUP_POWER (the AI load cannot stop and runs "
                        + "on backup power in forced hours); or set aiLoad COUNTED");
            } else {
                backup = c.required(path + ".backupPowerCostUsdPerMwh", in.backupPowerCostUsdPerMwh(), 0.0,
                        FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
            }
        } else if (in.backupPowerCostUsdPerMwh() != null) {
            c.error(path + ".backupPowerCostUsdPerMwh", "applies to aiLoad BACKUP_POWER only (aiLoad is COUNTED)");
        }
        if ((in.hours() == null) == (in.hourCount() == null)) {
            c.error(path, "give either hours (a list of hours of the horizon) or hourCount (hours placed at the highest prices), "
                    + "exactly one of them");
            return ForcedCurtailment.NONE;
        }
        if (prices == null) {
            return ForcedCurtailment.NONE;
        }
        int hours = prices.length;
        ForcedCurtailment.Placement placement;
        boolean[] forced = new boolean[hours];
        int count;
        if (in.hours() != null) {
            placement = ForcedCurtailment.Placement.LISTED;
            for (int k = 0; k < in.hours().size(); k++) {
                String hp = path + ".hours[" + k + "]";
                if (in.hours().get(k) == null) {
                    c.error(hp, "must be an hour of the horizon, not null");
                    continue;
                }
                int e = c.errorCount();
                int t = c.wholeNumber(hp, in.hours().get(k), 0, 0, hours - 1);
                if (c.errorCount() == e) {
                    if (forced[t]) {
                        c.error(hp, "lists hour " + t + " twice");
                    }
                    forced[t] = true;
                }
            }
            count = 0;
            for (boolean f : forced) {
                count += f ? 1 : 0;
            }
        } else {
            placement = ForcedCurtailment.Placement.HIGHEST_PRICE;
            count = c.wholeNumber(path + ".hourCount", in.hourCount(), 0, 0, hours);
            forced = ForcedCurtailment.highestPriceHours(prices, count);
        }
        if (c.errorCount() != before) {
            return ForcedCurtailment.NONE;
        }
        if (Double.isFinite(interconnect) && interconnect < threshold) {
            c.warn(path, "the order does not apply: site.interconnectMw (" + FieldChecks.fmt(interconnect) + " MW) is below "
                    + "largeLoadThresholdMw (" + FieldChecks.fmt(threshold) + " MW, SB 6 covers loads of 75 MW or more)");
            return ForcedCurtailment.NONE;
        }
        return new ForcedCurtailment(placement, count, forced, limit, ai, backup);
    }

    private static boolean hasFleets(AllocationRequest req) {
        return req.asicFleets() != null && !req.asicFleets().isEmpty();
    }

    /**
     * site.powerContract: INDEX when absent; FIXED_PRICE_BLOCKS with blocks inside the horizon whose minimum take the
     * fleets and the interconnect can meet; RETAIL with a rate. {@code hours} &lt; 0 when the prices were invalid.
     */
    static PowerContract powerContract(AllocationRequest.PowerContractInput in, int hours, SiteSpec site, List<FleetSpec> fleets,
                                       FieldChecks c) {
        if (in == null) {
            return PowerContract.INDEX;
        }
        String path = "site.powerContract";
        boolean hasBlocks = in.fixedPriceBlocks() != null && !in.fixedPriceBlocks().isEmpty();
        PowerContract.Kind inferred = hasBlocks ? PowerContract.Kind.FIXED_PRICE_BLOCKS
                : in.retail() != null ? PowerContract.Kind.RETAIL : PowerContract.Kind.INDEX;
        PowerContract.Kind kind = c.choice(path + ".type", in.type(), PowerContract.Kind.class, inferred);
        if (kind == null) {
            return PowerContract.INDEX;
        }
        if (kind != PowerContract.Kind.FIXED_PRICE_BLOCKS && hasBlocks) {
            c.error(path + ".fixedPriceBlocks", "is only allowed with type FIXED_PRICE_BLOCKS (type is " + kind + ")");
        }
        if (kind != PowerContract.Kind.RETAIL && in.retail() != null) {
            c.error(path + ".retail", "is only allowed with type RETAIL (type is " + kind + ")");
        }
        switch (kind) {
            case RETAIL -> {
                if (in.retail() == null) {
                    c.error(path + ".retail", "is required with type RETAIL");
                    return PowerContract.INDEX;
                }
                double rate = c.required(path + ".retail.rateUsdPerMwh", in.retail().rateUsdPerMwh(), -FieldChecks.MAX_PRICE_USD_PER_MWH,
                        FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
                double adder = c.optional(path + ".retail.adderUsdPerMwh", in.retail().adderUsdPerMwh(), 0.0,
                        -FieldChecks.MAX_PRICE_USD_PER_MWH, FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
                return new PowerContract(kind, List.of(), rate + adder);
            }
            case FIXED_PRICE_BLOCKS -> {
                if (!hasBlocks) {
                    c.error(path + ".fixedPriceBlocks", "give at least one block with type FIXED_PRICE_BLOCKS");
                    return PowerContract.INDEX;
                }
                List<PowerContract.FixedPriceBlock> blocks = new ArrayList<>();
                for (int k = 0; k < in.fixedPriceBlocks().size(); k++) {
                    String bp = path + ".fixedPriceBlocks[" + k + "]";
                    AllocationRequest.FixedPriceBlockInput b = in.fixedPriceBlocks().get(k);
                    if (b == null) {
                        c.error(bp, "must be an object, not null");
                        continue;
                    }
                    int before = c.errorCount();
                    double mw = c.required(bp + ".mw", b.mw(), 0.0, FieldChecks.MAX_MW, "MW");
                    double price = c.required(bp + ".priceUsdPerMwh", b.priceUsdPerMwh(), -FieldChecks.MAX_PRICE_USD_PER_MWH,
                            FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
                    int last = Math.max(hours, 1);
                    int from = c.wholeNumber(bp + ".fromHour", b.fromHour(), 0, 0, last - 1);
                    int to = c.wholeNumber(bp + ".toHour", b.toHour(), last, 1, last);
                    if (c.errorCount() == before && to <= from) {
                        c.error(bp + ".toHour", "must be after fromHour " + from + " (got " + to + ")");
                    }
                    double take = c.optional(bp + ".minimumTakeMw", b.minimumTakeMw(), 0.0, 0.0, FieldChecks.MAX_MW, "MW");
                    if (!Double.isNaN(take) && !Double.isNaN(mw) && take > mw) {
                        c.error(bp + ".minimumTakeMw", "must be at most the block's mw " + FieldChecks.fmt(mw) + " (got "
                                + FieldChecks.fmt(take) + ")");
                    }
                    if (c.errorCount() == before) {
                        blocks.add(new PowerContract.FixedPriceBlock(mw, price, from, to, take));
                    }
                }
                PowerContract contract = new PowerContract(kind, List.copyOf(blocks), 0.0);
                if (hours > 0 && site != null && contract.hasMinimumTake()) {
                    double fleetsMw = fleets.stream().mapToDouble(f -> f.pue() * f.capacityMw()).sum();
                    double can = Math.min(fleetsMw, site.interconnectMw());
                    for (int t = 0; t < hours; t++) {
                        if (contract.minimumTakeMw(t) > can + 1e-9) {
                            c.error(path + ".fixedPriceBlocks", "the minimum take of " + FieldChecks.fmt(contract.minimumTakeMw(t))
                                    + " MW in hour " + t + " is more than the fleets' site power can use (" + FieldChecks.fmt(can)
                                    + " MW: min of Σ pue × capacity " + FieldChecks.fmt(fleetsMw) + " and the interconnect "
                                    + FieldChecks.fmt(site.interconnectMw()) + ")");
                            break;
                        }
                    }
                }
                return contract;
            }
            default -> {
                return PowerContract.INDEX;
            }
        }
    }

    /** The most an ancillary price may be, USD per MW-h (ERCOT's offer cap is 5,000). */
    static final double MAX_ANCILLARY_PRICE_USD_PER_MW_H = 10_000.0;

    /**
     * site.ancillary (models/README.md, "Ancillary services"): services of known types, at most one each; hourly services
     * with a price per hour (or one flat price), ERS with contract periods (at most four a year, not overlapping); expected
     * deployments inside the horizon, no longer than the service allows, inside an ERS period, at most probability 1 in any hour.
     */
    static Ancillary ancillary(AllocationRequest.AncillaryInput in, int hours, SiteSpec site, List<FleetSpec> fleets, FieldChecks c) {
        if (in == null) {
            return Ancillary.NONE;
        }
        String path = "site.ancillary";
        double scale = c.optional(path + ".priceScale", in.priceScale(), 1.0, 0.0, 100.0, "");
        double minimum = c.optional(path + ".minimumRunningMw", in.minimumRunningMw(), 0.0, 0.0, FieldChecks.MAX_MW, "MW");
        if (in.services() == null || in.services().isEmpty()) {
            c.error(path + ".services", "give at least one service (ERS_10, ERS_30, NSPIN or ECRS)");
            return Ancillary.NONE;
        }
        if (fleets.isEmpty()) {
            c.error(path, "ancillary services are offered by curtailing ASIC fleets; give asicFleets");
            return Ancillary.NONE;
        }
        if (site != null && Double.isFinite(minimum)) {
            double most = 0.0;
            for (FleetSpec f : fleets) {
                most += f.pue() * f.capacityMw();
            }
            most = Math.min(most, site.interconnectMw());
            if (minimum >= most) {
                c.error(path + ".minimumRunningMw", "must be below the most site power the fleets can draw, " + FieldChecks.fmt(most)
                        + " MW (got " + FieldChecks.fmt(minimum) + ")");
            }
        }
        if (hours <= 0) {
            return Ancillary.NONE;
        }
        int last = hours;
        List<Ancillary.Service> services = new ArrayList<>();
        java.util.Set<Ancillary.Type> seen = java.util.EnumSet.noneOf(Ancillary.Type.class);
        for (int k = 0; k < in.services().size(); k++) {
            String sp = path + ".services[" + k + "]";
            AllocationRequest.AncillaryServiceInput si = in.services().get(k);
            if (si == null) {
                c.error(sp, "must be an object, not null");
                continue;
            }
            if (si.type() == null) {
                c.error(sp + ".type", "is required: ERS_10, ERS_30, NSPIN or ECRS");
                continue;
            }
            Ancillary.Type type = c.choice(sp + ".type", si.type(), Ancillary.Type.class, null);
            if (type == null) {
                continue;
            }
            if (!seen.add(type)) {
                c.error(sp + ".type", type + " is given twice");
                continue;
            }
            int before = c.errorCount();
            double[] prices = null;
            List<Ancillary.Period> periods = new ArrayList<>();
            if (type.ers()) {
                if (si.pricesUsdPerMwHour() != null || si.priceUsdPerMwHour() != null) {
                    c.error(sp + ".pricesUsdPerMwHour", "ERS is paid per contract period: give periods, not hourly prices");
                }
                if (si.periods() == null || si.periods().isEmpty()) {
                    c.error(sp + ".periods", "give the ERS contract periods (fromHour, toHour, priceUsdPerMwHour)");
                } else {
                    int allowed = 4 * (int) Math.ceil(hours / AllocationProblem.HOURS_PER_YEAR);
                    if (si.periods().size() > allowed) {
                        c.error(sp + ".periods", "ERS has four contract periods a year: at most " + allowed + " over " + hours
                                + " hours (got " + si.periods().size() + ")");
                    }
                    for (int q = 0; q < si.periods().size(); q++) {
                        String pp = sp + ".periods[" + q + "]";
                        AllocationRequest.ErsPeriodInput pi = si.periods().get(q);
                        if (pi == null) {
                            c.error(pp, "must be an object, not null");
                            continue;
                        }
                        int b0 = c.errorCount();
                        if (pi.fromHour() == null) {
                            c.error(pp + ".fromHour", "is required");
                        }
                        if (pi.toHour() == null) {
                            c.error(pp + ".toHour", "is required");
                        }
                        int from = c.wholeNumber(pp + ".fromHour", pi.fromHour(), 0, 0, last - 1);
                        int to = c.wholeNumber(pp + ".toHour", pi.toHour(), last, 1, last);
                        double price = c.required(pp + ".priceUsdPerMwHour", pi.priceUsdPerMwHour(), 0.0, MAX_ANCILLARY_PRICE_USD_PER_MW_H, "USD/MW-h");
                        if (c.errorCount() == b0 && to <= from) {
                            c.error(pp + ".toHour", "must be after fromHour " + from + " (got " + to + ")");
                        }
                        if (c.errorCount() == b0) {
                            for (Ancillary.Period other : periods) {
                                if (from < other.toHour() && other.fromHour() < to) {
                                    c.error(pp, "overlaps the period [" + other.fromHour() + ", " + other.toHour() + ")");
                                }
                            }
                            periods.add(new Ancillary.Period(from, to, price));
                        }
                    }
                }
            } else {
                if (si.periods() != null) {
                    c.error(sp + ".periods", "only ERS has contract periods; " + type + " is paid each hour's clearing price");
                }
                if (si.pricesUsdPerMwHour() != null && si.priceUsdPerMwHour() != null) {
                    c.error(sp + ".priceUsdPerMwHour", "give pricesUsdPerMwHour or priceUsdPerMwHour, not both");
                } else if (si.pricesUsdPerMwHour() != null) {
                    if (si.pricesUsdPerMwHour().size() != hours) {
                        c.error(sp + ".pricesUsdPerMwHour", "must have one price per hour of the horizon, " + hours + " (got "
                                + si.pricesUsdPerMwHour().size() + ")");
                    } else {
                        prices = new double[hours];
                        for (int t = 0; t < hours; t++) {
                            prices[t] = c.required(sp + ".pricesUsdPerMwHour[" + t + "]", si.pricesUsdPerMwHour().get(t), 0.0,
                                    MAX_ANCILLARY_PRICE_USD_PER_MW_H, "USD/MW-h");
                        }
                    }
                } else if (si.priceUsdPerMwHour() != null) {
                    prices = new double[hours];
                    java.util.Arrays.fill(prices, c.required(sp + ".priceUsdPerMwHour", si.priceUsdPerMwHour(), 0.0,
                            MAX_ANCILLARY_PRICE_USD_PER_MW_H, "USD/MW-h"));
                } else {
                    c.error(sp + ".pricesUsdPerMwHour", "give the clearing prices (pricesUsdPerMwHour, or priceUsdPerMwHour for every hour)");
                }
            }
            List<Ancillary.Deployment> deployments = new ArrayList<>();
            double[] share = new double[hours];
            if (si.deployments() != null) {
                for (int q = 0; q < si.deployments().size(); q++) {
                    String dp = sp + ".deployments[" + q + "]";
                    AllocationRequest.DeploymentInput di = si.deployments().get(q);
                    if (di == null) {
                        c.error(dp, "must be an object, not null");
                        continue;
                    }
                    int b0 = c.errorCount();
                    if (di.fromHour() == null) {
                        c.error(dp + ".fromHour", "is required");
                    }
                    int from = c.wholeNumber(dp + ".fromHour", di.fromHour(), 0, 0, last - 1);
                    int to = c.wholeNumber(dp + ".toHour", di.toHour(), from + 1, 1, last);
                    double prob = c.optional(dp + ".probability", di.probability(), 1.0, 0.0, 1.0, "");
                    if (c.errorCount() != b0) {
                        continue;
                    }
                    if (to <= from) {
                        c.error(dp + ".toHour", "must be after fromHour " + from + " (got " + to + ")");
                        continue;
                    }
                    if (type.maxDeploymentHours() > 0 && to - from > type.maxDeploymentHours()) {
                        c.error(dp, type + " is deployed for at most " + type.maxDeploymentHours() + " hours (got " + (to - from) + ")");
                        continue;
                    }
                    if (type.ers()) {
                        boolean inside = periods.stream().anyMatch(pq -> pq.fromHour() <= from && to <= pq.toHour());
                        if (!inside) {
                            c.error(dp, "an ERS deployment must lie inside one of its contract periods");
                            continue;
                        }
                    }
                    for (int t = from; t < to; t++) {
                        share[t] += prob;
                        if (share[t] > 1.0 + 1e-12) {
                            c.error(dp + ".probability", "the deployments of " + type + " add up to more than 1 in hour " + t);
                            break;
                        }
                    }
                    deployments.add(new Ancillary.Deployment(from, to, prob));
                }
            }
            if (c.errorCount() == before) {
                services.add(new Ancillary.Service(type, prices, List.copyOf(periods), List.copyOf(deployments)));
            }
        }
        return new Ancillary(minimum, scale, List.copyOf(services));
    }

    /**
     * site.fourCp: a rate, 4 or 12 peaks, and either listed hour probabilities or, absent, those derived from the shipped
     * ERCOT 4CP history over the horizon starting at market.startUtc.
     */
    static FourCp fourCp(AllocationRequest.FourCpInput in, int hours, String startUtc, FieldChecks c) {
        if (in == null) {
            return FourCp.NONE;
        }
        String path = "site.fourCp";
        double rate = c.required(path + ".transmissionRateUsdPerMwYear", in.transmissionRateUsdPerMwYear(), 0.0, 1e7, "USD/MW-year");
        int peaks = c.wholeNumber(path + ".peaks", in.peaks(), 4, 1, 12);
        if (in.peaks() != null && peaks != 4 && peaks != 12) {
            c.error(path + ".peaks", "must be 4 (June–September) or 12 (every month) (got " + peaks + ")");
        }
        if (hours <= 0) {
            return FourCp.NONE;
        }
        double[] p = new double[hours];
        if (in.intervalProbabilities() != null) {
            for (int k = 0; k < in.intervalProbabilities().size(); k++) {
                String ip = path + ".intervalProbabilities[" + k + "]";
                AllocationRequest.PeakProbabilityInput e = in.intervalProbabilities().get(k);
                if (e == null) {
                    c.error(ip, "must be an object, not null");
                    continue;
                }
                int before = c.errorCount();
                if (e.hour() == null) {
                    c.error(ip + ".hour", "is required");
                }
                int hour = c.wholeNumber(ip + ".hour", e.hour(), 0, 0, hours - 1);
                double prob = c.required(ip + ".probability", e.probability(), 0.0, 1.0, "");
                if (c.errorCount() == before) {
                    p[hour] += prob;
                }
            }
        } else {
            if (startUtc == null) {
                c.error(path + ".intervalProbabilities", "give them, or give market.startUtc (or a price series) so that they can be "
                        + "derived from the ERCOT 4CP history");
                return FourCp.NONE;
            }
            java.time.Instant start;
            try {
                start = startUtc.length() == 10 ? java.time.LocalDate.parse(startUtc).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                        : java.time.Instant.parse(startUtc);
            } catch (java.time.format.DateTimeParseException e) {
                c.error("market.startUtc", "must be an ISO 8601 instant such as 2024-01-01T06:00:00Z (got '" + startUtc + "')");
                return FourCp.NONE;
            }
            return FourCp.fromHistory(rate, peaks, start, hours);
        }
        return new FourCp(rate, peaks, p);
    }

    private static SiteSpec site(AllocationRequest req, FieldChecks c) {
        var s = req.site();
        if (s == null) {
            c.error("site", "is required");
            return null;
        }
        String name = s.name() == null || s.name().isBlank() ? "site" : s.name().trim();
        double interconnect = c.required("site.interconnectMw", s.interconnectMw(), 0.0, FieldChecks.MAX_MW, "MW");
        double maxAi = c.optional("site.maxAiItMw", s.maxAiItMw(), Double.POSITIVE_INFINITY, 0.0, FieldChecks.MAX_MW, "MW");
        double minAi = c.optional("site.minAiItMw", s.minAiItMw(), 0.0, 0.0, FieldChecks.MAX_MW, "MW");
        double budget = c.optional("site.capexBudgetUsd", s.capexBudgetUsd(), Double.POSITIVE_INFINITY, 0.0, 1e13, "USD");
        return new SiteSpec(name, interconnect, maxAi, minAi, budget);
    }

    /** Resolves and validates fleets (paths {@code asicFleets[i].…}); reused by the plan assembler. */
    public List<FleetSpec> fleets(List<AsicFleetInput> inputs, FieldChecks c) {
        List<FleetSpec> out = new ArrayList<>();
        if (inputs == null) {
            return out;
        }
        for (int i = 0; i < inputs.size(); i++) {
            String p = "asicFleets[" + i + "]";
            AsicFleetInput f = inputs.get(i);
            if (f == null) {
                c.error(p, "must be an object, not null");
                continue;
            }
            int before = c.errorCount();
            AsicModel model = null;
            if (f.model() != null) {
                model = catalog.asicModel(f.model()).orElse(null);
                if (model == null) {
                    c.error(p + ".model", "unknown ASIC model '" + f.model() + "'; see GET /api/v1/catalog/asic-models");
                }
            }
            String name = name(p, f.name(), model == null ? null : model.name(), c);
            double units = c.required(p + ".units", f.units(), 0.0, 1e8, "machines");
            Double th = f.hashrateThPerUnit() != null ? f.hashrateThPerUnit() : model == null ? null : model.hashrateThPerUnit();
            Double w = f.powerWPerUnit() != null ? f.powerWPerUnit() : model == null ? null : model.powerWPerUnit();
            double hashrate = model == null && f.model() != null && th == null ? Double.NaN
                    : c.required(p + ".hashrateThPerUnit", th, 1e-6, 1e6, "TH/s");
            double power = model == null && f.model() != null && w == null ? Double.NaN
                    : c.required(p + ".powerWPerUnit", w, 1e-6, 1e6, "W");
            if (hashrate == 0.0) {
                c.error(p + ".hashrateThPerUnit", "must be positive");
            }
            double pue = c.optional(p + ".pue", f.pue(), 1.0, 1.0, 3.0, "");
            double fee = c.optional(p + ".poolFeeFraction", f.poolFeeFraction(), 0.0, 0.0, 0.99, "");
            double varOpex = c.optional(p + ".variableOpexUsdPerMwh", f.variableOpexUsdPerMwh(), 0.0, 0.0, FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
            double fixedOpex = c.optional(p + ".fixedOpexUsdPerMwYear", f.fixedOpexUsdPerMwYear(), 0.0, 0.0, 1e10, "USD/MW-year");
            if (c.errorCount() == before) {
                plausibleJPerTh(p, f.hashrateThPerUnit() != null, f.powerWPerUnit() != null, hashrate, power, c);
                c.plausible(p + ".pue", PlausibleRanges.PUE, f.pue());
                double capMw = units * power / 1e6;
                if (capMw > FieldChecks.MAX_MW) {
                    c.error(p + ".units", "units × powerWPerUnit = " + FieldChecks.fmt(capMw) + " MW is over the " + FieldChecks.fmt(FieldChecks.MAX_MW) + " MW limit; check the unit of powerWPerUnit (W per machine)");
                    continue;
                }
                out.add(new FleetSpec(name, model == null ? null : model.name(), units, hashrate, power, pue, fee, varOpex, fixedOpex));
            }
        }
        return out;
    }

    /** Resolves and validates AI options (paths {@code aiOptions[j].…}); reused by the plan assembler. */
    public List<AiOptionSpec> aiOptions(List<AiOptionInput> inputs, FieldChecks c) {
        List<AiOptionSpec> out = new ArrayList<>();
        if (inputs == null) {
            return out;
        }
        for (int j = 0; j < inputs.size(); j++) {
            String p = "aiOptions[" + j + "]";
            AiOptionInput o = inputs.get(j);
            if (o == null) {
                c.error(p, "must be an object, not null");
                continue;
            }
            int before = c.errorCount();
            AiOffering off = null;
            if (o.offering() != null) {
                off = catalog.aiOffering(o.offering()).orElse(null);
                if (off == null) {
                    c.error(p + ".offering", "unknown AI offering '" + o.offering() + "'; see GET /api/v1/catalog/ai-offerings");
                }
            }
            String name = name(p, o.name(), off == null ? null : off.name(), c);
            // The request's own revenue basis replaces the catalog's; two bases in the request are an error.
            boolean reqFlat = o.revenueUsdPerMwh() != null;
            boolean reqLease = o.kwPerGpu() != null || o.leaseUsdPerGpuHour() != null || o.utilization() != null;
            boolean reqColo = o.colocationUsdPerKwMonth() != null;
            int bases = (reqFlat ? 1 : 0) + (reqLease ? 1 : 0) + (reqColo ? 1 : 0);
            if (bases > 1) {
                c.error(p, "give exactly one revenue basis: revenueUsdPerMwh, or kwPerGpu with leaseUsdPerGpuHour (and utilization), or colocationUsdPerKwMonth; got "
                        + String.join(" and ", basesGiven(reqFlat, reqLease, reqColo)));
                continue;
            }
            RevenueBasis basis;
            double revenue = Double.NaN;
            if (reqFlat) {
                basis = RevenueBasis.FLAT_PER_MWH;
                revenue = c.required(p + ".revenueUsdPerMwh", o.revenueUsdPerMwh(), 0.0, FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
            } else if (reqColo || (!reqLease && off != null && off.colocationUsdPerKwMonth() != null)) {
                basis = RevenueBasis.COLOCATION;
                Double colo = reqColo ? o.colocationUsdPerKwMonth() : off.colocationUsdPerKwMonth();
                double perKwMonth = c.required(p + ".colocationUsdPerKwMonth", colo, 0.0, 1e5, "USD/kW-month");
                revenue = perKwMonth * 1000.0 * 12.0 / 8760.0;
                if (reqColo) {
                    c.plausible(p + ".colocationUsdPerKwMonth", PlausibleRanges.COLOCATION_USD_PER_KW_MONTH, colo);
                }
            } else if (reqLease || (off != null && off.leaseUsdPerGpuHour() != null)) {
                basis = RevenueBasis.GPU_LEASE;
                Double kw = o.kwPerGpu() != null ? o.kwPerGpu() : off == null ? null : off.kwPerGpu();
                Double lease = o.leaseUsdPerGpuHour() != null ? o.leaseUsdPerGpuHour() : off == null ? null : off.leaseUsdPerGpuHour();
                double kwPerGpu = c.required(p + ".kwPerGpu", kw, 0.01, 100.0, "kW");
                double leaseRate = c.required(p + ".leaseUsdPerGpuHour", lease, 0.0, 1e4, "USD/GPU-h");
                double util = c.optional(p + ".utilization", o.utilization(), 1.0, 0.0, 1.0, "");
                revenue = 1000.0 / kwPerGpu * leaseRate * util;
                if (o.leaseUsdPerGpuHour() != null) {
                    c.plausible(p + ".leaseUsdPerGpuHour", PlausibleRanges.GPU_LEASE_USD_PER_GPU_HOUR, lease);
                }
            } else {
                if (off == null && o.offering() == null) {
                    c.error(p, "has no revenue: give revenueUsdPerMwh, or kwPerGpu with leaseUsdPerGpuHour, or colocationUsdPerKwMonth, or an offering from the catalog");
                }
                continue;
            }
            // tenantPaysPower comes from the catalog only when the option keeps the catalog's revenue basis.
            Boolean tenantPays = o.tenantPaysPower() != null ? o.tenantPaysPower()
                    : off != null && basisOf(off) == basis ? off.tenantPaysPower() : null;
            double pue = c.optional(p + ".pue", o.pue() != null ? o.pue() : off == null ? null : off.pue(), 1.0, 1.0, 3.0, "");
            double maxIt = c.optional(p + ".maxItMw", o.maxItMw(), Double.POSITIVE_INFINITY, 0.0, FieldChecks.MAX_MW, "MW");
            double capex = c.optional(p + ".capexUsdPerMw", o.capexUsdPerMw() != null ? o.capexUsdPerMw() : off == null ? null : off.capexUsdPerMw(),
                    0.0, 0.0, 1e10, "USD/MW");
            double varOpex = c.optional(p + ".variableOpexUsdPerMwh", o.variableOpexUsdPerMwh(), 0.0, 0.0, FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
            double fixedOpex = c.optional(p + ".fixedOpexUsdPerMwYear", o.fixedOpexUsdPerMwYear(), 0.0, 0.0, 1e10, "USD/MW-year");
            if (c.errorCount() == before) {
                c.plausible(p + ".pue", PlausibleRanges.PUE, o.pue());
                out.add(new AiOptionSpec(name, off == null ? null : off.name(), basis, revenue, Boolean.TRUE.equals(tenantPays), pue, maxIt,
                        capex, varOpex, fixedOpex));
            }
        }
        return out;
    }

    private static RevenueBasis basisOf(AiOffering off) {
        if (off.colocationUsdPerKwMonth() != null) {
            return RevenueBasis.COLOCATION;
        }
        return off.leaseUsdPerGpuHour() != null ? RevenueBasis.GPU_LEASE : RevenueBasis.FLAT_PER_MWH;
    }

    private static List<String> basesGiven(boolean flat, boolean lease, boolean colo) {
        List<String> out = new ArrayList<>();
        if (flat) {
            out.add("revenueUsdPerMwh");
        }
        if (lease) {
            out.add("kwPerGpu/leaseUsdPerGpuHour");
        }
        if (colo) {
            out.add("colocationUsdPerKwMonth");
        }
        return out;
    }

    private static String name(String path, String given, String catalogName, FieldChecks c) {
        if (given != null && !given.isBlank()) {
            if (given.length() > 100) {
                c.error(path + ".name", "must be at most 100 characters");
            }
            return given.trim();
        }
        if (catalogName != null) {
            return catalogName;
        }
        c.error(path + ".name", "is required");
        return path;
    }

    /** Fleet and option names by the one rule of {@link UniqueNames} (the plan's assembler applies it too). */
    private static void uniqueNames(AllocationRequest req, FieldChecks c) {
        UniqueNames names = new UniqueNames(c);
        if (req.asicFleets() != null) {
            for (int i = 0; i < req.asicFleets().size(); i++) {
                AsicFleetInput f = req.asicFleets().get(i);
                names.fleet(f == null ? null : f.name() != null ? f.name() : f.model(), "asicFleets[" + i + "].name");
            }
        }
        if (req.aiOptions() != null) {
            for (int j = 0; j < req.aiOptions().size(); j++) {
                AiOptionInput o = req.aiOptions().get(j);
                names.aiOption(o == null ? null : o.name() != null ? o.name() : o.offering(), "aiOptions[" + j + "].name");
            }
        }
    }

    private static double[] prices(MarketInput m, FieldChecks c) {
        if (m == null) {
            c.error("market", "is required");
            return null;
        }
        boolean series = m.energyPricesUsdPerMwh() != null;
        boolean flat = m.energyPriceUsdPerMwh() != null;
        if (series && flat) {
            c.error("market.energyPriceUsdPerMwh", "give either energyPricesUsdPerMwh (one price per hour) or a flat energyPriceUsdPerMwh with hours, not both");
            return null;
        }
        if (series) {
            if (m.hours() != null) {
                c.error("market.hours", "hours goes with a flat energyPriceUsdPerMwh; with energyPricesUsdPerMwh the horizon is its length");
            }
            List<Double> in = m.energyPricesUsdPerMwh();
            if (in.isEmpty()) {
                c.error("market.energyPricesUsdPerMwh", "must hold at least one hourly price");
                return null;
            }
            if (in.size() > MAX_HOURS) {
                c.error("market.energyPricesUsdPerMwh", "has " + in.size() + " hours; the horizon is at most 10 years (" + MAX_HOURS + " hours)");
                return null;
            }
            double[] out = new double[in.size()];
            int bad = 0;
            for (int t = 0; t < out.length; t++) {
                Double v = in.get(t);
                String p = "market.energyPricesUsdPerMwh[" + t + "]";
                if (v == null) {
                    if (bad++ < 20) {
                        c.error(p, "is missing (null)");
                    }
                    continue;
                }
                int before = c.errorCount();
                double d = bad < 20 ? c.range(p, v, -FieldChecks.MAX_PRICE_USD_PER_MWH, FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh")
                        : (Double.isFinite(v) && Math.abs(v) <= FieldChecks.MAX_PRICE_USD_PER_MWH ? v : Double.NaN);
                if (c.errorCount() > before || Double.isNaN(d)) {
                    bad++;
                }
                out[t] = d;
            }
            if (bad > 20) {
                c.error("market.energyPricesUsdPerMwh", bad + " values are invalid in all; the first 20 are listed");
            }
            if (bad == 0) {
                plausiblePrices("market.energyPricesUsdPerMwh", out, c);
            }
            return out;
        }
        if (flat) {
            double price = c.range("market.energyPriceUsdPerMwh", m.energyPriceUsdPerMwh(), -FieldChecks.MAX_PRICE_USD_PER_MWH,
                    FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
            if (m.hours() == null) {
                c.error("market.hours", "is required with a flat energyPriceUsdPerMwh");
                return null;
            }
            if (!Double.isNaN(price)) {
                c.warn("market.energyPriceUsdPerMwh", PlausibleRanges.warning(PlausibleRanges.ENERGY_PRICE_USD_PER_MWH, Math.abs(price),
                        FieldChecks.fmt(price) + " USD/MWh"));
                c.plausible("market.energyPriceUsdPerMwh", PlausibleRanges.HOURLY_ENERGY_PRICE_USD_PER_MWH, price);
            }
            int hours = c.wholeNumber("market.hours", m.hours(), -1, 1, MAX_HOURS);
            if (hours < 1) {
                return null;
            }
            double[] out = new double[hours];
            java.util.Arrays.fill(out, price);
            return out;
        }
        c.error("market.energyPricesUsdPerMwh", "is required: one price per hour, or a flat energyPriceUsdPerMwh with hours");
        return null;
    }

    private static double[] hashprice(MarketInput m, int hours, boolean needed, FieldChecks c) {
        String p = "market.hashpriceUsdPerPhDay";
        JsonNode h = m == null ? null : m.hashpriceUsdPerPhDay();
        if (h == null || h.isNull() || h.isMissingNode()) {
            if (needed && m != null) {
                c.error(p, "is required when the site has ASIC fleets");
            }
            return null;
        }
        if (h.isNumber()) {
            double v = c.range(p, h.asDouble(), 0.0, 1e6, "USD/PH/day");
            if (!Double.isNaN(v)) {
                c.plausible(p, PlausibleRanges.HASHPRICE_USD_PER_PH_DAY, v);
            }
            if (hours < 1 || Double.isNaN(v)) {
                return null;
            }
            double[] out = new double[hours];
            java.util.Arrays.fill(out, v);
            return out;
        }
        if (!h.isArray()) {
            c.error(p, "must be a number or an array of numbers (USD per PH/s per day)");
            return null;
        }
        int n = h.size();
        double[] values = new double[n];
        int bad = 0;
        for (int k = 0; k < n; k++) {
            JsonNode e = h.get(k);
            if (!e.isNumber()) {
                if (bad++ < 20) {
                    c.error(p + "[" + k + "]", e.isNull() ? "is missing (null)" : "must be a number");
                }
                continue;
            }
            int before = c.errorCount();
            values[k] = c.range(p + "[" + k + "]", e.asDouble(), 0.0, 1e6, "USD/PH/day");
            if (c.errorCount() > before) {
                bad++;
            }
        }
        if (bad == 0 && n > 0) {
            double sum = 0.0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / n;
            c.warn(p, PlausibleRanges.warning(PlausibleRanges.HASHPRICE_USD_PER_PH_DAY, mean,
                    "the mean of its " + n + " values, " + FieldChecks.fmt(mean) + " USD/PH/day,"));
        }
        if (hours < 1) {
            return null;
        }
        int days = (hours + 23) / 24;
        if (n == hours) {
            return values;
        }
        if (n == days) {
            double[] out = new double[hours];
            for (int t = 0; t < hours; t++) {
                out[t] = values[t / 24];
            }
            return out;
        }
        c.error(p, "has " + n + " values; with a horizon of " + hours + " hours give one number, " + hours + " hourly values or " + days + " daily values");
        return null;
    }

    /** Warns when a fleet's J/TH, from the figures the request gives, is outside its plausible range. */
    private static void plausibleJPerTh(String p, boolean hashrateGiven, boolean powerGiven, double hashrate, double power, FieldChecks c) {
        if (!hashrateGiven && !powerGiven) {
            return; // the catalog's figures
        }
        double jPerTh = power / hashrate;
        c.warn(p + (hashrateGiven ? ".hashrateThPerUnit" : ".powerWPerUnit"), PlausibleRanges.warning(PlausibleRanges.J_PER_TH, jPerTh,
                "powerWPerUnit / hashrateThPerUnit = " + FieldChecks.fmt(power) + " W / " + FieldChecks.fmt(hashrate) + " TH/s = "
                        + FieldChecks.fmt(jPerTh) + " J/TH"));
    }

    /**
     * Warns when the mean |price| of an hourly series is outside the plausible level (a series in USD/kWh), and when
     * hours lie outside the plausible hourly range.
     */
    public static void plausiblePrices(String field, double[] prices, FieldChecks c) {
        if (prices.length == 0) {
            return;
        }
        double sumAbs = 0.0;
        int outside = 0;
        int first = -1;
        for (int t = 0; t < prices.length; t++) {
            sumAbs += Math.abs(prices[t]);
            if (!PlausibleRanges.HOURLY_ENERGY_PRICE_USD_PER_MWH.contains(prices[t])) {
                outside++;
                first = first < 0 ? t : first;
            }
        }
        double meanAbs = sumAbs / prices.length;
        c.warn(field, PlausibleRanges.warning(PlausibleRanges.ENERGY_PRICE_USD_PER_MWH, meanAbs,
                "the mean |price| of its " + prices.length + " hours, " + FieldChecks.fmt(meanAbs) + " USD/MWh,"));
        if (outside > 0) {
            c.warn(field + "[" + first + "]", String.format(java.util.Locale.ROOT,
                    "%,d of %,d hours lie outside the plausible hourly range %s … %s USD/MWh (%s), the first %s USD/MWh; check the unit. "
                            + "The answer uses the values as given.",
                    outside, prices.length, FieldChecks.fmt(PlausibleRanges.HOURLY_ENERGY_PRICE_USD_PER_MWH.min()),
                    FieldChecks.fmt(PlausibleRanges.HOURLY_ENERGY_PRICE_USD_PER_MWH.max()), PlausibleRanges.HOURLY_ENERGY_PRICE_USD_PER_MWH.source(),
                    FieldChecks.fmt(prices[first])));
        }
    }

    private static <E extends Enum<E>> E enumValue(FieldChecks c, String field, String v, Class<E> type, E fallback) {
        if (v == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        c.error(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + " (got '" + v + "')");
        return fallback;
    }
}
