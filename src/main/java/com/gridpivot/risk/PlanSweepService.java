package com.gridpivot.risk;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.PlanService;
import com.gridpivot.planning.input.PlanProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** Sweeps, the pivot frontier and tornados of a multi-year plan (models/RISK.md, "Sweeps of a plan"). */
@ApplicationScoped
public class PlanSweepService {
    /** The frontier is located to this fraction of the axis range (each step costs ~17 plan solves). */
    static final double FRONTIER_TOLERANCE = 1e-5;
    /**
     * AI MW closer than this are the same step: a plan's optimum moves through many vertices (cash floor, conversion rate),
     * and GLOP's answers differ in the 7th digit between bases.
     */
    static final double FRONTIER_SAME_MW = 1e-4;
    /** At most this many frontier steps are located. */
    static final int FRONTIER_MAX_STEPS = 20;

    private final SweepService sweeps;
    private final PlanService plans;

    public PlanSweepService(SweepService sweeps, PlanService plans) {
        this.sweeps = sweeps;
        this.plans = plans;
    }

    /**
     * What a plan sweep job stores: the plan as a plan run stores it (scenario inline, replayed prices copied), the axes
     * and the tornado.
     */
    public record Snapshot(PlanService.PlanRunInput plan, List<SweepRequest.Axis> axes, SweepRequest.Tornado tornado) {
    }

    /** A validated plan sweep, ready to run. */
    public record Validated(Snapshot snapshot, ParametricPlan parametric, List<SweepInput> axes, List<double[]> axisValues,
                            List<SweepInput> tornadoInputs, double tornadoDelta) {
        public int points() {
            return axisValues.stream().mapToInt(a -> a.length).reduce(1, (a, b) -> a * b);
        }

        /** LPs of the batch: the grid, two per tornado input and the base. */
        public int solves() {
            return points() + 2 * tornadoInputs.size() + 1;
        }
    }

    /** Validates a request with a plan: 400 listing every invalid field (the plan's as {@code plan.…}). */
    public Validated validate(SweepRequest req) {
        FieldChecks c = new FieldChecks();
        if (req == null) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        if (req.allocation() != null) {
            c.error("plan", "give allocation (a what-if) or plan (a pivot plan), not both");
        }
        if (req.plan() == null) {
            c.error("plan", "is required: the pivot plan to sweep, as the body of POST /api/v1/plans/runs");
        }
        if (req.baseBtcPriceUsd() != null) {
            c.error("baseBtcPriceUsd", "applies to a what-if only; a plan's BTC price path comes from its scenario (sweep BTC_PRICE_SCALE)");
        }
        if (req.plan() != null && req.plan().wantsBridge()) {
            c.error("plan.explain.bridge", "the What-if → plan bridge is computed for plan runs and comparisons only, not for each point "
                    + "of a sweep; leave it out here");
        }
        PlanService.PlanRunInput input = null;
        if (req.plan() != null) {
            try {
                input = plans.snapshot(req.plan());
            } catch (InvalidRequestException e) {
                e.errors().forEach(err -> c.error(err.field().isEmpty() ? "plan" : "plan." + err.field(), err.reason()));
            }
        }
        return validated(c, input, req);
    }

    /** Re-validates a stored snapshot (a job's input). */
    public Validated validate(Snapshot s) {
        return validated(new FieldChecks(), s.plan(), new SweepRequest(null, null, null, s.axes(), s.tornado()));
    }

    private Validated validated(FieldChecks c, PlanService.PlanRunInput input, SweepRequest req) {
        PlanProblem base = input == null ? null : plans.problem(input);
        SweepService.Grid g = sweeps.grid(c, req, (checks, field, in) -> {
            if (in == SweepInput.BTC_PRICE_USD) {
                checks.error(field, "applies to a what-if only; a plan has a BTC price path: sweep BTC_PRICE_SCALE (a factor on the path)");
            }
            if (in == SweepInput.ANCILLARY_PRICE_SCALE) {
                checks.error(field, "applies to a what-if with site.ancillary only; plans have no ancillary services");
            }
            if (in == SweepInput.SB6_CURTAILMENT_HOURS || in == SweepInput.COINCIDENT_PEAKS) {
                checks.error(field, "applies to a what-if only (site.forcedCurtailment, site.fourCp); plans have no curtailment order "
                        + "or coincident-peak charge");
            }
        });
        List<SweepInput> tornado = g.tornado() != null ? g.tornado() : base != null && g.wantTornado() ? defaultTornado(base) : List.of();
        c.throwIfAny();
        return new Validated(new Snapshot(input, req.axes(), req.tornado()), new ParametricPlan(base), g.axes(), g.axisValues(), tornado,
                g.tornadoDelta());
    }

