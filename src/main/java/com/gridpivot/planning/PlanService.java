package com.gridpivot.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobView;
import com.gridpivot.jobs.RunTags;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.optimization.SolverConfig;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.persistence.SeriesService;
import com.gridpivot.planning.input.CompareRequest;
import com.gridpivot.planning.input.EnergySource;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.FixedPlanBody;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblemAssembler;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.input.ScenarioBody;
import com.gridpivot.planning.model.PlanModelBuilder;
import com.gridpivot.planning.input.ReplayYear;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.store.ScenarioService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plan runs and comparisons. A run is validated completely before it exists (400 otherwise), then stored with its complete
 * input snapshot — the scenario's content and the replayed prices copied, not referenced — and queued.
 */
@ApplicationScoped
public class PlanService {
    public static final String JOB_KIND = "PLAN";

    @Inject
    ObjectMapper json;

    @Inject
    Catalog catalog;

    @Inject
    SolverConfig solverConfig;

    @Inject
    PlansConfig plansConfig;

    @Inject
    ScenarioService scenarios;

    @Inject
    SeriesService series;

    @Inject
    JobRunner runner;

    /**
     * A run's stored input: the request with the scenario inline (no scenarioId) and the replayed year's prices.
     *
     * @param request                   the request, scenario copied in
     * @param replayYearPricesUsdPerMwh hourly prices of the replayed year (completed), or null with a flat price basis
     * @param replayYearFilled          what was filled to complete them (null in snapshots written before fills existed)
     */
    public record PlanRunInput(PlanRequest request, double[] replayYearPricesUsdPerMwh, List<ReplayYear.Fill> replayYearFilled) {
        EnergySource energy() {
            return new EnergySource() {
                @Override
                public double[] yearHourlyUsdPerMwh(String node, int year) {
                    if (replayYearPricesUsdPerMwh == null) {
                        throw new IllegalArgumentException("the snapshot holds no replayed prices");
                    }
                    return replayYearPricesUsdPerMwh;
                }

                @Override
                public ReplayYear replayYear(String node, int year) {
                    return new ReplayYear(yearHourlyUsdPerMwh(node, year), replayYearFilled == null ? List.of() : replayYearFilled);
                }
            };
        }
    }

    PlanProblemAssembler assembler() {
        return new PlanProblemAssembler(catalog, solverConfig.defaultSolver(), plansConfig.timeLimitSeconds());
    }

    /** Validates and snapshots a request: 400 listing every invalid field; 404-as-400 for an unknown scenario. */
    public PlanRunInput snapshot(PlanRequest req) {
        if (req == null) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        ScenarioBody scenario = req.scenario();
        if (req.scenarioId() != null && req.scenario() != null) {
            throw new InvalidRequestException("scenarioId", "give scenarioId or an inline scenario, not both");
        }
        if (req.scenarioId() != null) {
            scenario = scenarios.get(req.scenarioId())
                    .orElseThrow(() -> new InvalidRequestException("scenarioId", "no stored scenario with id " + req.scenarioId()))
                    .content();
        }
        ReplayYear[] replay = new ReplayYear[1];
        EnergySource stored = new EnergySource() {
            @Override
            public double[] yearHourlyUsdPerMwh(String node, int year) {
                return storedYear(node, year);
            }

            @Override
            public ReplayYear replayYear(String node, int year) {
                replay[0] = EnergySource.super.replayYear(node, year);
                return replay[0];
            }
        };
        guard(assembler().assemble(req, scenario, stored));
        PlanRequest copy = new PlanRequest(null, scenario, req.site(), req.asicFleets(), req.aiOptions(), req.finance(), req.startMonth(),
                req.months(), req.solver(), req.hourModel(), req.timeLimitSeconds(), null, req.explain());
        return replay[0] == null ? new PlanRunInput(copy, null, null)
                : new PlanRunInput(copy, replay[0].pricesUsdPerMwh(), replay[0].filled());
    }

