package com.gridpivot.risk.montecarlo;

import com.gridpivot.lp.LpStatus;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanValues;
import com.gridpivot.lp.RunControl;
import com.gridpivot.risk.montecarlo.MonteCarloResult.Headline;
import com.gridpivot.risk.montecarlo.MonteCarloResult.Histogram;
import com.gridpivot.risk.montecarlo.MonteCarloResult.PlanDistribution;
import com.gridpivot.risk.montecarlo.MonteCarloResult.Stats;
import com.gridpivot.risk.montecarlo.MonteCarloSettings.DriftMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Monte Carlo evaluation of fixed plans: N seeded price paths, each plan's decisions fixed, dispatch only. Paths are split
 * into chunks over a fixed pool of {@code threads} workers; every path writes only its own slot, and all statistics are
 * computed afterwards in path order — so the answer is bit-identical for any thread count.
 */
public final class MonteCarloEngine {
    public static final String BASELINE = "stay on Bitcoin (fixed)";
    static final int CHUNK = 16;

    private MonteCarloEngine() {
    }

    /**
     * Raw per-path numbers, [plan][path] (plans in input order, the baseline last): the horizon's NPV, the lowest cash and
     * its month, and the terminal value at the horizon's end (zeros with method NONE).
     */
    public record Raw(List<String> names, double[][] npvUsd, double[][] lowestCashUsd, int[][] lowestCashMonth, double[][] terminalValueUsd) {
    }

    /** Every decision fixed: a null map of a FixedPlan (left to the optimizer in /plans/compare) becomes "none". */
    public static FixedPlan fullyFixed(FixedPlan f) {
        return new FixedPlan(f.name(), f.aiStartsMw() == null ? Map.of() : f.aiStartsMw(),
                f.asicRetiredMw() == null ? Map.of() : f.asicRetiredMw(), f.asicBoughtMw() == null ? Map.of() : f.asicBoughtMw(),
                f.treasurySoldBtc() == null ? Map.of() : f.treasurySoldBtc(), f.aiContractedMw() == null ? Map.of() : f.aiContractedMw());
    }