    /**
     * Solves the grid, the tornado's points and the base in one batch (one re-used model per worker), then the frontier of a
     * one-axis sweep by bisection (one re-used model per (hashprice, energy) pair).
     */
    public PlanSweepResult run(Validated v, int threads, IntConsumer progress, BooleanSupplier cancelled) {
        return run(v, threads, progress, cancelled, percent -> {
        });
    }

    /**
     * As {@link #run(Validated, int, IntConsumer, BooleanSupplier)}, with the frontier's bisection reported too.
     *
     * @param progress        points of the batch done so far
     * @param frontierPercent 0–99: bisection solves done against the estimate of {@link #frontierSolves} (one-axis sweeps)
     */
    public PlanSweepResult run(Validated v, int threads, IntConsumer progress, BooleanSupplier cancelled, IntConsumer frontierPercent) {
        long start = System.nanoTime();
        PlanSweepSolver.Outcome o = solvePoints(v, 0, v.solves(), threads, progress, cancelled);
        return finish(v, o.points(), o.hourBlocks(), o.sharedModel(), o.models(), o.threads(), o.times(), start, cancelled, frontierPercent);
    }

    /**
     * The bisection's solves expected from the grid: each interval whose two ends differ in AI MW is halved until it is
     * narrower than the tolerance, ⌈log₂(width / (FRONTIER_TOLERANCE · range))⌉ solves (one more bisection per further jump
     * found inside it, not foreseen); at least 1.
     */
    static int frontierSolves(double[] values, double[] aiMw) {
        double tol = FRONTIER_TOLERANCE * Math.abs(values[values.length - 1] - values[0]);
        int n = 0;
        for (int k = 1; k < values.length; k++) {
            if (!Double.isNaN(aiMw[k - 1]) && !Double.isNaN(aiMw[k]) && Math.abs(aiMw[k - 1] - aiMw[k]) > FRONTIER_SAME_MW && tol > 0) {
                n += (int) Math.ceil(Math.log(Math.abs(values[k] - values[k - 1]) / tol) / Math.log(2));
            }
        }
        return Math.max(1, n);
    }

    /** Every LP of the batch, in order: the grid, each tornado input's low and high point, and the base (last). */
    public List<Map<SweepInput, Double>> batch(Validated v) {
        ParametricPlan pp = v.parametric();
        List<Map<SweepInput, Double>> all = new ArrayList<>(SweepService.combinations(v.axes(), v.axisValues()));
        for (SweepInput in : v.tornadoInputs()) {
            double b = pp.baseValue(in);
            all.add(Map.of(in, b * (1 - v.tornadoDelta())));
            all.add(Map.of(in, b * (1 + v.tornadoDelta())));
        }
        all.add(Map.of());
        return all;
    }

    /**
     * Solves the batch's LPs {@code from} (inclusive) to {@code to} (exclusive): the whole batch, or one chunk of it in
     * cluster mode (its shared blocks refined over its own points: exact at each of them).
     */
    public PlanSweepSolver.Outcome solvePoints(Validated v, int from, int to, int threads, IntConsumer progress, BooleanSupplier cancelled) {
        return PlanSweepSolver.solve(v.parametric(), batch(v).subList(from, to), threads, progress, cancelled);
    }

    /**
     * The answer from the batch's results ({@link #batch} order; null where a cancel stopped before a point): the tornado
     * from its points, then the frontier of a one-axis sweep by bisection here (one re-used model per (hashprice, energy) pair).
     */
    public PlanSweepResult finish(Validated v, PlanSweepPointResult[] r, int hourBlocks, boolean sharedModel, int models, int threads,
                                  SweepTimes times, long start, BooleanSupplier cancelled) {
        return finish(v, r, hourBlocks, sharedModel, models, threads, times, start, cancelled, percent -> {
        });
    }