    /**
     * Checks every field of a plan request whose scenario is inline, with zero prices standing in for any replayed year
     * (for validating stored objects whose prices are read only when they run): 400 listing every invalid field.
     */
    public void checkWithoutPrices(PlanRequest req) {
        assembler().assemble(req, req.scenario(), (node, year) -> new double[java.time.Year.of(year).length() * 24]);
    }

    /** The memory guard's budget, bytes per model (gridpivot.solver.max-model-bytes; 0: off). */
    public long maxModelBytes() {
        return solverConfig.maxModelBytes();
    }

    /** The memory guard: a plan whose LP would exceed gridpivot.solver.max-model-bytes is refused before it is built. */
    void guard(PlanProblem p) {
        guard(p, maxModelBytes());
    }

    /** As {@link #guard(PlanProblem)} with a given budget (bytes; ≤ 0: off). */
    public static void guard(PlanProblem p, long maxModelBytes) {
        boolean hourly = p.hourModel() == PlanProblem.HourModel.HOURLY;
        PlanModelBuilder.estimate(p).refuseOver(maxModelBytes, hourly ? "hourModel" : "months", "the plan's LP",
                hourly ? "use hourModel EXACT_BLOCKS (the same optimum: hours merged exactly), fewer months or fewer fleets"
                        : "plan fewer months (years) or fewer fleets");
    }

    public PlanProblem problem(PlanRunInput input) {
        return assembler().assemble(input.request(), input.request().scenario(), input.energy());
    }

    /** The problem of a snapshot; adds to {@code warnings} the inputs outside their plausible ranges. */
    public PlanProblem problem(PlanRunInput input, List<String> warnings) {
        return assembler().assemble(input.request(), input.request().scenario(), input.energy(), warnings);
    }

    /** Writes the run (QUEUED) with its input snapshot and hands it to a worker; returns the run as stored. */
    public JobView submit(PlanRequest req) {
        String label = req == null ? null : RunTags.checkedLabel(req.label(), "label");
        return runner.enqueue(JOB_KIND, snapshot(req), tags(req, label));
    }

    /** A plan's site name (its site's name; null without one) and a label already checked. */
    public static RunTags tags(PlanRequest req, String label) {
        return new RunTags(req == null || req.site() == null ? null : req.site().name(), label);
    }

