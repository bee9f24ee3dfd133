package com.gridpivot.risk.stochastic;

import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.risk.montecarlo.MonteCarloEngine;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.montecarlo.PathEvaluator;
import com.gridpivot.risk.montecarlo.PathSampler;
import com.gridpivot.risk.stochastic.StochasticResult.CvarValue;
import com.gridpivot.risk.stochastic.StochasticResult.Decision;
import com.gridpivot.risk.stochastic.StochasticResult.GapEstimate;
import com.gridpivot.risk.stochastic.StochasticResult.OutOfSample;
import com.gridpivot.risk.stochastic.StochasticResult.SampleAverage;
import com.gridpivot.risk.stochastic.StochasticResult.ScenarioValue;
import com.gridpivot.risk.stochastic.StochasticResult.SolverInfo;
import com.gridpivot.risk.stochastic.StochasticResult.ValueMeasures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sample-average (SAA) stochastic plan (models/RISK.md): N scenarios drawn from the Monte Carlo generator, the
 * two-stage plan over them (decomposition, or the extensive form), then its statistics — the plan on a fresh sample, the
 * Mak–Morton–Wood gap estimate over independent batches, VSS against the centre scenario's plan and EVPI.
 */
public final class SaaEngine {
    private SaaEngine() {
    }

    /** The SAA problem over some paths, solved. */
    public record Solution(String status, String explanation, double valueUsd, double objectiveUsd, double upperBoundUsd, Integer iterations,
                           Integer optimalityCuts, Integer feasibilityCuts, FixedPlan plan, List<Decision> decisions, double[] npvUsd,
                           double[] lowestCashUsd, List<Map<String, Double>> cashByCategoryUsd, CvarValue cvar, SolverInfo solver) {
        boolean hasPlan() {
            return plan != null;
        }
    }

    /** Solves the SAA problem over these paths (risk-neutral unless {@code cvar}; CVaR needs the extensive form). */
    public static Solution solve(PlanProblem base, SaaSettings s, int[] paths, StochasticProblem.Cvar cvar, RunControl control) {
        int n = paths.length;
        MonteCarloSettings mc = s.generator();
        if (s.method() == SaaSettings.Method.DECOMPOSITION && cvar == null) {
            SaaDecomposition.Outcome d = SaaDecomposition.solve(base, mc, paths,
                    new SaaDecomposition.Options(s.toleranceRelative(), 10_000, threads(), base.timeLimitSeconds()), control);
            SolverInfo info = new SolverInfo(base.solver().name() + " master + exact sample subproblems", d.variables(), d.constraints(), d.buildMs(),
                    d.solveMs(), d.iterations());
            return new Solution(d.status(), d.explanation(), d.lowerBoundUsd(), d.lowerBoundUsd(), d.upperBoundUsd(), d.iterations(),
                    d.optimalityCuts(), d.feasibilityCuts(), d.plan(), d.decisions(), d.npvUsd(), d.lowestCashUsd(), d.cashByCategoryUsd(), null, info);
        }
        StochasticProblem sp = extensive(base, mc, paths, cvar);
        StochasticEngine.Solved r = StochasticEngine.solve(sp, false, control);
        String status = StochasticEngine.status(r.outcome());
        SolverInfo info = new SolverInfo(r.outcome().solverName(), r.variables(), r.constraints(), r.buildMs(), r.outcome().solveMs(), 1);
        if (!r.outcome().hasSolution()) {
            return new Solution(status, "the extensive form answered " + r.outcome().status() + (r.outcome().note() != null ? ": " + r.outcome().note() : ""),
                    Double.NaN, Double.NaN, Double.NaN, null, null, null, null, List.of(), null, null, null, null, info);
        }
        double mean = StochasticEngine.expected(sp.probabilities(), r.npvUsd());
        CvarValue cv = null;
        double objective = mean;
        if (cvar != null) {
            double c = StochasticEngine.cvar(sp.probabilities(), r.npvUsd(), cvar.alpha());
            cv = new CvarValue(cvar.alpha(), cvar.weight(), Double.isNaN(cvar.floorUsd()) ? null : cvar.floorUsd(), r.varUsd(), c);
            objective = (1 - cvar.weight()) * mean + cvar.weight() * c;
        }
        return new Solution(status, status.equals("OPTIMAL") ? null : "the time limit ran out with a feasible plan", mean, objective,
                r.outcome().objective(), null, null, null, r.plan(), r.decisions(), r.npvUsd(), r.lowestCashUsd(), r.cashByCategoryUsd(), cv, info);
    }

