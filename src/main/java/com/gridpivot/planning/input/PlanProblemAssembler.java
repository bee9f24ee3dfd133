package com.gridpivot.planning.input;

import com.gridpivot.catalog.AiOffering;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.economics.Formulas;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.marketdata.BtcPricePath;
import com.gridpivot.marketdata.HashpriceEngine;
import com.gridpivot.marketdata.HashpriceProjection;
import com.gridpivot.marketdata.SeriesPoint;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest.AiOptionInput;
import com.gridpivot.optimization.input.AllocationRequest.AsicFleetInput;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.optimization.input.PlausibleRanges;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.input.UniqueNames;
import com.gridpivot.planning.input.PlanProblem.CapexTiming;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.input.PlanProblem.AiContract;
import com.gridpivot.planning.input.PlanProblem.EndOfLife;
import com.gridpivot.planning.input.PlanProblem.GpuLife;
import com.gridpivot.planning.input.PlanProblem.TerminalMethod;
import com.gridpivot.planning.input.PlanProblem.TerminalValue;
import com.gridpivot.planning.input.PlanRequest.PlanAiOptionInput;
import com.gridpivot.planning.input.ScenarioBody.AiOptionAssumption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a {@link PlanRequest} (with its scenario resolved) and turns it into a {@link PlanProblem}. Every invalid
 * field is listed by its JSON path in one {@link InvalidRequestException}.
 */
public final class PlanProblemAssembler {
    public static final int MAX_MONTHS = 120;
    public static final int DEFAULT_MONTHS = 60;
    public static final double DEFAULT_DISCOUNT_RATE = 0.10;

    private final Catalog catalog;
    private final AllocationProblemAssembler allocation;
    private final SolverKind defaultSolver;
    private final double maxTimeLimitSeconds;

    public PlanProblemAssembler(Catalog catalog, SolverKind defaultSolver, double maxTimeLimitSeconds) {
        this.catalog = catalog;
        this.allocation = new AllocationProblemAssembler(catalog, defaultSolver, maxTimeLimitSeconds);
        this.defaultSolver = defaultSolver;
        this.maxTimeLimitSeconds = maxTimeLimitSeconds;
    }

    /** @param scenario the scenario to use (inline or stored; its fields are reported under {@code scenario.…}) */
    public PlanProblem assemble(PlanRequest req, ScenarioBody scenario, EnergySource energy) {
        return assemble(req, scenario, energy, new ArrayList<>());
    }

