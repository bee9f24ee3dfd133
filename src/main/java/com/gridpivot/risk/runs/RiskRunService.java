package com.gridpivot.risk.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobView;
import com.gridpivot.jobs.RunTags;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.PlanService;
import com.gridpivot.planning.PlanService.PlanRunInput;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.FixedPlanBody;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.risk.montecarlo.BtcHistory;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.montecarlo.MonteCarloSettings.DriftMode;
import com.gridpivot.risk.montecarlo.MonteCarloSettings.PriceModel;
import com.gridpivot.risk.runs.RiskRequests.CvarInput;
import com.gridpivot.risk.runs.RiskRequests.MonteCarloRequest;
import com.gridpivot.risk.runs.RiskRequests.ScenarioInput;
import com.gridpivot.risk.runs.RiskRequests.StochasticRequest;
import com.gridpivot.risk.runs.RiskRequests.SamplingInput;
import com.gridpivot.risk.stochastic.SaaSettings;
import com.gridpivot.risk.stochastic.StochasticProblem;
import com.gridpivot.lp.ModelSize;
import com.gridpivot.planning.model.PlanModelBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Validates Monte Carlo and stochastic-plan runs completely (400 with JSON paths otherwise), stores each with its input
 * snapshot (the plan problems with replayed prices copied, as plan runs do) and queues it on the shared job runner.
 */
@ApplicationScoped
public class RiskRunService {
    public static final String MONTE_CARLO = "MONTE_CARLO";
    public static final String STOCHASTIC = "STOCHASTIC_PLAN";
    static final int MAX_PLANS = 10;
    static final int MAX_SCENARIOS = 10;
    /** Sampled scenarios of a sample-average plan (issue 20: the decomposition solves 1,000 in bounded memory). */
    public static final int MAX_SAMPLES = 1000;
    /** Samples the extensive form (one LP with every sample, and the only method with CVaR) accepts. */
    public static final int MAX_EXTENSIVE_SAMPLES = 50;
    /** The bootstrap's default block: half a year of consecutive months keeps momentum and volatility clusters. */
    static final int DEFAULT_BLOCK_MONTHS = 6;

    @Inject
    ObjectMapper json;

    @Inject
    PlanService plans;

    @Inject
    JobRunner runner;

    @ConfigProperty(name = "gridpivot.limits.montecarlo-paths", defaultValue = "5000")
    int maxPaths;

    /** The stored input of a Monte Carlo run. */
    public record MonteCarloInput(PlanRunInput problem, List<FixedPlanBody> plans, boolean includeOptimized, MonteCarloSettings settings) {
    }

    /**
     * The stored input of a stochastic run: one plan-run snapshot per scenario; with {@code sampling} (a sample-average
     * plan) the one snapshot is the problem whose scenario is the paths' centre, and names and probabilities are empty.
     */
    public record StochasticInput(List<String> names, double[] probabilities, List<PlanRunInput> scenarios, int baseIndex,
                                  StochasticProblem.Cvar cvar, SaaSettings sampling) {
        public StochasticInput(List<String> names, double[] probabilities, List<PlanRunInput> scenarios, int baseIndex,
                               StochasticProblem.Cvar cvar) {
            this(names, probabilities, scenarios, baseIndex, cvar, null);
        }
    }

    /** A validated Monte Carlo run, ready to simulate. */
    public record MonteCarloJob(PlanProblem problem, List<FixedPlan> plans, boolean includeOptimized, MonteCarloSettings settings) {
    }

    private static void prefixed(List<FieldError> errors, InvalidRequestException e, String prefix) {
        e.errors().forEach(f -> errors.add(FieldError.of(f.field().isEmpty() ? prefix : prefix + "." + f.field(), f.reason())));
    }