    /** The extensive form's problem: sample k is scenario "sample k+1" of probability 1/N. */
    public static StochasticProblem extensive(PlanProblem base, MonteCarloSettings mc, int[] paths, StochasticProblem.Cvar cvar) {
        List<PlanProblem> ps = new ArrayList<>(paths.length);
        List<String> names = new ArrayList<>(paths.length);
        double[] p = new double[paths.length];
        for (int k = 0; k < paths.length; k++) {
            ps.add(ScenarioSampler.sample(base, mc, paths[k]));
            names.add(sampleName(k));
            p[k] = 1.0 / paths.length;
        }
        return new StochasticProblem(names, p, ps, 0, cvar);
    }

    static String sampleName(int k) {
        return "sample " + (k + 1);
    }

    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A fixed plan's objective (the horizon's NPV plus the terminal value, as in the SAA objective) and lowest cash on each of
     * these paths (the Monte Carlo's exact evaluator), in path order.
     */
    public static double[][] evaluate(PlanProblem base, MonteCarloSettings mc, FixedPlan plan, int[] paths, RunControl control) {
        PathEvaluator ev = new PathEvaluator(base, List.of(MonteCarloEngine.fullyFixed(plan)));
        double[] btc = ScenarioSampler.scenarioBtcUsd(base);
        double[] npv = new double[paths.length];
        double[] low = new double[paths.length];
        ExecutorService pool = Executors.newFixedThreadPool(threads(), r -> {
            Thread t = new Thread(r, "saa-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            SaaDecomposition.parallel(pool, paths.length, control, k -> {
                PathEvaluator.PathOutcome o = ev.evaluate(PathSampler.draw(mc, btc, paths[k]));
                npv[k] = o.objectiveUsd(0); // the SAA objective's terms: the horizon's NPV plus the terminal value
                low[k] = o.lowestCashUsd()[0];
            });
        } finally {
            pool.shutdownNow();
        }
        return new double[][] {npv, low};
    }

    /** A control whose progress 0 … 100 is mapped onto from … to of the outer one. */
    static RunControl scaled(RunControl outer, int from, int to) {
        return new RunControl() {
            @Override
            public void progress(int percent) {
                outer.progress(from + (to - from) * Math.max(0, Math.min(100, percent)) / 100);
            }

            @Override
            public boolean cancelled() {
                return outer.cancelled();
            }

            @Override
            public void solving(com.google.ortools.linearsolver.MPSolver solver) {
                outer.solving(solver);
            }
        };
    }

    public static StochasticResult run(PlanProblem base, SaaSettings s, StochasticProblem.Cvar cvar, RunControl control) {
        int n = s.samples();
        MonteCarloSettings mc = s.generator();
        control.progress(2);
        Solution sol = solve(base, s, s.samplePaths(), cvar, scaled(control, 2, 55));
        int lpSolves = sol.solver().lpSolves();
        SampleAverageBuilder sa = new SampleAverageBuilder(s, sol);
        if (!sol.hasPlan()) {
            return new StochasticResult(sol.status(), sol.explanation(), null, null, null, List.of(), List.of(), null, sol.solver(), sa.build(null, null, 0, null));
        }
        double floor = base.cashFloorUsd();
        // the risk-neutral RP (with CVaR the plan above is the risk-averse one)
        Solution neutral = sol;
        if (cvar != null) {
            neutral = solve(base, s, s.samplePaths(), null, RunControl.NONE);
            lpSolves += neutral.solver().lpSolves();
        }
        double rp = neutral.valueUsd();
        control.progress(58);
        // EEV: the centre scenario's optimal plan (problem.scenario), its decisions fixed on every sample
        Evaluated centre = PlanEngine.evaluate(base, null, control);
        lpSolves++;
        Double eev = null;
        double[] eevPer = null;
        if (centre.values() != null) {
            FixedPlan cp = MonteCarloEngine.fromValues("centre scenario plan", base, centre.values());
            double[][] e = evaluate(base, mc, cp, s.samplePaths(), control);
            eevPer = e[0];
            boolean breach = false;
            double sum = 0.0;
            for (int k = 0; k < n; k++) {
                sum += e[0][k];
                breach |= Double.isFinite(floor) && e[1][k] < floor - 1e-6 * Math.max(1.0, Math.abs(floor));
            }
            eev = breach ? null : sum / n;
        }
        // the textbook EEV: the plan of the expected-value scenario (the mean of the N samples' inputs) fixed on every sample
        Evaluated evOpt = PlanEngine.evaluate(ExpectedValueScenario.ofSamples(base, mc, s.samplePaths()), null, control);
        lpSolves++;
        Double eevMean = null;
        double[] eevMeanPer = null;
        if (evOpt.values() != null) {
            FixedPlan ep = MonteCarloEngine.fromValues("expected-value scenario plan", evOpt.values().problem, evOpt.values());
            double[][] e = evaluate(base, mc, ep, s.samplePaths(), control);
            eevMeanPer = e[0];
            boolean breach = false;
            double sum = 0.0;
            for (int k = 0; k < n; k++) {
                sum += e[0][k];
                breach |= Double.isFinite(floor) && e[1][k] < floor - 1e-6 * Math.max(1.0, Math.abs(floor));
            }
            eevMean = breach ? null : sum / n;
        }
        control.progress(62);
        // WS and EVPI on the first samples: each sample's own optimum, paired with the plan's NPV there
        int nWs = Math.min(n, s.perfectInformationSamples());
        Double[] ws = new Double[n];
        double[] diff = new double[nWs];
        boolean wsOk = nWs > 0;
        for (int k = 0; k < nWs; k++) {
            Evaluated w = PlanEngine.evaluate(ScenarioSampler.sample(base, mc, k), null, control);
            lpSolves++;
            if (w.values() == null) {
                wsOk = false;
                break;
            }
            ws[k] = w.values().objectiveUsd;
            diff[k] = ws[k] - neutral.npvUsd()[k];
            control.progress(62 + 10 * (k + 1) / nWs);
        }
        Double evpi = null;
        Double evpiSe = null;
        Double wsMean = null;
        if (wsOk) {
            double[] st = meanSd(diff);
            evpi = st[0];
            if (nWs < n) {
                evpiSe = st[1] / Math.sqrt(nWs);
            } else {
                double w = 0.0;
                for (int k = 0; k < n; k++) {
                    w += ws[k];
                }
                wsMean = w / n;
                evpi = wsMean - rp;
            }
        }
        // the plan out of sample
        OutOfSample oos = null;
        if (s.evaluationSamples() > 0) {
            double[][] e = evaluate(base, mc, sol.plan(), s.evaluationPaths(), control);
            double[] st = meanSd(e[0]);
            int breach = 0;
            for (double lo : e[1]) {
                if (Double.isFinite(floor) && lo < floor - 1e-6 * Math.max(1.0, Math.abs(floor))) {
                    breach++;
                }
            }
            double se = st[1] / Math.sqrt(e[0].length);
            oos = new OutOfSample(e[0].length, st[0], se, st[0] - 1.645 * se, (double) breach / e[0].length);
        }
        control.progress(75);
        // Mak–Morton–Wood: independent batches, each solved and the plan evaluated on it
        GapEstimate gap = null;
        if (s.gapBatches() > 0 && cvar == null) {
            double[] g = new double[s.gapBatches()];
            for (int b = 0; b < s.gapBatches(); b++) {
                int[] bp = s.batchPaths(b);
                Solution sb = solve(base, s, bp, null, RunControl.NONE);
                lpSolves += sb.solver().lpSolves();
                if (!sb.hasPlan()) {
                    g = null;
                    break;
                }
                double[][] e = evaluate(base, mc, sol.plan(), bp, control);
                g[b] = sb.valueUsd() - meanSd(e[0])[0];
                control.progress(75 + 24 * (b + 1) / s.gapBatches());
            }
            if (g != null) {
                double[] st = meanSd(g);
                gap = new GapEstimate(g.length, s.gapBatchSamples(), st[0], st[1], st[0] + tQuantile95(g.length - 1) * st[1] / Math.sqrt(g.length));
            }
        }
        List<ScenarioValue> scen = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            scen.add(new ScenarioValue(sampleName(k), 1.0 / n, sol.npvUsd()[k], sol.lowestCashUsd()[k], sol.cashByCategoryUsd().get(k), ws[k],
                    eevPer == null ? null : eevPer[k], eevMeanPer == null ? null : eevMeanPer[k]));
        }
        Double vss = eev == null ? null : rp - eev;
        Double vssMean = eevMean == null ? null : rp - eevMean;
        String note = "sample-average measures over the " + n + " samples; "
                + StochasticEngine.valueNote("the centre scenario's plan (problem.scenario)", "each sample", eev == null && centre.values() != null,
                        evOpt.values() == null, eevMean == null)
                + (nWs < n ? "; EVPI estimated as the mean of NPV*(s) − NPV(s) over the first " + nWs + " samples (standard error in sampling)" : "");
        control.progress(100);
        StochasticResult.SolverInfo info = new SolverInfo(sol.solver().solver(), sol.solver().variables(), sol.solver().constraints(),
                sol.solver().buildMs(), sol.solver().solveMs(), lpSolves);
        return new StochasticResult(sol.status(), sol.explanation(), sol.valueUsd(), sol.objectiveUsd(), sol.cvar(), scen, sol.decisions(),
                new ValueMeasures("centre scenario (problem.scenario)", rp, eev, wsMean, vss, evpi, note,
                        evOpt.values() == null ? null : evOpt.values().objectiveUsd, eevMean, vssMean), info, sa.build(oos, gap, nWs, evpiSe));
    }

    private record SampleAverageBuilder(SaaSettings s, Solution sol) {
        SampleAverage build(OutOfSample oos, GapEstimate gap, int nWs, Double evpiSe) {
            return new SampleAverage(s.samples(), s.generator().seed(), s.method() == SaaSettings.Method.DECOMPOSITION && sol.cvar() == null
                    && sol.iterations() != null ? "DECOMPOSITION" : "EXTENSIVE", sol.iterations(), sol.optimalityCuts(), sol.feasibilityCuts(),
                    sol.valueUsd(), sol.upperBoundUsd(), s.toleranceRelative(), oos, gap, nWs, evpiSe);
        }
    }

    /** {mean, sample sd (0 for one value)}. */
    static double[] meanSd(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0.0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return new double[] {m, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0.0};
    }

    private static final double[] T95 = {Double.NaN, 6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782, 1.771,
        1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697};

    /** One-sided 95 % quantile of Student's t with df degrees of freedom (df = 0: +∞, one batch says nothing of its spread). */
    static double tQuantile95(int df) {
        if (df <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return df < T95.length ? T95[df] : df <= 60 ? 1.671 : df <= 120 ? 1.658 : 1.645;
    }
}