    /**
     * As {@link #assemble(PlanRequest, ScenarioBody, EnergySource)}, and adds to {@code warnings} every valid input outside
     * its plausible range ({@link com.gridpivot.optimization.input.PlausibleRanges}) as "field: why, and the likely unit slip".
     */
    public PlanProblem assemble(PlanRequest req, ScenarioBody scenario, EnergySource energy, List<String> warnings) {
        FieldChecks c = new FieldChecks();
        if (req == null) {
            c.error("", "a JSON request body is required");
            c.throwIfAny();
        }
        if (scenario == null) {
            c.error("scenario", "give a stored scenario (scenarioId) or an inline scenario");
        }
        // ---- horizon
        YearMonth start = month(c, "startMonth", req.startMonth(), true);
        int months = c.wholeNumber("months", req.months(), DEFAULT_MONTHS, 1, MAX_MONTHS);
        if (req.months() != null && req.months() > MAX_MONTHS && Double.isFinite(req.months())) {
            c.error("months", "the horizon is at most 10 years (120 months)");
        }
        // ---- site
        double interconnect = Double.NaN;
        double maxAi = Double.POSITIVE_INFINITY;
        double minAi = 0.0;
        int minAiFrom = 0;
        double maxConv = Double.POSITIVE_INFINITY;
        if (req.site() == null) {
            c.error("site", "is required");
        } else {
            var s = req.site();
            interconnect = c.required("site.interconnectMw", s.interconnectMw(), 0.0, FieldChecks.MAX_MW, "MW");
            maxAi = c.optional("site.maxAiItMw", s.maxAiItMw(), Double.POSITIVE_INFINITY, 0.0, FieldChecks.MAX_MW, "MW");
            minAi = c.optional("site.minAiItMw", s.minAiItMw(), 0.0, 0.0, FieldChecks.MAX_MW, "MW");
            maxConv = c.optional("site.maxConversionMwPerMonth", s.maxConversionMwPerMonth(), Double.POSITIVE_INFINITY, 0.0,
                    FieldChecks.MAX_MW, "MW/month");
            YearMonth from = month(c, "site.minAiFromMonth", s.minAiFromMonth(), false);
            if (from != null && start != null) {
                long idx = ChronoUnit.MONTHS.between(start, from);
                if (idx < 0 || idx >= months) {
                    c.error("site.minAiFromMonth", "must be inside the horizon " + start + " … " + start.plusMonths(months - 1));
                } else {
                    minAiFrom = (int) idx;
                }
            }
        }
        // ---- fleets and options (resolved as in the allocation engine, same JSON paths)
        List<FleetSpec> fleetSpecs = allocation.fleets(req.asicFleets(), c);
        Map<String, AiOptionAssumption> overrides = scenario != null && scenario.ai() != null && scenario.ai().options() != null
                ? scenario.ai().options() : Map.of();
        List<PlanAiOptionInput> optionInputs = req.aiOptions() == null ? List.of() : req.aiOptions();
        List<AiOptionInput> converted = new ArrayList<>();
        Map<String, String> overridden = new HashMap<>();
        for (int j = 0; j < optionInputs.size(); j++) {
            PlanAiOptionInput o = optionInputs.get(j);
            String clean = o == null || o.name() == null ? null : UniqueNames.clean(o.name());
            AiOptionAssumption ov = clean == null ? null : overrides.get(clean);
            converted.add(o == null ? null : withOverrides(o, ov, "scenario.ai.options." + clean, c));
            if (ov != null) {
                // a rate the scenario replaces is warned about under the scenario's path
                String from = "aiOptions[" + j + "].";
                String to = "scenario.ai.options." + clean + ".";
                if (ov.leaseUsdPerGpuHour() != null) {
                    overridden.put(from + "leaseUsdPerGpuHour", to + "leaseUsdPerGpuHour");
                }
                if (ov.colocationUsdPerKwMonth() != null) {
                    overridden.put(from + "colocationUsdPerKwMonth", to + "colocationUsdPerKwMonth");
                }
            }
        }
        List<AiOptionSpec> optionSpecs = allocation.aiOptions(converted, c);
        c.renameWarnings(overridden);
        if ((req.asicFleets() == null || req.asicFleets().isEmpty()) && optionInputs.isEmpty()) {
            c.error("asicFleets", "give at least one ASIC fleet or one AI option: there is nothing to plan");
        }
        uniqueNames(req, c);
        Set<String> optionNames = new HashSet<>();
        optionInputs.forEach(o -> {
            if (o != null && o.name() != null) {
                optionNames.add(UniqueNames.clean(o.name()));
            }
        });
        for (String name : overrides.keySet()) {
            if (!optionNames.contains(name)) {
                c.error("scenario.ai.options." + name, "names no AI option of this plan; options are " + optionNames);
            }
        }
        // ---- scenario
        double discountRate = DEFAULT_DISCOUNT_RATE;
        double gpuDecline = 0.0;
        double coloDecline = 0.0;
        double salvagePerTh = 0.0;
        double newPerTh = Double.NaN;
        double asicElasticity = Formulas.ASIC_PRICE_ELASTICITY;
        double degradation = 0.0;
        if (scenario != null) {
            discountRate = c.optional("scenario.discountRate", scenario.discountRate(), DEFAULT_DISCOUNT_RATE, 0.0, 1.0, "");
            if (scenario.ai() != null) {
                gpuDecline = c.optional("scenario.ai.gpuRateDeclinePerYear", scenario.ai().gpuRateDeclinePerYear(), 0.0, 0.0, 0.99, "");
                coloDecline = c.optional("scenario.ai.colocationRateDeclinePerYear", scenario.ai().colocationRateDeclinePerYear(), 0.0, 0.0,
                        0.99, "");
            }
            if (scenario.asic() != null) {
                salvagePerTh = c.optional("scenario.asic.salvageUsdPerTh", scenario.asic().salvageUsdPerTh(), 0.0, 0.0, 1e4, "USD/TH");
                newPerTh = c.optional("scenario.asic.newPriceUsdPerTh", scenario.asic().newPriceUsdPerTh(), Double.NaN, 0.0, 1e4, "USD/TH");
                asicElasticity = c.optional("scenario.asic.priceElasticity", scenario.asic().priceElasticity(), Formulas.ASIC_PRICE_ELASTICITY,
                        0.0, 3.0, "");
                degradation = c.optional("scenario.asic.efficiencyDegradationPerYear", scenario.asic().efficiencyDegradationPerYear(), 0.0,
                        0.0, 0.5, "");
                if (newPerTh < salvagePerTh) {
                    c.error("scenario.asic.salvageUsdPerTh", "salvage " + FieldChecks.fmt(salvagePerTh)
                            + " USD/TH is above the price of new machines " + FieldChecks.fmt(newPerTh)
                            + " USD/TH: buying to retire would make money without limit");
                }
            }
        }
        // ---- options' plan fields
        List<PlanOption> options = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < optionInputs.size(); j++) {
            PlanAiOptionInput o = optionInputs.get(j);
            if (o == null) {
                continue;
            }
            String p = "aiOptions[" + j + "]";
            AiOptionAssumption ov = o.name() == null ? null : overrides.get(UniqueNames.clean(o.name()));
            String op = "scenario.ai.options." + UniqueNames.clean(o.name());
            AiOffering off = o.offering() == null ? null : catalog.aiOffering(o.offering()).orElse(null);
            int lead;
            if (ov != null && ov.leadTimeMonths() != null) {
                lead = c.wholeNumber(op + ".leadTimeMonths", ov.leadTimeMonths(), 0, 0, 60);
            } else if (o.leadTimeMonths() != null) {
                lead = c.wholeNumber(p + ".leadTimeMonths", o.leadTimeMonths(), 0, 0, 60);
            } else {
                lead = off != null && off.leadTimeMonths() != null ? off.leadTimeMonths() : 0;
            }
            CapexTiming timing = enumValue(c, p + ".capexTiming", o.capexTiming(), CapexTiming.class, CapexTiming.AT_START);
            AiOptionSpec spec = k < optionSpecs.size() && optionSpecs.get(k).name().equals(nameOf(o, off)) ? optionSpecs.get(k++) : null;
            if (spec == null) {
                continue; // its errors are recorded
            }
            double decline = spec.revenueBasis() == RevenueBasis.GPU_LEASE ? gpuDecline
                    : spec.revenueBasis() == RevenueBasis.COLOCATION ? coloDecline : 0.0;
            if (ov != null && ov.rateDeclinePerYear() != null) {
                decline = c.optional(op + ".rateDeclinePerYear", ov.rateDeclinePerYear(), 0.0, 0.0, 0.99, "");
            }
            double blockMw = 0.0;
            int maxBlocks = Integer.MAX_VALUE;
            if (o.blockMw() != null) {
                blockMw = c.range(p + ".blockMw", o.blockMw(), 0.001, FieldChecks.MAX_MW, "MW");
                if (Double.isNaN(blockMw)) {
                    blockMw = 0.0;
                } else if (blockMw > spec.maxItMw()) {
                    c.error(p + ".blockMw", "a block of " + FieldChecks.fmt(blockMw) + " MW is larger than the option's maxItMw "
                            + FieldChecks.fmt(spec.maxItMw()) + " MW: not one block could start");
                }
            }
            if (o.maxBlocks() != null) {
                if (o.blockMw() == null) {
                    c.error(p + ".maxBlocks", "needs blockMw: the number of blocks counts blocks of blockMw MW");
                } else {
                    maxBlocks = c.wholeNumber(p + ".maxBlocks", o.maxBlocks(), Integer.MAX_VALUE, 0, 100_000);
                }
            }
            AiContract contract = o.contract() == null ? null : contract(c, p + ".contract", o, off, spec);
            GpuLife gpuLife = o.gpuLife() == null ? null : gpuLife(c, p + ".gpuLife", o.gpuLife(), off, spec, decline, contract != null);
            options.add(new PlanOption(spec, lead, timing, decline, blockMw, maxBlocks, contract, gpuLife));
        }
        List<FleetSpec> plainFleets = fleetSpecs;
        double salvageUsdPerTh = salvagePerTh;
        double newUsdPerTh = newPerTh;
        // ---- finance
        double cash = 0.0;
        // No free money (issue 15): without financing the cumulative cash may not fall below 0 (before, an absent credit line
        // meant unlimited credit at no cost); finance.creditLineUsd lets it fall to −creditLineUsd.
        double floor = 0.0;
        double treasury = 0.0;
        PlanFinancing financing = PlanFinancing.NONE;
        if (req.finance() != null) {
            cash = c.optional("finance.startingCashUsd", req.finance().startingCashUsd(), 0.0, -1e13, 1e13, "USD");
            double credit = c.optional("finance.creditLineUsd", req.finance().creditLineUsd(), 0.0, 0.0, 1e13, "USD");
            floor = 0.0 - credit; // +0.0 without a credit line
            treasury = c.optional("finance.treasuryBtc", req.finance().treasuryBtc(), 0.0, 0.0, 2.1e7, "BTC");
            if (start != null) {
                financing = FinancingInputs.resolve(req.finance(), start, months, c);
            }
            if (req.finance().tax() != null) {
                financing = financing.withTax(TaxInputs.resolve(req.finance().tax(), treasury, c));
            }
        }
        TerminalValue terminal = terminalValue(c, req.finance() == null ? null : req.finance().terminalValue(), discountRate);
        if (minAi > 0.0 && optionInputs.isEmpty()) {
            c.error("site.minAiItMw", "a contracted AI minimum of " + FieldChecks.fmt(minAi) + " MW needs at least one AI option");
        }
        SolverKind solver = enumValue(c, "solver", req.solver(), SolverKind.class, defaultSolver);
        HourModel hourModel = enumValue(c, "hourModel", req.hourModel(), HourModel.class, HourModel.EXACT_BLOCKS);
        double timeLimit = c.optional("timeLimitSeconds", req.timeLimitSeconds(), maxTimeLimitSeconds, 0.001, maxTimeLimitSeconds,
                "s (the server's limit)");
        // ---- market paths (only when the rest is valid, so a bad node is reported with the other errors)
        List<MonthData> monthData = null;
        List<String> dataNotes = new ArrayList<>();
        if (scenario != null && start != null) {
            monthData = months(scenario, start, months, energy, c, dataNotes);
        }
        c.throwIfAny();
        warnings.addAll(c.warnings());
        // ASIC prices per TH follow hashprice, (h̄ₘ/h̄₀)^ε, and the fleets lose d of their hashrate a year (issue 14, item 5)
        double[] asicIndex = PlanProblem.asicPriceIndex(monthData, asicElasticity);
        List<PlanFleet> fleets = new ArrayList<>();
        for (FleetSpec f : plainFleets) {
            fleets.add(new PlanFleet(f, Formulas.asicUsdPerMw(salvageUsdPerTh, f.jPerTh(), 1.0),
                    Double.isNaN(newUsdPerTh) ? Double.NaN : Formulas.asicUsdPerMw(newUsdPerTh, f.jPerTh(), 1.0), asicIndex, asicElasticity,
                    degradation));
        }
        return new PlanProblem(start, monthData, interconnect, maxAi, minAi, minAiFrom, maxConv, List.copyOf(fleets), List.copyOf(options),
                cash, floor, treasury, discountRate, solver, hourModel, timeLimit, List.copyOf(dataNotes), terminal, financing);
    }

    /** finance.terminalValue, validated (models/PLANS.md, "Terminal value"); NONE when absent. */
    static TerminalValue terminalValue(FieldChecks c, PlanRequest.TerminalValueInput in, double discountRate) {
        if (in == null) {
            return TerminalValue.NONE;
        }
        String p = "finance.terminalValue";
        TerminalMethod method = enumValue(c, p + ".method", in.method(), TerminalMethod.class, TerminalMethod.NONE);
        double multiple = 0.0;
        double growth = 0.0;
        if (method == TerminalMethod.EXIT_MULTIPLE) {
            multiple = c.required(p + ".exitMultipleOfEbitda", in.exitMultipleOfEbitda(), 0.0, 50.0, "× EBITDA");
        } else if (in.exitMultipleOfEbitda() != null) {
            c.error(p + ".exitMultipleOfEbitda", "is used only by method EXIT_MULTIPLE (method is " + method + ")");
        }
        if (method == TerminalMethod.PERPETUITY) {
            growth = c.required(p + ".perpetuityGrowthPerYear", in.perpetuityGrowthPerYear(), -0.5, 1.0, "");
            if (growth >= discountRate) {
                c.error(p + ".perpetuityGrowthPerYear", "a perpetuity growing at " + FieldChecks.fmt(growth) + " a year is worth without "
                        + "limit at a discount rate of " + FieldChecks.fmt(discountRate) + ": growth must be below scenario.discountRate");
            }
        } else if (in.perpetuityGrowthPerYear() != null) {
            c.error(p + ".perpetuityGrowthPerYear", "is used only by method PERPETUITY (method is " + method + ")");
        }
        return new TerminalValue(method, multiple, growth);
    }

    /** The option's GPU life, validated (models/PLANS.md, "GPU life and refresh"); null after recording an error. */
    static GpuLife gpuLife(FieldChecks c, String p, PlanRequest.GpuLifeInput in, AiOffering off, AiOptionSpec spec, double rateDecline,
                           boolean hasContract) {
        int errors = c.errorCount();
        if (spec.revenueBasis() != RevenueBasis.GPU_LEASE) {
            c.error(p, "a GPU life needs a GPU-cloud option (leaseUsdPerGpuHour): "
                    + (spec.revenueBasis() == RevenueBasis.COLOCATION ? "in a colocation hall the GPUs are the tenant's"
                    : "this option earns a flat revenueUsdPerMwh and holds no GPUs"));
        }
        if (hasContract) {
            c.error(p, "not with contract terms yet: a contracted MW's cash follows its term month by month, which a GPU "
                    + "retirement would cut; give either contract or gpuLife");
        }
        double years = c.required(p + ".gpuLifeYears", in.gpuLifeYears(), 0.0, 30.0, "years");
        int life = 0;
        if (!Double.isNaN(years)) {
            life = (int) Math.round(years * 12.0);
            if (life < 1) {
                c.error(p + ".gpuLifeYears", "must be more than 0 (at least one month, 1/12 year; got " + FieldChecks.fmt(years) + ")");
            }
        }
        Double gpuCapexIn = in.gpuCapexUsdPerMw() != null ? in.gpuCapexUsdPerMw() : off == null ? null : off.gpuCapexUsdPerMw();
        double gpuCapex = Double.NaN;
        if (gpuCapexIn == null) {
            c.error(p + ".gpuCapexUsdPerMw", "is required: the GPU part of capexUsdPerMw (the option names no catalog offering with one)");
        } else {
            gpuCapex = c.range(p + ".gpuCapexUsdPerMw", gpuCapexIn, 0.0, 1e9, "USD/MW");
            if (gpuCapex > spec.capexUsdPerMw()) {
                c.error(p + ".gpuCapexUsdPerMw", "the GPUs' " + FieldChecks.fmt(gpuCapex) + " USD/MW exceed the option's capexUsdPerMw "
                        + FieldChecks.fmt(spec.capexUsdPerMw()) + " USD/MW, of which they are a part (the rest is the hall's)");
            }
        }
        double residual = c.optional(p + ".residualValueShare", in.residualValueShare(), 0.0, 0.0, 1.0, "");
        EndOfLife mode = enumValue(c, p + ".endOfLife", in.endOfLife(), EndOfLife.class, EndOfLife.OPTIMIZE);
        double priceDecline = c.optional(p + ".gpuPriceDeclinePerYear", in.gpuPriceDeclinePerYear(), rateDecline, 0.0, 0.99, "");
        int hall = Integer.MAX_VALUE;
        if (in.hallLifeYears() != null) {
            double hallYears = c.range(p + ".hallLifeYears", in.hallLifeYears(), 0.0, 100.0, "years");
            if (!Double.isNaN(hallYears)) {
                hall = (int) Math.round(hallYears * 12.0);
                if (!Double.isNaN(years) && hall < life) {
                    c.error(p + ".hallLifeYears", "the hall (" + FieldChecks.fmt(hallYears) + " years) must outlive its GPUs (gpuLifeYears "
                            + FieldChecks.fmt(years) + ")");
                }
            }
        }
        return c.errorCount() > errors ? null : new GpuLife(life, gpuCapex, residual, priceDecline, mode, hall);
    }

    /** The option's contract terms, validated (models/PLANS.md, "AI contracts"); null after recording an error. */
    static AiContract contract(FieldChecks c, String p, PlanAiOptionInput o, AiOffering off, AiOptionSpec spec) {
        PlanRequest.AiContractInput in = o.contract();
        int errors = c.errorCount();
        int term = c.wholeNumber(p + ".termMonths", in.termMonths(), 0, 1, 360);
        if (in.termMonths() == null) {
            c.error(p + ".termMonths", "is required: the months of the contract's term");
        }
        double rate = Double.NaN;
        double usage = 1.0;
        if (spec.revenueBasis() == RevenueBasis.COLOCATION) {
            if (in.priceUsdPerGpuHour() != null) {
                c.error(p + ".priceUsdPerGpuHour", "the option is a colocation lease: give priceUsdPerKwMonth");
            }
            double perKwMonth = c.required(p + ".priceUsdPerKwMonth", in.priceUsdPerKwMonth(), 0.0, 1e5, "USD/kW-month");
            rate = perKwMonth * 1000.0 * 12.0 / 8760.0;
            c.plausible(p + ".priceUsdPerKwMonth", PlausibleRanges.COLOCATION_USD_PER_KW_MONTH, in.priceUsdPerKwMonth());
        } else if (spec.revenueBasis() == RevenueBasis.GPU_LEASE) {
            if (in.priceUsdPerKwMonth() != null) {
                c.error(p + ".priceUsdPerKwMonth", "the option is a GPU lease: give priceUsdPerGpuHour");
            }
            double perGpuHour = c.required(p + ".priceUsdPerGpuHour", in.priceUsdPerGpuHour(), 0.0, 1e4, "USD/GPU-h");
            Double kw = o.kwPerGpu() != null ? o.kwPerGpu() : off == null ? null : off.kwPerGpu();
            rate = kw == null ? Double.NaN : perGpuHour * 1000.0 / kw;
            usage = o.utilization() == null ? 1.0 : o.utilization();
            c.plausible(p + ".priceUsdPerGpuHour", PlausibleRanges.GPU_LEASE_USD_PER_GPU_HOUR, in.priceUsdPerGpuHour());
        } else {
            c.error(p, "contract terms need a colocation option (priceUsdPerKwMonth) or a GPU-lease option (priceUsdPerGpuHour); "
                    + "this option earns a flat revenueUsdPerMwh");
        }
        double escalator = c.optional(p + ".escalatorPerYear", in.escalatorPerYear(), 0.0, -0.5, 0.5, "");
        double takeOrPay = c.optional(p + ".takeOrPayShare", in.takeOrPayShare(), 0.0, 0.0, 1.0, "");
        double tenantCapex = c.optional(p + ".tenantCapexShare", in.tenantCapexShare(), 0.0, 0.0, 1.0, "");
        double prepayment = c.optional(p + ".prepaymentShare", in.prepaymentShare(), 0.0, 0.0, 1.0, "");
        double maxMw = c.optional(p + ".maxMw", in.maxMw(), Double.POSITIVE_INFINITY, 0.0, FieldChecks.MAX_MW, "MW");
        double[] ramp = new double[0];
        if (in.rampMonths() != null && in.rampMwByMonth() != null) {
            c.error(p + ".rampMwByMonth", "give rampMonths or rampMwByMonth, not both");
        } else if (in.rampMonths() != null) {
            int months = c.wholeNumber(p + ".rampMonths", in.rampMonths(), 0, 0, 120);
            ramp = new double[months];
            for (int q = 0; q < months; q++) {
                ramp[q] = (q + 1.0) / months;
            }
        } else if (in.rampMwByMonth() != null) {
            List<Double> r = in.rampMwByMonth();
            if (r.isEmpty() || r.size() > 120) {
                c.error(p + ".rampMwByMonth", "needs 1 to 120 values (MW online in each month after completion), got " + r.size());
            } else {
                ramp = new double[r.size()];
                double last = r.get(r.size() - 1) == null ? Double.NaN : r.get(r.size() - 1);
                for (int q = 0; q < r.size(); q++) {
                    double mw = c.required(p + ".rampMwByMonth[" + q + "]", r.get(q), 0.0, FieldChecks.MAX_MW, "MW");
                    if (q > 0 && r.get(q - 1) != null && mw < r.get(q - 1)) {
                        c.error(p + ".rampMwByMonth[" + q + "]", "a ramp does not fall: " + FieldChecks.fmt(mw) + " MW after "
                                + FieldChecks.fmt(r.get(q - 1)) + " MW");
                    }
                    ramp[q] = mw / last;
                }
                if (!(last > 0.0)) {
                    c.error(p + ".rampMwByMonth[" + (r.size() - 1) + "]", "the last value is the deal's size and must be above 0 MW");
                } else if (in.maxMw() != null && in.maxMw() != last) {
                    c.error(p + ".maxMw", "rampMwByMonth ends at " + FieldChecks.fmt(last) + " MW, the deal's size: give one of them");
                } else {
                    maxMw = last;
                }
            }
        }
        boolean renew = enumValue(c, p + ".afterTerm", in.afterTerm(), AfterTerm.class, AfterTerm.RENEW_AT_MARKET) == AfterTerm.RENEW_AT_MARKET;
        if (c.errorCount() > errors || Double.isNaN(rate)) {
            return null;
        }
        return new AiContract(term, rate, usage, escalator, takeOrPay, tenantCapex, prepayment, ramp, maxMw, renew);
    }

    /** What a contracted MW earns after its term. */
    enum AfterTerm { RENEW_AT_MARKET, NONE }

    private static String nameOf(PlanAiOptionInput o, AiOffering off) {
        return o.name() != null ? UniqueNames.clean(o.name()) : off == null ? null : off.name();
    }

    /** The option with the scenario's rates and capex put in; the scenario's values are checked under its own path. */
    private static AiOptionInput withOverrides(PlanAiOptionInput o, AiOptionAssumption ov, String path, FieldChecks c) {
        Double lease = o.leaseUsdPerGpuHour();
        Double colo = o.colocationUsdPerKwMonth();
        Double flat = o.revenueUsdPerMwh();
        Double capex = o.capexUsdPerMw();
        if (ov != null) {
            if (ov.leaseUsdPerGpuHour() != null) {
                lease = c.optional(path + ".leaseUsdPerGpuHour", ov.leaseUsdPerGpuHour(), 0.0, 0.0, 1e4, "USD/GPU-h");
            }
            if (ov.colocationUsdPerKwMonth() != null) {
                colo = c.optional(path + ".colocationUsdPerKwMonth", ov.colocationUsdPerKwMonth(), 0.0, 0.0, 1e5, "USD/kW-month");
            }
            if (ov.revenueUsdPerMwh() != null) {
                flat = c.optional(path + ".revenueUsdPerMwh", ov.revenueUsdPerMwh(), 0.0, 0.0, FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
            }
            if (ov.capexUsdPerMw() != null) {
                capex = c.optional(path + ".capexUsdPerMw", ov.capexUsdPerMw(), 0.0, 0.0, 1e10, "USD/MW");
            }
        }
        return new AiOptionInput(o.name(), o.offering(), o.kwPerGpu(), lease, o.utilization(), colo, flat, o.tenantPaysPower(), o.pue(),
                o.maxItMw(), capex, o.variableOpexUsdPerMwh(), o.fixedOpexUsdPerMwYear());
    }

    /** Fleet and option names by the one rule of {@link UniqueNames}, as in a what-if: trimmed, case-insensitive, no "mining". */
    private static void uniqueNames(PlanRequest req, FieldChecks c) {
        UniqueNames names = new UniqueNames(c);
        if (req.asicFleets() != null) {
            for (int i = 0; i < req.asicFleets().size(); i++) {
                AsicFleetInput f = req.asicFleets().get(i);
                names.fleet(f == null ? null : f.name() != null ? f.name() : f.model(), "asicFleets[" + i + "].name");
            }
        }
        if (req.aiOptions() != null) {
            for (int j = 0; j < req.aiOptions().size(); j++) {
                PlanAiOptionInput o = req.aiOptions().get(j);
                names.aiOption(o == null ? null : o.name() != null ? o.name() : o.offering(), "aiOptions[" + j + "].name");
            }
        }
    }

    /** Prices, hashprice and BTC price for every month; what was filled in the replayed year's months in use goes to notes. */
    private static List<MonthData> months(ScenarioBody s, YearMonth start, int months, EnergySource energy, FieldChecks c,
                                          List<String> notes) {
        YearMonth end = start.plusMonths(months - 1);
        LocalDate first = start.atDay(1);
        LocalDate last = end.atEndOfMonth();
        // ---- BTC and hashprice
        BtcPricePath path = null;
        double difficulty = Double.NaN;
        double growth = 0.0;
        double fees = 0.0;
        var b = s.btc();
        if (b == null) {
            c.error("scenario.btc", "is required (price, difficulty)");
        } else {
            if (b.pricePointsUsd() != null && !b.pricePointsUsd().isEmpty()) {
                if (b.priceUsd() != null || b.annualGrowth() != null) {
                    c.error("scenario.btc.pricePointsUsd", "give either pricePointsUsd or priceUsd with annualGrowth, not both");
                }
                List<SeriesPoint> points = new ArrayList<>();
                for (Map.Entry<String, Double> e : b.pricePointsUsd().entrySet()) {
                    String p = "scenario.btc.pricePointsUsd." + e.getKey();
                    YearMonth ym = month(c, p, e.getKey(), true);
                    double v = c.required(p, e.getValue(), 1.0, 1e8, "USD");
                    if (!Double.isNaN(v)) {
                        c.plausible(p, PlausibleRanges.BTC_PRICE_USD, v);
                    }
                    if (ym != null && !Double.isNaN(v)) {
                        points.add(new SeriesPoint(ym.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), v));
                    }
                }
                if (!points.isEmpty()) {
                    path = BtcPricePath.steps(points);
                }
            } else {
                double price = c.required("scenario.btc.priceUsd", b.priceUsd(), 1.0, 1e8, "USD");
                if (!Double.isNaN(price)) {
                    c.plausible("scenario.btc.priceUsd", PlausibleRanges.BTC_PRICE_USD, price);
                }
                double g = c.optional("scenario.btc.annualGrowth", b.annualGrowth(), 0.0, -0.99, 10.0, "");
                if (!Double.isNaN(price) && !Double.isNaN(g)) {
                    path = BtcPricePath.constantGrowth(first, price, g);
                }
            }
            difficulty = c.required("scenario.btc.startDifficulty", b.startDifficulty(), 1.0, 1e20, "");
            if (!Double.isNaN(difficulty)) {
                c.plausible("scenario.btc.startDifficulty", PlausibleRanges.DIFFICULTY, difficulty);
            }
            growth = c.optional("scenario.btc.difficultyGrowthPerMonth", b.difficultyGrowthPerMonth(), 0.0, -0.5, 1.0, "");
            fees = c.optional("scenario.btc.feesBtcPerBlock", b.feesBtcPerBlock(), 0.0, 0.0, 100.0, "BTC");
        }
        // ---- energy
        var e = s.energy();
        double[] year = null;
        int replayYear = 0;
        double flat = Double.NaN;
        double esc = 0.0;
        double adder = 0.0;
        if (e == null) {
            c.error("scenario.energy", "is required: a stored node with replayYear, or flatPriceUsdPerMwh");
        } else {
            boolean stored = e.node() != null || e.replayYear() != null;
            boolean flatGiven = e.flatPriceUsdPerMwh() != null;
            esc = c.optional("scenario.energy.annualEscalation", e.annualEscalation(), 0.0, -0.5, 1.0, "");
            adder = c.optional("scenario.energy.adderUsdPerMwh", e.adderUsdPerMwh(), 0.0, -1e4, 1e4, "USD/MWh");
            if (stored && flatGiven) {
                c.error("scenario.energy", "give either node with replayYear or flatPriceUsdPerMwh, not both");
            } else if (flatGiven) {
                flat = c.required("scenario.energy.flatPriceUsdPerMwh", e.flatPriceUsdPerMwh(), -FieldChecks.MAX_PRICE_USD_PER_MWH,
                        FieldChecks.MAX_PRICE_USD_PER_MWH, "USD/MWh");
                if (!Double.isNaN(flat)) {
                    c.warn("scenario.energy.flatPriceUsdPerMwh", PlausibleRanges.warning(PlausibleRanges.ENERGY_PRICE_USD_PER_MWH,
                            Math.abs(flat), FieldChecks.fmt(flat) + " USD/MWh"));
                    c.plausible("scenario.energy.flatPriceUsdPerMwh", PlausibleRanges.HOURLY_ENERGY_PRICE_USD_PER_MWH, flat);
                }
            } else if (stored) {
                if (e.node() == null || e.node().isBlank()) {
                    c.error("scenario.energy.node", "is required with replayYear");
                }
                if (e.replayYear() == null) {
                    c.error("scenario.energy.replayYear", "is required with node");
                } else if (e.replayYear() < 1990 || e.replayYear() > 2100) {
                    c.error("scenario.energy.replayYear", "must be a year between 1990 and 2100");
                } else if (e.node() != null && !e.node().isBlank() && !c.hasErrors()) {
                    replayYear = e.replayYear();
                    try {
                        ReplayYear replayed = energy.replayYear(e.node(), replayYear);
                        year = replayed.pricesUsdPerMwh();
                        for (ReplayYear.Fill fill : replayed.filled()) {
                            // said only when a month of the plan replays the filled month
                            boolean used = false;
                            for (int m = 0; m < months && !used; m++) {
                                used = start.plusMonths(m).getMonth() == fill.month();
                            }
                            if (used) {
                                notes.add("scenario.energy.replayYear " + replayYear + ": " + fill.note());
                            }
                        }
                    } catch (ReplayYear.IncompleteYearException ex) {
                        c.error("scenario.energy.replayYear", ex.getMessage());
                    } catch (IllegalArgumentException ex) {
                        c.error("scenario.energy.node", ex.getMessage());
                    }
                }
            } else {
                c.error("scenario.energy", "give node with replayYear, or flatPriceUsdPerMwh");
            }
        }
        if (c.hasErrors() || path == null) {
            return null;
        }
        List<SeriesPoint> daily = HashpriceEngine.projectDaily(new HashpriceProjection(first, last, path, difficulty, growth, fees));
        List<MonthData> out = new ArrayList<>(months);
        int day = 0;
        for (int m = 0; m < months; m++) {
            YearMonth ym = start.plusMonths(m);
            int days = ym.lengthOfMonth();
            int hours = days * 24;
            double factor = Math.pow(1.0 + esc, m / 12.0);
            double[] prices = new double[hours];
            double[] hashprice = new double[hours];
            if (year != null) {
                YearMonth replay = YearMonth.of(replayYear, ym.getMonthValue());
                int offset = (int) ChronoUnit.HOURS.between(LocalDate.of(replayYear, 1, 1).atStartOfDay(),
                        replay.atDay(1).atStartOfDay());
                int replayHours = replay.lengthOfMonth() * 24;
                for (int t = 0; t < hours; t++) {
                    // A 29-day February replayed from a 28-day one repeats its first day.
                    prices[t] = year[offset + (t % replayHours)] * factor + adder;
                }
            } else {
                java.util.Arrays.fill(prices, flat * factor + adder);
            }
            double[] feeShare = new double[hours];
            double btcSum = 0.0;
            for (int d = 0; d < days; d++) {
                double hp = daily.get(day + d).value();
                java.util.Arrays.fill(hashprice, d * 24, d * 24 + 24, hp);
                // The same subsidy of the day as the projection above, so the 2028 halving shows here too.
                double perBlock = HashpriceEngine.averageSubsidyBtcOn(ym.atDay(d + 1)) + fees;
                java.util.Arrays.fill(feeShare, d * 24, d * 24 + 24, perBlock > 0 ? fees / perBlock : 0.0);
                btcSum += path.priceUsdOn(ym.atDay(d + 1));
            }
            day += days;
            out.add(new MonthData(ym, prices, hashprice, btcSum / days, feeShare));
        }
        return out;
    }

    static YearMonth month(FieldChecks c, String field, String text, boolean required) {
        if (text == null) {
            if (required) {
                c.error(field, "is required, e.g. \"2026-07\"");
            }
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            c.error(field, "must be a month like \"2026-07\" (got '" + (text.length() > 40 ? text.substring(0, 40) : text) + "')");
            return null;
        }
    }

    static <E extends Enum<E>> E enumValue(FieldChecks c, String field, String v, Class<E> type, E fallback) {
        return c.choice(field, v, type, fallback);
    }
}