    public MonteCarloInput validate(MonteCarloRequest req) {
        if (req == null) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        PlanRunInput snap = null;
        if (req.problem() == null) {
            errors.add(FieldError.of("problem", "is required: the plan problem, as for a plan run"));
        } else {
            noFinancingSources(req.problem(), "a Monte Carlo run", errors);
            noGpuLife(req.problem(), "a Monte Carlo run", errors);
            try {
                snap = plans.snapshot(req.problem());
            } catch (InvalidRequestException e) {
                prefixed(errors, e, "problem");
            }
        }
        FieldChecks c = new FieldChecks();
        boolean includeOptimized = req.includeOptimized() == null || req.includeOptimized();
        int n = c.wholeNumber("paths", req.paths(), 1000, 1, maxPaths);
        long seed = 1L;
        if (req.seed() != null) {
            double s = req.seed();
            if (!Double.isFinite(s) || s != Math.rint(s) || Math.abs(s) > 9.007199254740992E15) {
                c.error("seed", "must be an integer (|seed| ≤ 2^53)");
            } else {
                seed = (long) s;
            }
        }
        BtcHistory h = BtcHistory.load();
        double sigma = c.optional("volatilityMonthly", req.volatilityMonthly(), h.volatilityMonthly(), 0.0, 1.0, "");
        DriftMode drift = c.choice("drift", req.drift(), DriftMode.class, DriftMode.SCENARIO);
        double eta = c.optional("difficultyElasticity", req.difficultyElasticity(), 0.5, 0.0, 2.0, "");
        int lag = c.wholeNumber("difficultyLagMonths", req.difficultyLagMonths(), 3, 0, 24);
        double aiSd = c.optional("aiRateDeclineSd", req.aiRateDeclineSd(), 0.05, 0.0, 0.5, "");
        int bins = c.wholeNumber("histogramBins", req.histogramBins(), 20, 2, 200);
        PriceModel model = c.choice("priceModel", req.priceModel(), PriceModel.class, PriceModel.GBM);
        int block = DEFAULT_BLOCK_MONTHS;
        if (model == PriceModel.BOOTSTRAP) {
            block = c.wholeNumber("blockLengthMonths", req.blockLengthMonths(), DEFAULT_BLOCK_MONTHS, 1, h.returns());
            if (req.volatilityMonthly() != null) {
                c.error("volatilityMonthly", "applies to GBM only: BOOTSTRAP resamples the history's returns as they are");
            }
        } else if (req.blockLengthMonths() != null) {
            c.error("blockLengthMonths", "applies to priceModel BOOTSTRAP only (the price model is " + model + ")");
        }
        // Default 0: fees as in the scenario, so a request without feeSd answers as before; FeeHistory's 0.868 is the
        // calibrated value a user opts into (models/RISK.md).
        double feeSd = c.optional("feeSd", req.feeSd(), 0.0, 0.0, 3.0, "");
        int planCount = req.plans() == null ? 0 : req.plans().size();
        if (planCount > MAX_PLANS) {
            c.error("plans", "give at most " + MAX_PLANS + " fixed plans");
        } else if (planCount == 0 && !includeOptimized) {
            c.error("plans", "give at least one fixed plan, or includeOptimized");
        }
        try {
            c.throwIfAny();
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        if (snap != null && planCount > 0 && planCount <= MAX_PLANS) {
            PlanProblem p = plans.problem(snap);
            FieldChecks pc = new FieldChecks();
            for (int k = 0; k < planCount; k++) {
                PlanService.fixedPlan(p, req.plans().get(k), "plans[" + k + "]", pc);
            }
            try {
                pc.throwIfAny();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        return new MonteCarloInput(snap, req.plans() == null ? List.of() : req.plans(), includeOptimized,
                new MonteCarloSettings(n, seed, threads, sigma, drift, h.meanLogReturnMonthly(), eta, lag, aiSd, bins, model,
                        model == PriceModel.BOOTSTRAP ? block : 0, model == PriceModel.BOOTSTRAP ? h.logReturnsMonthly().clone() : null,
                        Double.isNaN(feeSd) ? 0.0 : feeSd));
    }

    public MonteCarloJob job(MonteCarloInput in) {
        PlanProblem p = plans.problem(in.problem());
        FieldChecks c = new FieldChecks();
        List<FixedPlan> fixed = new ArrayList<>();
        for (int k = 0; k < in.plans().size(); k++) {
            fixed.add(PlanService.fixedPlan(p, in.plans().get(k), "plans[" + k + "]", c));
        }
        c.throwIfAny();
        // Threads: this machine's cores now (the answer does not depend on them).
        return new MonteCarloJob(p, fixed, in.includeOptimized(), in.settings().withThreads(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Issue 15's financing sources and covenants are rows of the plan LP ({@code lp.rows}) that the Monte Carlo evaluator and
     * the stochastic plan do not compose yet: a 400 naming the field, never an answer that silently leaves them out.
     */
    static void noFinancingSources(PlanRequest r, String what, List<FieldError> errors) {
        if (r.wantsBridge()) {
            errors.add(FieldError.of("problem.explain.bridge", "the What-if → plan bridge is computed for plan runs and comparisons only,"
                    + " not in " + what + "; leave it out here"));
        }
        var f = r.finance();
        if (f == null) {
            return;
        }
        String why = " is not modelled in " + what + " yet (only in plan runs, comparisons and plan sweeps); leave it out here, or use"
                + " creditLineUsd (a free line)";
        if (f.revolvingCredit() != null) {
            errors.add(FieldError.of("problem.finance.revolvingCredit", "a priced credit line" + why));
        }
        if (f.termLoans() != null && !f.termLoans().isEmpty()) {
            errors.add(FieldError.of("problem.finance.termLoans", "term debt" + why));
        }
        if (f.convertibleNotes() != null && !f.convertibleNotes().isEmpty()) {
            errors.add(FieldError.of("problem.finance.convertibleNotes", "convertible notes" + why));
        }
        if (f.covenants() != null && (f.covenants().minCashUsd() != null || f.covenants().maxDebtToTrailingEbitda() != null)) {
            errors.add(FieldError.of("problem.finance.covenants", "a covenant" + why));
        }
        if (f.tax() != null) {
            errors.add(FieldError.of("problem.finance.tax", "income tax" + why.replace(", or use creditLineUsd (a free line)", "")));
        }
    }

    /**
     * GPU life (issue 14, item 2) is in plan runs, comparisons, plan sweeps, portfolios and stochastic plans over listed
     * scenarios; the Monte Carlo path evaluator and the sampled plan's decomposition do not hold it yet: a 400 naming the field.
     */
    static void noGpuLife(PlanRequest r, String what, List<FieldError> errors) {
        if (r.aiOptions() == null) {
            return;
        }
        for (int j = 0; j < r.aiOptions().size(); j++) {
            if (r.aiOptions().get(j) != null && r.aiOptions().get(j).gpuLife() != null) {
                errors.add(FieldError.of("problem.aiOptions[" + j + "].gpuLife", "a GPU life is not modelled in " + what + " yet (it is in "
                        + "plan runs, comparisons, plan sweeps and stochastic plans over listed scenarios); leave it out here"));
            }
        }
    }

    public StochasticInput validate(StochasticRequest req) {
        if (req == null) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        if (req.sampling() != null) {
            return validateSampled(req);
        }
        List<FieldError> errors = new ArrayList<>();
        FieldChecks c = new FieldChecks();
        List<String> names = new ArrayList<>();
        List<PlanRunInput> snaps = new ArrayList<>();
        double[] probs = null;
        if (req.problem() == null) {
            c.error("problem", "is required: site, fleets, options, finance and horizon, as for a plan run");
        } else {
            noFinancingSources(req.problem(), "a stochastic plan", errors);
        }
        if (req.scenarios() == null || req.scenarios().isEmpty() || req.scenarios().size() > MAX_SCENARIOS) {
            c.error("scenarios", "give 1 to " + MAX_SCENARIOS + " scenarios with probabilities, or sampling to draw up to " + MAX_SAMPLES);
        } else {
            probs = new double[req.scenarios().size()];
            double sum = 0.0;
            boolean allProbs = true;
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < req.scenarios().size(); k++) {
                ScenarioInput s = req.scenarios().get(k);
                String path = "scenarios[" + k + "]";
                if (s == null) {
                    c.error(path, "must be an object, not null");
                    allProbs = false;
                    names.add(null);
                    continue;
                }
                if (s.name() == null || s.name().isBlank()) {
                    c.error(path + ".name", "is required");
                } else if (!seen.add(s.name())) {
                    c.error(path + ".name", "duplicate scenario name '" + s.name() + "'");
                }
                names.add(s.name());
                double p = c.required(path + ".probability", s.probability(), 0.0, 1.0, "");
                if (Double.isNaN(p)) {
                    allProbs = false;
                } else {
                    probs[k] = p;
                    sum += p;
                }
                if (s.scenario() == null) {
                    c.error(path + ".scenario", "is required: a full plan scenario (btc, energy, ai, asic, discountRate)");
                } else if (req.problem() != null) {
                    PlanRequest r = req.problem();
                    PlanRequest copy = new PlanRequest(null, s.scenario(), r.site(), r.asicFleets(), r.aiOptions(), r.finance(), r.startMonth(),
                            r.months(), r.solver(), r.hourModel(), r.timeLimitSeconds());
                    try {
                        snaps.add(plans.snapshot(copy));
                    } catch (InvalidRequestException e) {
                        e.errors().forEach(f -> errors.add(FieldError.of(f.field().startsWith("scenario")
                                ? path + "." + f.field() : "problem." + f.field(), f.reason())));
                    }
                }
            }
            if (allProbs && Math.abs(sum - 1.0) > 1e-9) {
                c.error("scenarios", "probabilities must sum to 1 within 1e-9 (they sum to " + sum + ")");
            }
        }
        StochasticProblem.Cvar cvar = req.cvar() == null ? null : cvar(req.cvar(), c);
        int base = 0;
        if (probs != null) {
            if (req.baseScenario() != null) {
                base = names.indexOf(req.baseScenario());
                if (base < 0) {
                    c.error("baseScenario", "must name one of the scenarios " + names);
                    base = 0;
                }
            } else {
                for (int k = 1; k < probs.length; k++) {
                    if (probs[k] > probs[base]) {
                        base = k;
                    }
                }
            }
        }
        try {
            c.throwIfAny();
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        if (errors.isEmpty()) {
            // The scenarios must share the first stage's structure: lead times may be overridden per scenario.
            List<PlanProblem> ps = snaps.stream().map(plans::problem).toList();
            for (int k = 1; k < ps.size(); k++) {
                for (int j = 0; j < ps.get(0).options().size(); j++) {
                    if (ps.get(k).options().get(j).leadTimeMonths() != ps.get(0).options().get(j).leadTimeMonths()) {
                        errors.add(FieldError.of("scenarios[" + k + "].scenario.ai.options", "lead time of '" + ps.get(0).options().get(j).spec().name()
                                + "' differs from scenario 0's; conversion decisions are shared, so lead times must be equal"));
                    }
                }
            }
            // the memory guard: the extensive form holds every scenario's second stage
            ModelSize size = ps.stream().map(PlanModelBuilder::estimate).reduce(ModelSize::plus).orElse(new ModelSize(0, 0, 0));
            try {
                size.refuseOver(plans.maxModelBytes(), "scenarios", "the stochastic plan's LP (" + ps.size() + " scenarios)",
                        "give fewer scenarios, fewer months (years) or fewer fleets, or keep hourModel EXACT_BLOCKS");
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new StochasticInput(names, probs, snaps, base, cvar);
    }

    /** The CVaR term of a stochastic request (errors on cvar.… go to c). */
    private static StochasticProblem.Cvar cvar(CvarInput ci, FieldChecks c) {
        double alpha = c.required("cvar.alpha", ci.alpha(), 0.0, 1.0, "");
        if (!Double.isNaN(alpha) && (alpha <= 0.0 || alpha >= 1.0)) {
            c.error("cvar.alpha", "must be strictly between 0 and 1 (0.9 = the worst 10 %)");
        }
        double w = c.optional("cvar.weight", ci.weight(), 0.0, 0.0, 1.0, "");
        double floor = ci.floorUsd() == null ? Double.NaN : c.required("cvar.floorUsd", ci.floorUsd(), -1e13, 1e13, "USD");
        if (ci.floorUsd() == null && w == 0.0) {
            c.error("cvar", "give a weight > 0, a floorUsd, or both");
        }
        return new StochasticProblem.Cvar(alpha, w, floor);
    }

    /** A sample-average request: the problem (its scenario the centre), the generator's settings and the statistics asked. */
    private StochasticInput validateSampled(StochasticRequest req) {
        List<FieldError> errors = new ArrayList<>();
        FieldChecks c = new FieldChecks();
        PlanRunInput snap = null;
        if (req.problem() == null) {
            c.error("problem", "is required: the plan problem, as for a plan run; its scenario is the centre of the sampled paths");
        } else {
            noFinancingSources(req.problem(), "a stochastic plan", errors);
            noGpuLife(req.problem(), "a sampled stochastic plan", errors);
            try {
                snap = plans.snapshot(req.problem());
            } catch (InvalidRequestException e) {
                prefixed(errors, e, "problem");
            }
        }
        if (req.scenarios() != null) {
            c.error("scenarios", "give either scenarios or sampling, not both (sampling draws the scenarios around problem.scenario)");
        }
        if (req.baseScenario() != null) {
            c.error("baseScenario", "applies to listed scenarios; with sampling VSS plans for problem.scenario");
        }
        SamplingInput si = req.sampling();
        String p = "sampling.";
        int n = c.wholeNumber(p + "samples", si.samples(), 100, 1, MAX_SAMPLES);
        long seed = 1L;
        if (si.seed() != null) {
            double sd = si.seed();
            if (!Double.isFinite(sd) || sd != Math.rint(sd) || Math.abs(sd) > 9.007199254740992E15) {
                c.error(p + "seed", "must be an integer (|seed| ≤ 2^53)");
            } else {
                seed = (long) sd;
            }
        }
        SaaSettings.Method method = c.choice(p + "method", si.method(), SaaSettings.Method.class,
                req.cvar() != null ? SaaSettings.Method.EXTENSIVE : SaaSettings.Method.DECOMPOSITION);
        if (req.cvar() != null && method != SaaSettings.Method.EXTENSIVE) {
            c.error(p + "method", "with cvar the samples are solved in one LP: use EXTENSIVE (or leave method out)");
        }
        if (method == SaaSettings.Method.EXTENSIVE && n > MAX_EXTENSIVE_SAMPLES) {
            c.error(p + "samples", "the EXTENSIVE method (one LP with every sample" + (req.cvar() != null ? ", needed with cvar" : "")
                    + ") takes at most " + MAX_EXTENSIVE_SAMPLES + " samples; DECOMPOSITION takes up to " + MAX_SAMPLES);
        }
        BtcHistory h = BtcHistory.load();
        double sigma = c.optional(p + "volatilityMonthly", si.volatilityMonthly(), h.volatilityMonthly(), 0.0, 1.0, "");
        DriftMode drift = c.choice(p + "drift", si.drift(), DriftMode.class, DriftMode.SCENARIO);
        double eta = c.optional(p + "difficultyElasticity", si.difficultyElasticity(), 0.5, 0.0, 2.0, "");
        int lag = c.wholeNumber(p + "difficultyLagMonths", si.difficultyLagMonths(), 3, 0, 24);
        double aiSd = c.optional(p + "aiRateDeclineSd", si.aiRateDeclineSd(), 0.05, 0.0, 0.5, "");
        PriceModel model = c.choice(p + "priceModel", si.priceModel(), PriceModel.class, PriceModel.GBM);
        int block = DEFAULT_BLOCK_MONTHS;
        if (model == PriceModel.BOOTSTRAP) {
            block = c.wholeNumber(p + "blockLengthMonths", si.blockLengthMonths(), DEFAULT_BLOCK_MONTHS, 1, h.returns());
            if (si.volatilityMonthly() != null) {
                c.error(p + "volatilityMonthly", "applies to GBM only: BOOTSTRAP resamples the history's returns as they are");
            }
        } else if (si.blockLengthMonths() != null) {
            c.error(p + "blockLengthMonths", "applies to priceModel BOOTSTRAP only (the price model is " + model + ")");
        }
        double feeSd = c.optional(p + "feeSd", si.feeSd(), 0.0, 0.0, 3.0, "");
        int batches = c.wholeNumber(p + "gapBatches", si.gapBatches(), 5, 0, 30);
        int batchSamples = c.wholeNumber(p + "gapBatchSamples", si.gapBatchSamples(), Math.max(1, n / Math.max(1, batches)), 1, MAX_SAMPLES);
        if (method == SaaSettings.Method.EXTENSIVE && batches > 0 && batchSamples > MAX_EXTENSIVE_SAMPLES) {
            c.error(p + "gapBatchSamples", "each batch is solved as the samples are: EXTENSIVE takes at most " + MAX_EXTENSIVE_SAMPLES);
        }
        int evaluation = c.wholeNumber(p + "evaluationSamples", si.evaluationSamples(), 1000, 0, 20_000);
        int ws = c.wholeNumber(p + "perfectInformationSamples", si.perfectInformationSamples(), Math.min(n, 10), 0, Math.max(0, n));
        double tol = c.optional(p + "toleranceRelative", si.toleranceRelative(), 1e-6, 1e-9, 1e-2, "");
        try {
            c.throwIfAny();
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        StochasticProblem.Cvar cvar = null;
        if (req.cvar() != null) {
            FieldChecks cc = new FieldChecks();
            cvar = cvar(req.cvar(), cc);
            try {
                cc.throwIfAny();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (errors.isEmpty()) {
            List<PlanProblem.PlanOption> os = plans.problem(snap).options();
            for (int j = 0; j < os.size(); j++) {
                if (os.get(j).hasBlocks()) {
                    errors.add(FieldError.of("problem.aiOptions[" + j + "].blockMw", "hall blocks make the plan a MILP, which sampling does not "
                            + "solve yet: leave blockMw out for a sampled plan, or list up to " + MAX_SCENARIOS + " scenarios"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        MonteCarloSettings gen = new MonteCarloSettings(n, seed, 1, sigma, drift, h.meanLogReturnMonthly(), eta, lag, aiSd, 20, model,
                model == PriceModel.BOOTSTRAP ? block : 0, model == PriceModel.BOOTSTRAP ? h.logReturnsMonthly().clone() : null,
                Double.isNaN(feeSd) ? 0.0 : feeSd);
        return new StochasticInput(List.of(), new double[0], List.of(snap), 0, cvar,
                new SaaSettings(gen, method, batches, batchSamples, evaluation, ws, tol));
    }

    public StochasticProblem problem(StochasticInput in) {
        return new StochasticProblem(in.names(), in.probabilities(), in.scenarios().stream().map(plans::problem).toList(), in.baseIndex(), in.cvar());
    }

    /** Validates, stores the QUEUED run with its input snapshot and hands it to a worker; returns the run as stored. */
    public JobView submitMonteCarlo(MonteCarloRequest req) {
        String label = req == null ? null : label(req.label(), req.problem());
        return runner.enqueue(MONTE_CARLO, validate(req), PlanService.tags(req == null ? null : req.problem(), label));
    }

    /** Validates, stores the QUEUED run with its input snapshot and hands it to a worker; returns the run as stored. */
    public JobView submitStochastic(StochasticRequest req) {
        String label = req == null ? null : label(req.label(), req.problem());
        return runner.enqueue(STOCHASTIC, validate(req), PlanService.tags(req == null ? null : req.problem(), label));
    }

    /** The run's label: the request's own, else its problem's; checked, naming the field it came from. */
    private static String label(String own, PlanRequest problem) {
        return own != null ? RunTags.checkedLabel(own, "label")
                : problem == null ? null : RunTags.checkedLabel(problem.label(), "problem.label");
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