    public PlanComparison compare(CompareRequest req) {
        if (req == null || req.problem() == null) {
            throw new InvalidRequestException("problem", "is required: the plan problem, as for a run");
        }
        List<FieldError> errors = new ArrayList<>();
        PlanProblem p;
        List<String> warnings = new ArrayList<>();
        try {
            p = problem(snapshot(req.problem()), warnings);
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> errors.add(FieldError.of(f.field().isEmpty() ? "problem" : "problem." + f.field(), f.reason())));
            p = null;
        }
        List<FixedPlan> plans = new ArrayList<>();
        if (req.plans() == null || req.plans().isEmpty() || req.plans().size() > 10) {
            errors.add(FieldError.of("plans", "give 1 to 10 fixed plans"));
        } else if (p != null) {
            FieldChecks c = new FieldChecks();
            for (int k = 0; k < req.plans().size(); k++) {
                plans.add(fixedPlan(p, req.plans().get(k), "plans[" + k + "]", c));
            }
            try {
                c.throwIfAny();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return PlanEngine.compare(p, plans, RunControl.NONE, req.problem().wantsBridge()).withWarnings(warnings.stream().map(w -> "problem." + w).toList());
    }

    public static FixedPlan fixedPlan(PlanProblem p, FixedPlanBody body, String path, FieldChecks c) {
        if (body == null) {
            c.error(path, "must be an object, not null");
            return null;
        }
        String name = body.name();
        if (name == null || name.isBlank()) {
            c.error(path + ".name", "is required");
        }
        Set<String> options = p.options().stream().map(o -> o.spec().name()).collect(Collectors.toSet());
        Set<String> fleets = p.fleets().stream().map(f -> f.spec().name()).collect(Collectors.toSet());
        Map<String, Double> ai = steps(p, body.aiStartsMw(), path + ".aiStartsMw", options, "AI option", c);
        wholeBlocks(p, body.aiStartsMw(), path + ".aiStartsMw", c);
        Map<String, Double> retired = steps(p, body.asicRetiredMw(), path + ".asicRetiredMw", fleets, "ASIC fleet", c);
        Map<String, Double> bought = steps(p, body.asicBoughtMw(), path + ".asicBoughtMw", fleets, "ASIC fleet", c);
        // a purchase the model cannot make (no price for new machines) would be dropped without a word: refuse it
        Set<String> buyable = p.fleets().stream().filter(PlanProblem.PlanFleet::canBuy).map(f -> f.spec().name()).collect(Collectors.toSet());
        for (int k = 0; body.asicBoughtMw() != null && k < body.asicBoughtMw().size(); k++) {
            FixedPlanBody.Step s = body.asicBoughtMw().get(k);
            if (s != null && fleets.contains(s.name()) && !buyable.contains(s.name()) && s.amount() != null && s.amount() > 0) {
                c.error(path + ".asicBoughtMw[" + k + "].name", "fleet '" + s.name()
                        + "' cannot be bought: the scenario gives no price for new machines (scenario.asic.newPriceUsdPerTh)");
            }
        }
        Map<String, Double> sold = steps(p, body.treasurySoldBtc(), path + ".treasurySoldBtc", null, null, c);
        Map<Integer, Double> soldByMonth = new HashMap<>();
        sold.forEach((k, v) -> soldByMonth.merge(Integer.parseInt(k.substring(k.indexOf('|') + 1)), v, Double::sum));
        Map<String, Double> contracted = null;
        if (body.aiContractedMw() != null) {
            Set<String> withTerms = p.options().stream().filter(PlanProblem.PlanOption::hasContract).map(o -> o.spec().name())
                    .collect(Collectors.toSet());
            contracted = steps(p, body.aiContractedMw(), path + ".aiContractedMw", withTerms, "AI option with contract terms", c);
            contracted.forEach((key, mw) -> {
                double started = ai.getOrDefault(key, 0.0);
                if (mw > started + 1e-9) {
                    c.error(path + ".aiContractedMw", FieldChecks.fmt(mw) + " MW contracted of " + key.substring(0, key.indexOf('|'))
                            + " in month index " + key.substring(key.indexOf('|') + 1) + " is more than the " + FieldChecks.fmt(started)
                            + " MW started then (aiStartsMw)");
                }
            });
        }
        return new FixedPlan(name, ai, retired, bought, soldByMonth, contracted);
    }

    /**
     * Hall blocks: a fixed plan's starts of an option with a block size must be whole blocks (within 10⁻⁶ MW), and their
     * number at most the option's maxBlocks; the model fixes the starts by bounds, so a fraction would be built as given.
     */
    private static void wholeBlocks(PlanProblem p, List<FixedPlanBody.Step> steps, String path, FieldChecks c) {
        if (steps == null) {
            return;
        }
        Map<String, PlanProblem.PlanOption> byName = p.options().stream().collect(Collectors.toMap(o -> o.spec().name(), o -> o));
        Map<String, Double> blocks = new HashMap<>();
        for (int k = 0; k < steps.size(); k++) {
            FixedPlanBody.Step s = steps.get(k);
            PlanProblem.PlanOption o = s == null || s.name() == null ? null : byName.get(s.name());
            if (o == null || !o.hasBlocks() || s.amount() == null || !Double.isFinite(s.amount())) {
                continue;
            }
            double n = s.amount() / o.blockMw();
            if (Math.abs(n - Math.rint(n)) * o.blockMw() > 1e-6) {
                double down = Math.floor(n) * o.blockMw();
                c.error(path + "[" + k + "].amount", "option '" + o.spec().name() + "' is built in whole blocks of "
                        + FieldChecks.fmt(o.blockMw()) + " MW: " + FieldChecks.fmt(s.amount()) + " MW is " + FieldChecks.fmt(n)
                        + " blocks; start " + FieldChecks.fmt(down) + " or " + FieldChecks.fmt(down + o.blockMw()) + " MW");
                continue;
            }
            blocks.merge(o.spec().name(), Math.rint(n), Double::sum);
        }
        blocks.forEach((name, n) -> {
            PlanProblem.PlanOption o = byName.get(name);
            if (n > o.maxBlocks()) {
                c.error(path, "option '" + name + "' starts " + FieldChecks.fmt(n) + " blocks of " + FieldChecks.fmt(o.blockMw())
                        + " MW; its maxBlocks is " + o.maxBlocks());
            }
        });
    }

    private static Map<String, Double> steps(PlanProblem p, List<FixedPlanBody.Step> steps, String path, Set<String> names, String what,
                                             FieldChecks c) {
        Map<String, Double> out = new HashMap<>();
        if (steps == null) {
            return out;
        }
        for (int k = 0; k < steps.size(); k++) {
            String sp = path + "[" + k + "]";
            FixedPlanBody.Step s = steps.get(k);
            if (s == null) {
                c.error(sp, "must be an object, not null");
                continue;
            }
            if (names != null && (s.name() == null || !names.contains(s.name()))) {
                c.error(sp + ".name", s.name() == null ? "is required" : "unknown " + what + " '" + s.name() + "'; the plan has " + names);
                continue;
            }
            int m = monthIndex(p, s.month(), sp + ".month", c);
            double v = c.required(sp + ".amount", s.amount(), 0.0, names == null ? 2.1e7 : FieldChecks.MAX_MW, names == null ? "BTC" : "MW");
            if (m >= 0 && !Double.isNaN(v)) {
                out.merge(FixedPlan.key(names == null ? "" : s.name(), m), v, Double::sum);
            }
        }
        return out;
    }

    /** "2027-06" or "2027-Q2" (its first month) → month index; −1 after recording an error. */
    public static int monthIndex(PlanProblem p, String text, String path, FieldChecks c) {
        if (text == null) {
            c.error(path, "is required, e.g. \"2027-06\" or \"2027-Q2\"");
            return -1;
        }
        YearMonth ym;
        try {
            String t = text.trim().toUpperCase(java.util.Locale.ROOT);
            if (t.matches("\\d{4}-Q[1-4]")) {
                ym = YearMonth.of(Integer.parseInt(t.substring(0, 4)), (t.charAt(6) - '1') * 3 + 1);
            } else {
                ym = YearMonth.parse(t);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            c.error(path, "must be a month like \"2027-06\" or a quarter like \"2027-Q2\"");
            return -1;
        }
        long idx = ChronoUnit.MONTHS.between(p.startMonth(), ym);
        if (idx < 0 || idx >= p.monthCount()) {
            c.error(path, "must be inside the horizon " + p.startMonth() + " … " + p.startMonth().plusMonths(p.monthCount() - 1));
            return -1;
        }
        return (int) idx;
    }

    /**
     * The stored hourly prices of a UTC calendar year, NaN where an hour has no value ({@link ReplayYear} completes a partial
     * first or last day and refuses more), or an IllegalArgumentException when the node has no stored prices.
     */
    double[] storedYear(String node, int year) {
        var from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            return series.hourlyValuesWithGaps(SeriesKind.ENERGY_PRICE, node, from, to);
        } catch (NotFoundException e) {
            throw new IllegalArgumentException("no stored ENERGY_PRICE series for node '" + node + "'; import one (POST /api/v1/series/import)");
        }
    }

    public PlanRunInput read(String inputJson) {
        try {
            return json.readValue(inputJson, PlanRunInput.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
