package com.gridpivot.risk.stochastic;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.lp.LpSolver;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.lp.rows.AiBuildRows;
import com.gridpivot.lp.rows.AiContractRows;
import com.gridpivot.lp.rows.TerminalValueRows;
import com.gridpivot.lp.rows.BendersCutRows;
import com.gridpivot.lp.rows.CashCategory;
import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.lp.rows.FleetStockRows;
import com.gridpivot.lp.rows.NpvObjective;
import com.gridpivot.lp.rows.TreasuryRows;
import com.gridpivot.planning.PlanSolver;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.stochastic.StochasticResult.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The L-shaped (Benders) decomposition of the risk-neutral sample-average plan (models/RISK.md): a master LP with the
 * first stage (the plan's FleetStockRows, AiBuildRows, TreasuryRows), the samples' linear cash terms in expectation, one
 * variable θ[m] per month for the expected mining margin and cuts on it ({@link BendersCutRows}); the samples' second
 * stages solved exactly ({@link SampleDispatch}) in parallel. Stops when the master's bound and the best plan's value are
 * within the relative tolerance.
 */
public final class SaaDecomposition {
    private SaaDecomposition() {
    }

    /** @param toleranceRelative stop when UB − LB ≤ tol × max(1, |LB|)  @param timeLimitSeconds for the whole decomposition */
    public record Options(double toleranceRelative, int maxIterations, int threads, double timeLimitSeconds) {
    }

    /**
     * @param status        OPTIMAL (within tolerance), FEASIBLE (stopped with a plan: the bounds say how far), INFEASIBLE, TIMED_OUT, FAILED
     * @param lowerBoundUsd the best plan's expected NPV over the sample (NaN without a plan)
     * @param upperBoundUsd the master's bound: no plan does better over the sample
     */
    public record Outcome(String status, String explanation, double lowerBoundUsd, double upperBoundUsd, int iterations, int optimalityCuts,
                          int feasibilityCuts, FixedPlan plan, List<Decision> decisions, double[] npvUsd, double[] lowestCashUsd,
                          List<Map<String, Double>> cashByCategoryUsd, int variables, int constraints, double buildMs, double solveMs) {
    }

    /** A sample's cash terms that are linear in the first stage (everything but the dispatch), compactly. */
    private record Linear(int[][] index, double[][] coefficient, byte[][] category, int[] npvIndex, double[] npvCoefficient) {
        double cash(int m, double[] x) {
            double s = 0.0;
            for (int e = 0; e < index[m].length; e++) {
                s += coefficient[m][e] * x[index[m][e]];
            }
            return s;
        }

        double npv(double[] x) {
            double s = 0.0;
            for (int e = 0; e < npvIndex.length; e++) {
                s += npvCoefficient[e] * x[npvIndex[e]];
            }
            return s;
        }
    }

    public static Outcome solve(PlanProblem base, MonteCarloSettings mc, int[] paths, Options opt, RunControl control) {
        long t0 = System.nanoTime();
        int n = paths.length;
        double prob = 1.0 / n;
        int months = base.monthCount();
        int fleets = base.fleets().size();
        int options = base.options().size();
        double c = base.interconnectMw();
        double[] pue = SampleDispatch.pue(base);
        double floor = base.cashFloorUsd();
        boolean hasFloor = Double.isFinite(floor);
        MPSolver s = Lp.newSolver(base.solver());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, opt.threads()), r -> {
            Thread t = new Thread(r, "saa");
            t.setDaemon(true);
            return t;
        });
        try {
            FleetStockRows.Asic asic = FleetStockRows.add(s, base, null);
            AiBuildRows.Ai ai = AiBuildRows.add(s, base, null);
            AiBuildRows.addLimits(s, base, ai);
            AiContractRows.Contracts contracts = AiContractRows.add(s, base, null, ai); // first stage: signed once
            MPVariable[] sold = TreasuryRows.add(s, base, null);
            BendersCutRows.addAiSitePower(s, base, ai.reserved());
            // every first-stage variable, indexed
            List<MPVariable> vars = new ArrayList<>();
            Map<MPVariable, Integer> index = new IdentityHashMap<>();
            int[][] kIdx = new int[fleets][months];
            int[][] wIdx = new int[options][months];
            for (int i = 0; i < fleets; i++) {
                for (int m = 0; m < months; m++) {
                    kIdx[i][m] = add(vars, index, asic.kept()[i][m]);
                    add(vars, index, asic.retired()[i][m]);
                    if (asic.bought()[i] != null) {
                        add(vars, index, asic.bought()[i][m]);
                    }
                }
            }
            for (int j = 0; j < options; j++) {
                for (int m = 0; m < months; m++) {
                    add(vars, index, ai.start()[j][m]);
                    wIdx[j][m] = add(vars, index, ai.reserved()[j][m]);
                    add(vars, index, ai.online()[j][m]);
                    if (contracts != null && contracts.has(j)) {
                        add(vars, index, contracts.contracted()[j][m]);
                        add(vars, index, contracts.spotStart()[j][m]);
                        add(vars, index, contracts.spotOnline()[j][m]);
                    }
                }
            }
            if (sold != null) {
                for (MPVariable v : sold) {
                    add(vars, index, v);
                }
            }
            // ---- the samples: blocks and linear terms, in parallel (each sample its own slot)
            SampleDispatch[] disp = new SampleDispatch[n];
            Linear[] lin = new Linear[n];
            parallel(pool, n, control, k -> {
                PlanProblem px = ScenarioSampler.sample(base, mc, paths[k]);
                disp[k] = SampleDispatch.of(px, false);
                lin[k] = linear(px, asic, ai, contracts, sold, index);
            });
            double[] delta = new double[months];
            double[] upper = new double[months];
            for (int m = 0; m < months; m++) {
                delta[m] = base.discountFactor(m);
                for (int k = 0; k < n; k++) {
                    upper[m] += prob * delta[m] * disp[k].monthUpperBoundUsd(m, c, pue);
                }
            }
            MPVariable[] theta = BendersCutRows.addMonthValues(s, base, upper);
            // objective: Σₛ pₛ (linear NPV of s) + Σₘ θ[m], summed in sample order
            double[] expected = new double[vars.size()];
            for (int k = 0; k < n; k++) {
                for (int e = 0; e < lin[k].npvIndex().length; e++) {
                    expected[lin[k].npvIndex()[e]] += prob * lin[k].npvCoefficient()[e];
                }
            }
            Map<MPVariable, Double> obj = new IdentityHashMap<>();
            for (int v = 0; v < expected.length; v++) {
                if (expected[v] != 0.0) {
                    obj.put(vars.get(v), expected[v]);
                }
            }
            for (MPVariable t : theta) {
                obj.put(t, 1.0);
            }
            NpvObjective.setMaximise(s, obj);
            double buildMs = (System.nanoTime() - t0) / 1e6;

            // ---- the cutting-plane loop
            double lb = Double.NEGATIVE_INFINITY;
            double ub = Double.POSITIVE_INFINITY;
            double[] best = null;
            double[][] bestV = null;
            int it = 0;
            int optCuts = 0;
            int feasCuts = 0;
            double solveMs = 0.0;
            String status = null;
            String why = null;
            double limitMs = opt.timeLimitSeconds() * 1000.0;
            double[][] vSm = new double[n][months];
            double[][][] gK = new double[n][months][fleets];
            double[][] gP = new double[n][months];
            double[] lowCash = new double[n];
            int[] lowMonth = new int[n];
            while (true) {
                if (control.cancelled()) {
                    throw new CancellationException("cancelled");
                }
                double elapsed = (System.nanoTime() - t0) / 1e6;
                if (elapsed >= limitMs || it >= opt.maxIterations()) {
                    status = best != null ? "FEASIBLE" : "TIMED_OUT";
                    why = (it >= opt.maxIterations() ? "stopped after " + it + " iterations" : "stopped by the time limit of " + opt.timeLimitSeconds() + " s")
                            + (best != null ? " with the plan's expected NPV between " + Math.round(lb) + " and " + Math.round(ub) + " USD over the sample" : " before any plan kept the cash floor in every sample");
                    break;
                }
                control.solving(s);
                SolveOutcome o;
                try {
                    o = LpSolver.solve(s, base.solver(), Math.max(1.0, (limitMs - elapsed) / 1000.0), PlanSolver.FEASIBILITY_TOLERANCE);
                } finally {
                    control.solving(null);
                }
                solveMs += o.solveMs();
                if (control.cancelled()) {
                    throw new CancellationException("cancelled");
                }
                it++;
                if (o.status() != LpStatus.OPTIMAL) {
                    if (o.status() == LpStatus.INFEASIBLE) {
                        status = "INFEASIBLE";
                        why = "no plan shared by all samples meets every limit in every sample (the cash floor, the contract)";
                    } else {
                        status = best != null ? "FEASIBLE" : (o.status() == LpStatus.TIMED_OUT ? "TIMED_OUT" : "FAILED");
                        why = "the master LP answered " + o.status() + (o.note() != null ? ": " + o.note() : "");
                    }
                    break;
                }
                ub = Math.min(ub, o.objective());
                double[] x = new double[vars.size()];
                for (int v = 0; v < x.length; v++) {
                    x[v] = vars.get(v).solutionValue();
                }
                double[] thetaHat = new double[months];
                for (int m = 0; m < months; m++) {
                    thetaHat[m] = theta[m].solutionValue();
                }
                // second stages of every sample at x̂
                parallel(pool, n, control, k -> {
                    double[] kept = new double[fleets];
                    double[] gp = new double[1];
                    double cash = base.startingCashUsd();
                    double low = Double.POSITIVE_INFINITY;
                    int lowM = 0;
                    for (int m = 0; m < months; m++) {
                        for (int i = 0; i < fleets; i++) {
                            kept[i] = x[kIdx[i][m]];
                        }
                        double power = 0.0;
                        for (int j = 0; j < options; j++) {
                            power += pue(base, j) * x[wIdx[j][m]];
                        }
                        java.util.Arrays.fill(gK[k][m], 0.0);
                        gp[0] = 0.0;
                        vSm[k][m] = disp[k].month(m, kept, power, c, pue, 1.0, gK[k][m], gp, null);
                        gP[k][m] = gp[0];
                        cash += lin[k].cash(m, x) + vSm[k][m];
                        if (cash < low) {
                            low = cash;
                            lowM = m;
                        }
                    }
                    lowCash[k] = low;
                    lowMonth[k] = lowM;
                });
                // the plan's value over the sample, in sample order
                double value = 0.0;
                boolean feasible = true;
                for (int k = 0; k < n; k++) {
                    double v = lin[k].npv(x);
                    for (int m = 0; m < months; m++) {
                        v += delta[m] * vSm[k][m];
                    }
                    value += prob * v;
                    if (hasFloor && lowCash[k] < floor - 1e-6 * Math.max(1.0, Math.abs(floor))) {
                        feasible = false;
                    }
                }
                if (feasible && value > lb) {
                    lb = value;
                    best = x;
                    bestV = new double[n][];
                    for (int k = 0; k < n; k++) {
                        bestV[k] = vSm[k].clone();
                    }
                }
                if (best != null && ub - lb <= opt.toleranceRelative() * Math.max(1.0, Math.abs(lb))) {
                    status = "OPTIMAL";
                    break;
                }
                int added = 0;
                // optimality cuts: one per month whose θ̂ overestimates the sample's expected margin
                for (int m = 0; m < months; m++) {
                    double e = 0.0;
                    double[] gk = new double[fleets];
                    double gp = 0.0;
                    for (int k = 0; k < n; k++) {
                        double w = prob * delta[m];
                        e += w * vSm[k][m];
                        for (int i = 0; i < fleets; i++) {
                            gk[i] += w * gK[k][m][i];
                        }
                        gp += w * gP[k][m];
                    }
                    if (thetaHat[m] > e + 1e-9 * Math.max(1.0, Math.abs(e))) {
                        Map<MPVariable, Double> g = new IdentityHashMap<>();
                        Map<MPVariable, Double> at = new IdentityHashMap<>();
                        for (int i = 0; i < fleets; i++) {
                            g.merge(asic.kept()[i][m], gk[i], Double::sum);
                            at.put(asic.kept()[i][m], x[kIdx[i][m]]);
                        }
                        for (int j = 0; j < options; j++) {
                            g.merge(ai.reserved()[j][m], gp * pue(base, j), Double::sum);
                            at.put(ai.reserved()[j][m], x[wIdx[j][m]]);
                        }
                        BendersCutRows.addOptimalityCut(s, LpNames.of("dispatchCut", base.months().get(m).month().toString(), Integer.toString(it)),
                                theta[m], e, g, at);
                        optCuts++;
                        added++;
                    }
                }
                // feasibility cuts: per sample whose cash fell below the floor, at its lowest month
                if (hasFloor) {
                    for (int k = 0; k < n; k++) {
                        if (lowCash[k] >= floor - 1e-6 * Math.max(1.0, Math.abs(floor))) {
                            continue;
                        }
                        int mm = lowMonth[k];
                        Map<MPVariable, Double> a = new IdentityHashMap<>();
                        double rhs = floor - base.startingCashUsd();
                        for (int m = 0; m <= mm; m++) {
                            for (int e = 0; e < lin[k].index()[m].length; e++) {
                                a.merge(vars.get(lin[k].index()[m][e]), lin[k].coefficient()[m][e], Double::sum);
                            }
                            double lin0 = vSm[k][m];
                            for (int i = 0; i < fleets; i++) {
                                a.merge(asic.kept()[i][m], gK[k][m][i], Double::sum);
                                lin0 -= gK[k][m][i] * x[kIdx[i][m]];
                            }
                            for (int j = 0; j < options; j++) {
                                a.merge(ai.reserved()[j][m], gP[k][m] * pue(base, j), Double::sum);
                                lin0 -= gP[k][m] * pue(base, j) * x[wIdx[j][m]];
                            }
                            rhs -= lin0;
                        }
                        BendersCutRows.addFeasibilityCut(s, LpNames.of("cashCut", "s" + (k + 1), base.months().get(mm).month().toString(),
                                Integer.toString(it)), a, rhs);
                        feasCuts++;
                        added++;
                    }
                }
                if (added == 0) {
                    // nothing to cut: the master's point is the sample's optimum up to the cut tolerance
                    status = best != null ? "OPTIMAL" : "FAILED";
                    if (best == null) {
                        why = "the decomposition found no cut to add and no plan within the cash floor";
                    }
                    break;
                }
                double gapShare = best == null ? 0.0 : Math.min(1.0, opt.toleranceRelative() * Math.max(1.0, Math.abs(lb)) / Math.max(1e-300, ub - lb));
                double timeShare = ((System.nanoTime() - t0) / 1e6) / limitMs;
                control.progress(5 + (int) Math.round(80 * Math.max(Math.min(1.0, timeShare), Math.sqrt(gapShare))));
            }
            int nv = s.numVariables();
            int nc = s.numConstraints();
            if (best == null) {
                return new Outcome(status, why, Double.NaN, ub, it, optCuts, feasCuts, null, List.of(), null, null, null, nv, nc, buildMs, solveMs);
            }
            // ---- read out the best plan
            double[] x = best;
            double[] npv = new double[n];
            double[] low = new double[n];
            List<Map<String, Double>> cats = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                cats.add(null);
            }
            double[][] v = bestV;
            parallel(pool, n, control, k -> {
                PlanProblem px = ScenarioSampler.sample(base, mc, paths[k]);
                SampleDispatch d = SampleDispatch.of(px, true);
                double[] kept = new double[fleets];
                double[] parts = new double[3];
                double cash = base.startingCashUsd();
                double lo = Double.POSITIVE_INFINITY;
                double np = lin[k].npv(x);
                Map<String, Double> tot = new LinkedHashMap<>();
                for (CashCategory cc : CashCategory.values()) {
                    if (cc.isFinancing() || cc.portfolioOnly() || cc.isTax()) {
                        continue; // stochastic plans have no financing sources or tax (rejected at input) and no relocations
                    }
                    tot.put(cc.name(), 0.0);
                }
                for (int m = 0; m < months; m++) {
                    for (int i = 0; i < fleets; i++) {
                        kept[i] = x[kIdx[i][m]];
                    }
                    double power = 0.0;
                    for (int j = 0; j < options; j++) {
                        power += pue(base, j) * x[wIdx[j][m]];
                    }
                    java.util.Arrays.fill(parts, 0.0);
                    double vm = d.month(m, kept, power, c, pue, 0.0, null, null, parts);
                    np += delta[m] * vm;
                    cash += lin[k].cash(m, x) + vm;
                    lo = Math.min(lo, cash);
                    tot.merge(CashCategory.MINING_REVENUE.name(), parts[0], Double::sum);
                    tot.merge(CashCategory.MINING_ENERGY.name(), -parts[1], Double::sum);
                    tot.merge(CashCategory.MINING_OPEX.name(), -parts[2], Double::sum);
                    for (int e = 0; e < lin[k].index()[m].length; e++) {
                        tot.merge(CashCategory.values()[lin[k].category()[m][e]].name(), lin[k].coefficient()[m][e] * x[lin[k].index()[m][e]], Double::sum);
                    }
                }
                npv[k] = np;
                low[k] = lo;
                cats.set(k, tot);
            });
            List<Decision> decisions = new ArrayList<>();
            FixedPlan plan = plan(base, asic, ai, sold, index, x, decisions);
            return new Outcome(status, why, lb, ub, it, optCuts, feasCuts, plan, decisions, npv, low, cats, nv, nc, buildMs, solveMs);
        } finally {
            pool.shutdownNow();
            s.delete();
        }
    }

    private static double pue(PlanProblem p, int j) {
        return p.options().get(j).spec().pue();
    }

    private static int add(List<MPVariable> vars, Map<MPVariable, Integer> index, MPVariable v) {
        index.put(v, vars.size());
        vars.add(v);
        return vars.size() - 1;
    }

    private static Linear linear(PlanProblem px, FleetStockRows.Asic asic, AiBuildRows.Ai ai, AiContractRows.Contracts contracts,
                                 MPVariable[] sold, Map<MPVariable, Integer> index) {
        List<List<Term>> tx = CashRows.newTerms(px.monthCount());
        CashRows.addAsicCash(px, asic, tx);
        CashRows.addAiCash(px, ai, contracts, tx);
        CashRows.addTreasuryCash(px, sold, tx);
        int months = px.monthCount();
        int[][] idx = new int[months][];
        double[][] coef = new double[months][];
        byte[][] cat = new byte[months][];
        for (int m = 0; m < months; m++) {
            List<Term> t = tx.get(m);
            idx[m] = new int[t.size()];
            coef[m] = new double[t.size()];
            cat[m] = new byte[t.size()];
            for (int e = 0; e < t.size(); e++) {
                idx[m][e] = index.get(t.get(e).variable());
                coef[m][e] = t.get(e).coefficientUsd();
                cat[m][e] = (byte) t.get(e).category().ordinal();
            }
        }
        Map<MPVariable, Double> npv = NpvObjective.coefficients(tx, t -> 1.0, px::discountFactor, sold, px.treasuryEndValueUsdPerBtc(),
                TerminalValueRows.terms(px, asic.kept(), contracts, tx));
        int[] ni = new int[npv.size()];
        double[] nc = new double[npv.size()];
        int e = 0;
        for (Map.Entry<MPVariable, Double> en : npv.entrySet()) {
            ni[e] = index.get(en.getKey());
            nc[e] = en.getValue();
            e++;
        }
        // identity-map order is not stable across runs: sort by index so sums are bit-for-bit repeatable
        Integer[] order = new Integer[ni.length];
        for (int q = 0; q < order.length; q++) {
            order[q] = q;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(ni[a], ni[b]));
        int[] si = new int[ni.length];
        double[] sc = new double[ni.length];
        for (int q = 0; q < order.length; q++) {
            si[q] = ni[order[q]];
            sc[q] = nc[order[q]];
        }
        return new Linear(idx, coef, cat, si, sc);
    }

    /** The first-stage decisions at x as a fixed plan and as the answer's decision list. */
    private static FixedPlan plan(PlanProblem p, FleetStockRows.Asic asic, AiBuildRows.Ai ai, MPVariable[] sold, Map<MPVariable, Integer> index,
                                  double[] x, List<Decision> decisions) {
        Map<String, Double> st = new HashMap<>();
        Map<String, Double> ret = new HashMap<>();
        Map<String, Double> buy = new HashMap<>();
        Map<Integer, Double> sl = new HashMap<>();
        for (int m = 0; m < p.monthCount(); m++) {
            String month = p.months().get(m).month().toString();
            for (int j = 0; j < p.options().size(); j++) {
                double v = x[index.get(ai.start()[j][m])];
                if (v > 1e-9) {
                    st.put(FixedPlan.key(p.options().get(j).spec().name(), m), v);
                    decisions.add(new Decision("aiStart", p.options().get(j).spec().name(), month, v));
                }
            }
            for (int i = 0; i < p.fleets().size(); i++) {
                String fn = p.fleets().get(i).spec().name();
                double r = x[index.get(asic.retired()[i][m])];
                if (r > 1e-9) {
                    ret.put(FixedPlan.key(fn, m), r);
                    decisions.add(new Decision("asicRetired", fn, month, r));
                }
                if (asic.bought()[i] != null) {
                    double b = x[index.get(asic.bought()[i][m])];
                    if (b > 1e-9) {
                        buy.put(FixedPlan.key(fn, m), b);
                        decisions.add(new Decision("asicBought", fn, month, b));
                    }
                }
            }
            if (sold != null) {
                double v = x[index.get(sold[m])];
                if (v > 1e-12) {
                    sl.put(m, v);
                    decisions.add(new Decision("treasurySold", "", month, v));
                }
            }
        }
        return new FixedPlan("stochastic", st, ret, buy, sl);
    }

    /** Runs task(k) for k = 0 … n−1 on the pool in contiguous chunks; each task writes only its own slots. */
    static void parallel(ExecutorService pool, int n, RunControl control, IntConsumer task) {
        int chunk = Math.max(1, n / 32);
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < n; from += chunk) {
            int lo = from;
            int hi = Math.min(n, from + chunk);
            futures.add(pool.submit(() -> {
                for (int k = lo; k < hi; k++) {
                    if (control.cancelled()) {
                        return;
                    }
                    task.accept(k);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        if (control.cancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