    /** As above, reporting the frontier's bisection as 0–99 % of its expected solves ({@link #frontierSolves}). */
    public PlanSweepResult finish(Validated v, PlanSweepPointResult[] r, int hourBlocks, boolean sharedModel, int models, int threads,
                                  SweepTimes times, long start, BooleanSupplier cancelled, IntConsumer frontierPercent) {
        ParametricPlan pp = v.parametric();
        int gridSize = v.points();
        List<PlanSweepPointResult> points = Arrays.stream(r, 0, gridSize).filter(p -> p != null).toList();
        List<SweepResult.TornadoBar> tornado = null;
        if (!v.tornadoInputs().isEmpty() && Arrays.stream(r, gridSize, r.length).allMatch(p -> p != null)) {
            tornado = new ArrayList<>();
            for (int k = 0; k < v.tornadoInputs().size(); k++) {
                PlanSweepPointResult lo = r[gridSize + 2 * k];
                PlanSweepPointResult hi = r[gridSize + 2 * k + 1];
                SweepInput in = v.tornadoInputs().get(k);
                double nLo = lo.npvOrNaN();
                double nHi = hi.npvOrNaN();
                tornado.add(new SweepResult.TornadoBar(in.name(), lo.values().get(in.name()), hi.values().get(in.name()), nLo, nHi,
                        Math.abs(nHi - nLo)));
            }
            tornado.sort(java.util.Comparator.comparingDouble(SweepResult.TornadoBar::swingUsd).reversed());
        }
        List<SweepResult.FrontierStep> frontier = null;
        String note;
        if (v.axes().size() != 1) {
            note = "no frontier: it is given for a one-axis sweep";
        } else if (points.size() < gridSize || cancelled.getAsBoolean()) {
            note = "no frontier: the sweep was cancelled";
        } else {
            SweepInput in = v.axes().get(0);
            double[] values = points.stream().mapToDouble(p -> p.values().get(in.name())).toArray();
            double[] ai = points.stream().mapToDouble(PlanSweepPointResult::aiMwOrNaN).toArray();
            // Bisection re-uses one model while the input leaves the merit orders alone (lease, colocation, capex, rate).
            Frontier.Found found;
            int expected = frontierSolves(values, ai);
            int[] solved = {0};
            try (PlanSweepSolver.Session session = new PlanSweepSolver.Session(pp, null)) {
                found = Frontier.locate(in, values, ai, x -> {
                    double mw = session.solve(Map.of(in, x)).aiMwOrNaN();
                    frontierPercent.accept((int) Math.min(99, 100L * ++solved[0] / expected));
                    return mw;
                }, FRONTIER_TOLERANCE, FRONTIER_SAME_MW, true, FRONTIER_MAX_STEPS, cancelled);
            }
            frontier = found.steps();
            note = "jumps of the AI IT MW online at the horizon's end, each located by bisection on plan solves to "
                    + FRONTIER_TOLERANCE + " of the range" + (frontier.size() >= FRONTIER_MAX_STEPS
                    ? "; cut short after " + FRONTIER_MAX_STEPS + " steps (sweep a narrower range for the rest)" : "")
                    + (found.ramps().isEmpty() ? "" : "; " + String.join("; ", found.ramps()));
        }
        return new PlanSweepResult(r[r.length - 1], points, frontier, note, tornado,
                times.stats(points.size(), hourBlocks, sharedModel, threads, start), models);
    }

    /** Every input that moves this plan's NPV. */
    static List<SweepInput> defaultTornado(PlanProblem p) {
        List<SweepInput> out = new ArrayList<>();
        if (!p.fleets().isEmpty() || p.treasuryBtc() > 0) {
            out.add(SweepInput.BTC_PRICE_SCALE);
        }
        if (p.options().stream().anyMatch(o -> o.spec().revenueBasis() == RevenueBasis.GPU_LEASE)) {
            out.add(SweepInput.GPU_LEASE_SCALE);
        }
        if (p.options().stream().anyMatch(o -> o.spec().revenueBasis() == RevenueBasis.COLOCATION)) {
            out.add(SweepInput.COLOCATION_SCALE);
        }
        out.add(SweepInput.ENERGY_PRICE_SCALE);
        if (p.options().stream().anyMatch(o -> o.spec().capexUsdPerMw() > 0)) {
            out.add(SweepInput.CAPEX_SCALE);
        }
        if (p.discountRate() > 0) {
            out.add(SweepInput.DISCOUNT_RATE);
        }
        return out;
    }
}