    public static FixedPlan stayOnBitcoinFixed() {
        return new FixedPlan(BASELINE, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The decisions of a solved plan as a fixed plan (starts, retirements, purchases, sales; values below 1e-9 dropped). */
    public static FixedPlan fromValues(String name, PlanProblem p, PlanValues v) {
        Map<String, Double> ai = new HashMap<>();
        Map<String, Double> ret = new HashMap<>();
        Map<String, Double> buy = new HashMap<>();
        Map<Integer, Double> sold = new HashMap<>();
        for (int m = 0; m < p.monthCount(); m++) {
            for (int j = 0; j < p.options().size(); j++) {
                if (v.startedMw[j][m] > 1e-9) {
                    ai.put(FixedPlan.key(p.options().get(j).spec().name(), m), v.startedMw[j][m]);
                }
            }
            for (int i = 0; i < p.fleets().size(); i++) {
                if (v.retiredMw[i][m] > 1e-9) {
                    ret.put(FixedPlan.key(p.fleets().get(i).spec().name(), m), v.retiredMw[i][m]);
                }
                if (v.boughtMw[i][m] > 1e-9) {
                    buy.put(FixedPlan.key(p.fleets().get(i).spec().name(), m), v.boughtMw[i][m]);
                }
            }
            if (v.soldBtc[m] > 1e-12) {
                sold.put(m, v.soldBtc[m]);
            }
        }
        Map<String, Double> contracted = new HashMap<>();
        for (int j = 0; v.contractedMw != null && j < p.options().size(); j++) {
            for (int m = 0; v.contractedMw[j] != null && m < p.monthCount(); m++) {
                if (v.contractedMw[j][m] > 1e-9) {
                    contracted.put(FixedPlan.key(p.options().get(j).spec().name(), m), v.contractedMw[j][m]);
                }
            }
        }
        return new FixedPlan(name, ai, ret, buy, sold, contracted);
    }

    /** Per-path numbers only (no LP): the plans must be feasible at the base scenario (see {@link #run}). */
    public static Raw simulate(PlanProblem p, List<FixedPlan> plans, MonteCarloSettings s, RunControl control) {
        List<FixedPlan> all = new ArrayList<>();
        plans.forEach(f -> all.add(fullyFixed(f)));
        all.add(stayOnBitcoinFixed());
        PathEvaluator ev = new PathEvaluator(p, all);
        int q = all.size();
        int n = s.paths();
        double[][] npv = new double[q][n];
        double[][] low = new double[q][n];
        int[][] lowMonth = new int[q][n];
        double[][] terminal = new double[q][n];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.threads()), r -> {
            Thread t = new Thread(r, "montecarlo");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < n; from += CHUNK) {
                int lo = from;
                int hi = Math.min(n, from + CHUNK);
                futures.add(pool.submit(() -> {
                    for (int k = lo; k < hi; k++) {
                        if (control.cancelled()) {
                            return;
                        }
                        PathEvaluator.PathOutcome o = ev.evaluate(PathSampler.draw(s, ev.scenarioBtcUsd, k));
                        for (int x = 0; x < q; x++) {
                            npv[x][k] = o.npvUsd()[x];
                            low[x][k] = o.lowestCashUsd()[x];
                            lowMonth[x][k] = o.lowestCashMonth()[x];
                            terminal[x][k] = o.terminalUsd()[x];
                        }
                    }
                }));
            }
            for (int c = 0; c < futures.size(); c++) {
                futures.get(c).get();
                if (control.cancelled()) {
                    throw new CancellationException("cancelled");
                }
                control.progress(10 + (int) (85L * (c + 1) / futures.size()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Raw(all.stream().map(FixedPlan::name).toList(), npv, low, lowMonth, terminal);
    }

    /**
     * Paths {@code from} (inclusive) to {@code to} (exclusive) on this thread: the same numbers {@link #simulate} writes in
     * those slots (each path depends only on the seed and its index). The cluster's Monte Carlo chunk.
     *
     * @param ok the plans simulated (feasible at the base scenario, see {@link #prepare}); the baseline is added last
     */
    public static Raw simulatePaths(PlanProblem p, List<FixedPlan> ok, MonteCarloSettings s, int from, int to) {
        List<FixedPlan> all = new ArrayList<>();
        ok.forEach(f -> all.add(fullyFixed(f)));
        all.add(stayOnBitcoinFixed());
        PathEvaluator ev = new PathEvaluator(p, all);
        int q = all.size();
        int n = to - from;
        double[][] npv = new double[q][n];
        double[][] low = new double[q][n];
        int[][] lowMonth = new int[q][n];
        double[][] terminal = new double[q][n];
        for (int k = from; k < to; k++) {
            PathEvaluator.PathOutcome o = ev.evaluate(PathSampler.draw(s, ev.scenarioBtcUsd, k));
            for (int x = 0; x < q; x++) {
                npv[x][k - from] = o.npvUsd()[x];
                low[x][k - from] = o.lowestCashUsd()[x];
                lowMonth[x][k - from] = o.lowestCashMonth()[x];
                terminal[x][k - from] = o.terminalUsd()[x];
            }
        }
        return new Raw(all.stream().map(FixedPlan::name).toList(), npv, low, lowMonth, terminal);
    }

    /** Consecutive ranges of paths joined in order into one (the chunks of a cluster run). */
    public static Raw join(List<Raw> parts) {
        List<String> names = parts.get(0).names();
        int q = names.size();
        int n = parts.stream().mapToInt(r -> r.npvUsd()[0].length).sum();
        double[][] npv = new double[q][n];
        double[][] low = new double[q][n];
        int[][] lowMonth = new int[q][n];
        double[][] terminal = new double[q][n];
        int at = 0;
        for (Raw r : parts) {
            int len = r.npvUsd()[0].length;
            for (int x = 0; x < q; x++) {
                System.arraycopy(r.npvUsd()[x], 0, npv[x], at, len);
                System.arraycopy(r.lowestCashUsd()[x], 0, low[x], at, len);
                System.arraycopy(r.lowestCashMonth()[x], 0, lowMonth[x], at, len);
                if (r.terminalValueUsd() != null) {
                    System.arraycopy(r.terminalValueUsd()[x], 0, terminal[x], at, len);
                }
            }
            at += len;
        }
        return new Raw(names, npv, low, lowMonth, terminal);
    }

    /**
     * The plans checked at the scenario itself before any path.
     *
     * @param ok          the plans feasible there (simulated), in order
     * @param baseNpvUsd  their NPV of the horizon at the scenario, in the same order
     * @param failed      the plans that are not (reported with the reason, not simulated)
     * @param baselineNpvUsd the baseline's NPV of the horizon at the scenario (null when it has no solution)
     * @param baseTerminalValueUsd their terminal value at the scenario (0 with method NONE), in the same order
     * @param baselineTerminalValueUsd the baseline's (null when it has no solution)
     */
    public record Prepared(List<FixedPlan> ok, List<Double> baseNpvUsd, List<PlanDistribution> failed, Double baselineNpvUsd,
                           List<Double> baseTerminalValueUsd, Double baselineTerminalValueUsd) {
    }

    /**
     * Evaluates each plan once on the scenario itself with the plan LP (a plan that breaks a limit there is reported
     * INFEASIBLE and not simulated), and the baseline.
     *
     * @param includeOptimized also evaluate the optimizer's plan at the scenario (one more LP), named "optimized"
     */
    public static Prepared prepare(PlanProblem p, List<FixedPlan> plans, boolean includeOptimized, RunControl control) {
        List<FixedPlan> candidates = new ArrayList<>();
        if (includeOptimized) {
            Evaluated opt = PlanEngine.evaluate(p, null, control);
            if (opt.values() != null) {
                candidates.add(fromValues(PlanEngine.OPTIMIZED, p, opt.values()));
            }
        }
        candidates.addAll(plans);
        control.progress(3);
        List<FixedPlan> ok = new ArrayList<>();
        List<Double> baseNpv = new ArrayList<>();
        List<Double> baseTerminal = new ArrayList<>();
        List<PlanDistribution> failed = new ArrayList<>();
        for (FixedPlan f : candidates) {
            Evaluated e = PlanEngine.evaluate(p, fullyFixed(f), control);
            if (e.values() != null && (e.outcome().status() == LpStatus.OPTIMAL || e.outcome().status() == LpStatus.FEASIBLE)) {
                ok.add(f);
                // the LP's objective is the horizon's NPV plus the terminal value (models/PLANS.md, "Terminal value")
                double terminal = e.values().terminalMiningUsd + e.values().terminalAiUsd;
                baseNpv.add(e.values().objectiveUsd - terminal);
                baseTerminal.add(terminal);
            } else {
                failed.add(new PlanDistribution(f.name(), e.outcome().status().name(),
                        e.explanation() != null ? e.explanation() : "the plan LP answered " + e.outcome().status() + " at the base scenario",
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
            }
        }
        Evaluated base = PlanEngine.evaluate(p, stayOnBitcoinFixed(), control);
        control.progress(10);
        Double baselineTerminal = base.values() == null ? null : base.values().terminalMiningUsd + base.values().terminalAiUsd;
        return new Prepared(ok, baseNpv, failed, base.values() == null ? null : base.values().objectiveUsd - baselineTerminal, baseTerminal,
                baselineTerminal);
    }

    /**
     * Evaluates each plan once on the scenario itself with the plan LP (a plan that breaks a limit there is reported
     * INFEASIBLE and not simulated), then on the paths.
     *
     * @param includeOptimized also evaluate the optimizer's plan at the scenario (one more LP), named "optimized"
     */
    public static MonteCarloResult run(PlanProblem p, List<FixedPlan> plans, boolean includeOptimized, MonteCarloSettings s,
                                       RunControl control) {
        Prepared prep = prepare(p, plans, includeOptimized, control);
        long t0 = System.nanoTime();
        Raw raw = simulate(p, prep.ok(), s, control);
        return finish(p, s, prep, raw, (System.nanoTime() - t0) / 1e6, control);
    }

    /** The distributions of the simulated paths ({@code raw}) of the prepared plans; {@code ms}: the simulation's wall time. */
    public static MonteCarloResult finish(PlanProblem p, MonteCarloSettings s, Prepared prep, Raw raw, double ms, RunControl control) {
        List<Double> baseNpv = prep.baseNpvUsd();
        List<PlanDistribution> failed = prep.failed();
        int q = raw.names().size();
        double[] baseline = raw.npvUsd()[q - 1];
        List<PlanDistribution> out = new ArrayList<>();
        for (int x = 0; x < q; x++) {
            boolean isBase = x == q - 1;
            double[] npv = raw.npvUsd()[x];
            double[] inc = null;
            if (!isBase) {
                inc = new double[npv.length];
                for (int k = 0; k < npv.length; k++) {
                    inc[k] = npv[k] - baseline[k];
                }
            }
            Double det = isBase ? prep.baselineNpvUsd() : baseNpv.get(x);
            double floor = p.cashFloorUsd();
            Stats npvStats = stats(npv);
            Stats incStats = inc == null ? null : stats(inc);
            Double loss = inc == null ? null : share(inc, 0.0);
            Headline headline = headline(npvStats, incStats, det, loss, npv.length);
            Stats terminalStats = null;
            Stats withTerminalStats = null;
            Stats incWithTerminalStats = null;
            Double detWithTerminal = null;
            if (p.terminalValue().method() != PlanProblem.TerminalMethod.NONE) {
                double[] terminal = raw.terminalValueUsd()[x];
                double[] baselineWith = plus(baseline, raw.terminalValueUsd()[q - 1]);
                double[] with = plus(npv, terminal);
                terminalStats = stats(terminal);
                withTerminalStats = stats(with);
                incWithTerminalStats = isBase ? null : stats(minus(with, baselineWith));
                Double detTerminal = isBase ? prep.baselineTerminalValueUsd() : prep.baseTerminalValueUsd().get(x);
                detWithTerminal = det == null || detTerminal == null ? null : det + detTerminal;
                headline = withTerminalValue(headline, p.terminalValue().method().name(), terminalStats, withTerminalStats, incWithTerminalStats);
            }
            out.add(new PlanDistribution(raw.names().get(x), "EVALUATED", null, headline, det, npvStats,
                    incStats, share(npv, 0.0), loss, stats(raw.lowestCashUsd()[x]),
                    p.months().get(modeMonth(raw.lowestCashMonth()[x], p.monthCount())).month().toString(),
                    Double.isFinite(floor) ? share(raw.lowestCashUsd()[x], floor) : 0.0, histogram(npv, s.histogramBins()),
                    inc == null ? null : histogram(inc, s.histogramBins()), terminalStats, withTerminalStats, incWithTerminalStats,
                    detWithTerminal));
        }
        List<PlanDistribution> all = new ArrayList<>(out.subList(0, q - 1));
        all.addAll(failed);
        all.add(out.get(q - 1));
        BtcHistory h = BtcHistory.load();
        boolean bootstrap = s.priceModel() == MonteCarloSettings.PriceModel.BOOTSTRAP;
        MonteCarloResult.Model model = new MonteCarloResult.Model(bootstrap ? "block bootstrap of monthly log-returns" : "GBM on monthly log-returns",
                h, s.volatilityMonthly(), s.driftMode().name(), s.driftMode() == DriftMode.HISTORICAL ? s.historicalDriftMonthly() : null,
                s.difficultyElasticity(), s.difficultyLagMonths(), s.aiRateDeclineSd(), s.priceModel().name(),
                bootstrap ? s.blockLengthMonths() : null, s.feeSd(), FeeHistory.load());
        control.progress(100);
        return new MonteCarloResult(p.startMonth().toString(), p.monthCount(), s.paths(), s.seed(), model, BASELINE, all, ms);
    }

    static int modeMonth(int[] months, int count) {
        int[] c = new int[count];
        int best = 0;
        for (int m : months) {
            c[m]++;
        }
        for (int m = 1; m < count; m++) {
            if (c[m] > c[best]) {
                best = m;
            }
        }
        return best;
    }

    static double share(double[] v, double below) {
        int c = 0;
        for (double x : v) {
            if (x < below) {
                c++;
            }
        }
        return (double) c / v.length;
    }

    /** Type-7 percentile: linear interpolation at position p·(N−1) of the sorted values. */
    public static double percentile(double[] sorted, double pct) {
        double pos = pct * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double w = pos - lo;
        return sorted[lo] + w * (sorted[hi] - sorted[lo]);
    }

    public static Stats stats(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / v.length;
        double ss = 0.0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return new Stats(percentile(s, 0.5), mean, percentile(s, 0.1), percentile(s, 0.9), v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0.0,
                s[0], s[s.length - 1]);
    }

    /**
     * The distribution led by its median: "P50 NPV 41.2M USD (half of the 1,000 paths end below it); mean 44.0M USD, 2.8M above
     * the median (…); P10 … P90 …; the scenario itself …; against staying on Bitcoin …".
     */
    static Headline headline(Stats npv, Stats inc, Double scenarioNpvUsd, Double probLoss, int paths) {
        StringBuilder t = new StringBuilder();
        t.append("P50 (median) NPV ").append(usd(npv.p50())).append(": half of the ").append(String.format(java.util.Locale.ROOT, "%,d", paths))
                .append(" paths end below it. Mean ").append(usd(npv.mean()));
        double gap = npv.mean() - npv.p50();
        if (Math.abs(gap) <= 1e-9 * Math.max(1.0, Math.abs(npv.p50()))) {
            t.append(", equal to the median");
        } else if (gap > 0) {
            t.append(", ").append(usd(gap)).append(" above the median: a few paths of high prices (lognormal, with a long right tail)"
                    + " pull the mean up, so the mean overstates what a typical path gives");
        } else {
            t.append(", ").append(usd(-gap)).append(" below the median: a few bad paths pull the mean down");
        }
        t.append(". P10 … P90: ").append(usd(npv.p10())).append(" … ").append(usd(npv.p90())).append(" (8 paths in 10 end between).");
        if (scenarioNpvUsd != null) {
            t.append(" The scenario itself gives ").append(usd(scenarioNpvUsd)).append('.');
        }
        if (inc != null) {
            t.append(" Against staying on Bitcoin on the same path: P50 ").append(usd(inc.p50())).append(", mean ").append(usd(inc.mean()))
                    .append(", P10 … P90 ").append(usd(inc.p10())).append(" … ").append(usd(inc.p90()));
            if (probLoss != null) {
                t.append("; it does worse on ").append(String.format(java.util.Locale.ROOT, "%.0f %%", 100.0 * probLoss)).append(" of the paths");
            }
            t.append('.');
        }
        return new Headline(npv.p50(), npv.mean(), npv.p10(), npv.p90(), inc == null ? null : inc.p50(), inc == null ? null : inc.mean(),
                inc == null ? null : inc.p10(), inc == null ? null : inc.p90(), t.toString());
    }

    private static double[] plus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] + b[k];
        }
        return out;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] - b[k];
        }
        return out;
    }

    /** The headline's words with a sentence on the terminal value beside the horizon's NPV (the numbers stay the horizon's). */
    static Headline withTerminalValue(Headline h, String method, Stats terminal, Stats with, Stats incWith) {
        StringBuilder t = new StringBuilder(h.text());
        t.append(" These are the horizon's NPV; the terminal value at its end (").append(method).append(") adds P50 ").append(usd(terminal.p50()))
                .append(" (P10 … P90 ").append(usd(terminal.p10())).append(" … ").append(usd(terminal.p90())).append("), for an NPV with the terminal value of P50 ")
                .append(usd(with.p50())).append(" (P10 … P90 ").append(usd(with.p10())).append(" … ").append(usd(with.p90())).append(")");
        if (incWith != null) {
            t.append(", P50 ").append(usd(incWith.p50())).append(" against staying on Bitcoin");
        }
        t.append('.');
        return new Headline(h.p50NpvUsd(), h.meanNpvUsd(), h.p10NpvUsd(), h.p90NpvUsd(), h.p50IncrementalNpvUsd(), h.meanIncrementalNpvUsd(),
                h.p10IncrementalNpvUsd(), h.p90IncrementalNpvUsd(), t.toString());
    }

    /** USD in planners' units: "41.2M USD", "−3.1M USD", "850,000 USD". */
    static String usd(double v) {
        double a = Math.abs(v);
        String sign = v < 0 ? "−" : "";
        if (a >= 1e9) {
            return sign + String.format(java.util.Locale.ROOT, "%.2fB USD", a / 1e9);
        }
        if (a >= 1e6) {
            return sign + String.format(java.util.Locale.ROOT, "%.1fM USD", a / 1e6);
        }
        return sign + String.format(java.util.Locale.ROOT, "%,.0f USD", a);
    }

    public static Histogram histogram(double[] v, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (hi <= lo) {
            return new Histogram(new double[] {lo, hi}, new int[] {v.length});
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + (hi - lo) * b / bins;
        }
        int[] counts = new int[bins];
        for (double x : v) {
            counts[Math.min(bins - 1, (int) ((x - lo) / (hi - lo) * bins))]++;
        }
        return new Histogram(edges, counts);
    }
}
