package com.gridpivot.risk;

import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.lp.rows.CashCategory;
import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.lp.rows.NpvObjective;
import com.gridpivot.planning.model.MonthBlock;
import com.gridpivot.planning.model.MonthBlocks;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import com.gridpivot.planning.PlanSolver;
import com.gridpivot.lp.RunControl;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Solves many variants of one plan (models/RISK.md, "Sweeps of a plan"). Every sweep input is a factor on one group of
 * cash-flow coefficients or the discount rate, so a built plan LP takes a point by setCoefficient alone: the objective's
 * and the cash-balance rows' coefficients change, bounds and right-hand sides do not, and GLOP re-starts from the previous
 * basis. Only the month blocks depend on the point, through the hashprice and energy scales (they move a month's merit
 * order). Two modes:
 * <ul>
 *   <li>shared: blocks refined over every distinct (hashprice, energy) scale pair of the points are exact at every point;
 *       one model per worker serves all its points — while they stay within {@link SweepSolver#SHARED_MODEL_MAX_GROWTH}
 *       times the base's own blocks;</li>
 *   <li>per pair: otherwise the points are ordered by their pair and a worker builds one model per pair (that pair's own
 *       exact blocks) and re-uses it for every point with that pair (other inputs: lease, colocation, capex, discount
 *       rate). A BTC-price sweep, every point its own pair, builds one model per point.</li>
 * </ul>
 */
public final class PlanSweepSolver {
    private PlanSweepSolver() {
    }

    /**
     * @param points      one result per point asked, in order; null where a cancel stopped before it
     * @param hourBlocks  Σ over months of the blocks of the shared model, or of the base's own model
     * @param sharedModel whether one model (per worker) served all points
     * @param models      plan LPs built (per worker in shared mode; per pair run otherwise)
     * @param threads     workers used
     */
    public record Outcome(PlanSweepPointResult[] points, int hourBlocks, boolean sharedModel, int models, int threads, SweepTimes times) {
    }

    public static Outcome solve(ParametricPlan pp, List<Map<SweepInput, Double>> points, int threads, IntConsumer progress,
                                BooleanSupplier cancelled) {
        return solve(pp, points, threads, progress, cancelled, SweepSolver.SHARED_MODEL_MAX_GROWTH);
    }

    /**
     * As above with the growth rule given (benchmarks, tests): the shared model is used while its blocks are at most
     * {@code maxGrowth} times the base's own; 0 always solves per pair (an HOURLY plan's
     * hourly blocks are exact at every point: always shared).
     */
    public static Outcome solve(ParametricPlan pp, List<Map<SweepInput, Double>> points, int threads, IntConsumer progress,
                                BooleanSupplier cancelled, int maxGrowth) {
        PlanProblem base = pp.base();
        List<ParametricPlan.Factors> factors = points.stream().map(pp::factors).toList();
        List<List<MonthBlock>> own = PlanModelBuilder.blocks(base);
        int ownCount = count(own);
        long maxBlocks = (long) maxGrowth * Math.max(1, ownCount);
        List<List<MonthBlock>> blocks = base.hourModel() == HourModel.HOURLY ? own : maxGrowth <= 0 ? null
                : refined(base, factors, (int) Math.min(Integer.MAX_VALUE, maxBlocks));
        boolean shared = blocks != null;
        int n = points.size();
        // Per pair: points with the same (hashprice, energy) scales next to each other, so that a worker re-uses its model.
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        if (!shared) {
            java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingDouble(k -> factors.get(k).hashpriceScale())
                    .thenComparingDouble(k -> factors.get(k).energyScale()));
        }
        PlanSweepPointResult[] out = new PlanSweepPointResult[n];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger models = new AtomicInteger();
        SweepTimes times = new SweepTimes();
        int workers = PointWorkers.run(n, threads, "plan-sweep-worker", (from, to) -> {
            try (Session session = new Session(pp, blocks, times)) {
                for (int q = from; q < to && !cancelled.getAsBoolean(); q++) {
                    int k = order[q];
                    out[k] = session.solve(points.get(k));
                    progress.accept(done.incrementAndGet());
                }
                models.addAndGet(session.modelsBuilt());
            }
        });
        return new Outcome(out, shared ? count(blocks) : ownCount, shared, models.get(), workers, times);
    }

    /**
     * One thread's plan LP, re-used from point to point: with shared blocks one model for every point; without, one model
     * per (hashprice, energy) pair, rebuilt when the pair changes. Owns its MPSolver: close it.
     */
    public static final class Session implements AutoCloseable {
        private final ParametricPlan pp;
        private final List<List<MonthBlock>> sharedBlocks;
        private final Map<MPVariable, PlanOption> optionOf = new IdentityHashMap<>();
        private PlanModel model;
        private List<Double> modelPair;
        private int built;
        private final SweepTimes times;

        /**
         * @param sharedBlocks blocks exact at every point this session will solve, or null for one model per pair (an
         *                     HOURLY plan's hourly blocks are exact at every point: one model then)
         */
        public Session(ParametricPlan pp, List<List<MonthBlock>> sharedBlocks) {
            this(pp, sharedBlocks, new SweepTimes());
        }

        Session(ParametricPlan pp, List<List<MonthBlock>> sharedBlocks, SweepTimes times) {
            this.pp = pp;
            this.times = times;
            this.sharedBlocks = sharedBlocks == null && pp.base().hourModel() == HourModel.HOURLY ? PlanModelBuilder.blocks(pp.base()) : sharedBlocks;
        }

        public PlanSweepPointResult solve(Map<SweepInput, Double> values) {
            ParametricPlan.Factors f = pp.factors(values);
            List<Double> pair = List.of(f.hashpriceScale(), f.energyScale());
            long t0 = System.nanoTime();
            if (model == null || (sharedBlocks == null && !pair.equals(modelPair))) {
                close();
                PlanProblem base = pp.base();
                model = PlanModelBuilder.build(base, null, sharedBlocks != null ? sharedBlocks : refined(base, List.of(f), Integer.MAX_VALUE));
                built++;
                modelPair = pair;
                for (int j = 0; j < base.options().size(); j++) {
                    for (MPVariable v : model.online()[j]) {
                        optionOf.put(v, base.options().get(j));
                    }
                    if (model.contracts() != null && model.contracts().has(j)) { // spot MW and renewals earn the market rate
                        for (MPVariable v : model.contracts().spotOnline()[j]) {
                            optionOf.put(v, base.options().get(j));
                        }
                        for (MPVariable v : model.contracts().contracted()[j]) {
                            optionOf.put(v, base.options().get(j));
                        }
                    }
                }
            }
            apply(model, f, optionOf);
            times.build(t0);
            times.model(model.solver().numVariables(), model.solver().numConstraints());
            SolveOutcome solved = PlanSolver.solve(model, RunControl.NONE).outcome();
            times.addSolveMs(solved.solveMs());
            return read(model, solved, SweepService.label(values));
        }

        public int modelsBuilt() {
            return built;
        }

        @Override
        public void close() {
            if (model != null) {
                model.close();
                model = null;
                optionOf.clear();
            }
        }
    }

    /** One plan solved on its own: the plan at these values, built with its own exact blocks (as a plan run). */
    public static PlanSweepPointResult single(ParametricPlan pp, Map<SweepInput, Double> values) {
        try (PlanModel m = PlanModelBuilder.build(pp.at(values), null)) {
            return read(m, PlanSolver.solve(m, RunControl.NONE).outcome(), SweepService.label(values));
        }
    }

    /**
     * Sets the coefficients of one point on a model built for the base: every cash-flow term c of month m becomes s·c with
     * s its category's factor (for AI revenue, its option's basis), the cash-balance rows take −Σ s·c, and the objective
     * Σₘ Σ δ(c,m)(r) s·c (capex from the month's start) − δ_{M−1}(r) · P_{M−1} · s_btc · Σ T[m].
     */
    static void apply(PlanModel m, ParametricPlan.Factors f, Map<MPVariable, PlanOption> optionOf) {
        PlanProblem p = m.problem();
        java.util.function.ToDoubleFunction<CashRows.Term> scale =
                t -> t.category() == CashCategory.AI_REVENUE ? f.aiRevenue(optionOf.get(t.variable())) : f.of(t.category());
        List<Map<MPVariable, Double>> flows = CashRows.flows(m.terms(), scale);
        CashRows.setBalance(m.cashBalance(), flows);
        // the debt-to-EBITDA covenant tests the point's EBITDA, not the base's
        com.gridpivot.lp.rows.CovenantRows.setScaled(m.financing().covenants(), p, m.terms(), m.financing().debt(), scale);
        if (m.financing().tax() != null) { // taxable income moves with the point's scaled terms (models/PLANS.md, "Taxes")
            com.gridpivot.lp.rows.TaxRows.setIncome(m.financing().tax(), com.gridpivot.lp.rows.TaxRows.income(p, m.financing().tax(), m.terms(), scale));
        }
        int last = p.monthCount() - 1;
        double end = f.discountFactor(last) * p.months().get(last).btcPriceUsd() * f.btcPriceScale();
        NpvObjective.setMaximise(m.solver(), NpvObjective.coefficients(m.terms(), scale, f::discountFactor, m.sold(), end, m.terminal()));
    }

    /** Reads the MW the sweep reports out of a solved model. */
    static PlanSweepPointResult read(PlanModel m, SolveOutcome o, Map<String, Double> label) {
        PlanProblem p = m.problem();
        if (!o.hasSolution()) {
            return new PlanSweepPointResult(label, o.status(), null, null, null, null, null, null, Map.of(), Map.of());
        }
        int last = p.monthCount() - 1;
        Map<String, Double> ai = new LinkedHashMap<>();
        double aiEnd = 0.0;
        double startedEnd = 0.0;
        for (int j = 0; j < p.options().size(); j++) {
            double v = Math.max(0.0, m.online()[j][last].solutionValue());
            ai.put(p.options().get(j).spec().name(), v);
            aiEnd += v;
            startedEnd += Math.max(0.0, m.reserved()[j][last].solutionValue());
        }
        String firstAi = null;
        for (int month = 0; month <= last && firstAi == null; month++) {
            double online = 0.0;
            for (int j = 0; j < p.options().size(); j++) {
                online += m.online()[j][month].solutionValue();
            }
            if (online > 1e-6) {
                firstAi = p.months().get(month).month().toString();
            }
        }
        Map<String, Double> asic = new LinkedHashMap<>();
        double asicPeak = 0.0;
        for (int month = 0; month <= last; month++) {
            double kept = 0.0;
            for (int i = 0; i < p.fleets().size(); i++) {
                kept += m.kept()[i][month].solutionValue();
            }
            asicPeak = Math.max(asicPeak, kept);
        }
        double asicEnd = 0.0;
        for (int i = 0; i < p.fleets().size(); i++) {
            double v = Math.max(0.0, m.kept()[i][last].solutionValue());
            asic.put(p.fleets().get(i).spec().name(), v);
            asicEnd += v;
        }
        return new PlanSweepPointResult(label, o.status(), o.objective(), aiEnd, startedEnd, asicEnd, asicPeak, firstAi, ai, asic);
    }

    /**
     * Month blocks exact at every point: refined over the distinct (hashprice scale, energy scale) pairs of the points (the
     * other inputs do not touch a month's merit order). Null when they exceed {@code maxBlocks} in all, or after three or
     * more months are on course for twice that.
     */
    static List<List<MonthBlock>> refined(PlanProblem base, List<ParametricPlan.Factors> factors, int maxBlocks) {
        Set<List<Double>> pairs = new LinkedHashSet<>();
        for (ParametricPlan.Factors f : factors) {
            pairs.add(List.of(f.hashpriceScale(), f.energyScale()));
        }
        List<List<MonthBlock>> out = new ArrayList<>(base.monthCount());
        int total = 0;
        for (MonthData md : base.months()) {
            List<FleetSpec> specs = base.fleetSpecsIn(out.size()); // month m's fleets (degradation)
            List<MonthData> variants = pairs.stream().map(pair -> new MonthData(md.month(),
                    ParametricAllocation.scaled(md.priceUsdPerMwh(), pair.get(1)),
                    ParametricAllocation.scaled(md.hashpriceUsdPerPhDay(), pair.get(0)), md.btcPriceUsd(), md.feeShareOfHashprice())).toList();
            List<MonthBlock> month = MonthBlocks.refined(md, variants, specs);
            total += month.size();
            // Stop early when the months so far, extrapolated, would pass twice the limit (refining is the costly part).
            long projected = (long) total * base.monthCount() / (out.size() + 1);
            if (total > maxBlocks || (out.size() >= 2 && projected > 2L * maxBlocks)) {
                return null;
            }
            out.add(month);
        }
        return out;
    }

    private static int count(List<List<MonthBlock>> blocks) {
        return blocks.stream().mapToInt(List::size).sum();
    }
}
