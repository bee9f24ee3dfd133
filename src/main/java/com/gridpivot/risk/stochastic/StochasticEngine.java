package com.gridpivot.risk.stochastic;

import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.LpSolver;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.lp.SolveProgress;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.PlanSolver;
import com.gridpivot.lp.RunControl;
import com.gridpivot.risk.montecarlo.MonteCarloEngine;
import com.gridpivot.risk.stochastic.StochasticResult.CvarValue;
import com.gridpivot.risk.stochastic.StochasticResult.Decision;
import com.gridpivot.risk.stochastic.StochasticResult.ScenarioValue;
import com.gridpivot.risk.stochastic.StochasticResult.SolverInfo;
import com.gridpivot.risk.stochastic.StochasticResult.ValueMeasures;
import java.util.ArrayList;
import com.gridpivot.lp.rows.CashCategory;
import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.lp.rows.CashRows.Term;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** Solves the two-stage plan, then the per-scenario LPs behind VSS and EVPI. Plain Java. */
public final class StochasticEngine {
    private StochasticEngine() {
    }

    /** The solved two-stage LP, read out. */
    public record Solved(SolveOutcome outcome, double[] npvUsd, double[] lowestCashUsd, List<Map<String, Double>> cashByCategoryUsd,
                         FixedPlan plan, List<Decision> decisions, Double varUsd, double[] shortfallUsd, int variables, int constraints,
                         double buildMs) {
    }

    public static Solved solve(StochasticProblem sp, boolean riskNeutral, RunControl control) {
        if (control.cancelled()) {
            throw new CancellationException("cancelled");
        }
        try (StochasticModel model = StochasticModelBuilder.build(sp, riskNeutral)) {
            control.solving(model.solver());
            SolveOutcome o;
            PlanProblem p0 = sp.first();
            try (SolveProgress clock = SolveProgress.start(control, p0.timeLimitSeconds())) {
                o = LpSolver.solve(model.solver(), p0.solver(), p0.timeLimitSeconds(), PlanSolver.FEASIBILITY_TOLERANCE);
            } finally {
                control.solving(null);
            }
            if (control.cancelled()) {
                throw new CancellationException("cancelled");
            }
            int nv = model.solver().numVariables();
            int nc = model.solver().numConstraints();
            if (!o.hasSolution()) {
                return new Solved(o, null, null, null, null, List.of(), null, null, nv, nc, model.buildMs());
            }
            int ns = sp.count();
            double[] npv = new double[ns];
            double[] low = new double[ns];
            List<Map<String, Double>> byCategory = new ArrayList<>(ns);
            for (int x = 0; x < ns; x++) {
                Map<String, Double> totals = new LinkedHashMap<>();
                for (CashCategory c : CashCategory.values()) {
                    if (c.isFinancing() || c.portfolioOnly() || c.isTax()) {
                        continue; // stochastic plans have no financing sources or tax (rejected at input) and no relocations
                    }
                    double sum = 0.0;
                    for (List<Term> month : model.terms().get(x)) {
                        sum += CashRows.category(month, c);
                    }
                    totals.put(c.name(), sum);
                }
                byCategory.add(totals);
                npv[x] = model.npv()[x].solutionValue();
                low[x] = Double.POSITIVE_INFINITY;
                for (MPVariable c : model.cash()[x]) {
                    low[x] = Math.min(low[x], c.solutionValue());
                }
            }
            PlanProblem p = sp.first();
            Map<String, Double> ai = new HashMap<>();
            Map<String, Double> ret = new HashMap<>();
            Map<String, Double> buy = new HashMap<>();
            Map<Integer, Double> sold = new HashMap<>();
            List<Decision> decisions = new ArrayList<>();
            for (int m = 0; m < p.monthCount(); m++) {
                String month = p.months().get(m).month().toString();
                for (int j = 0; j < p.options().size(); j++) {
                    double v = model.start()[j][m].solutionValue();
                    if (v > 1e-9) {
                        ai.put(FixedPlan.key(p.options().get(j).spec().name(), m), v);
                        decisions.add(new Decision("aiStart", p.options().get(j).spec().name(), month, v));
                    }
                }
                for (int i = 0; i < p.fleets().size(); i++) {
                    String fn = p.fleets().get(i).spec().name();
                    double r = model.retired()[i][m].solutionValue();
                    if (r > 1e-9) {
                        ret.put(FixedPlan.key(fn, m), r);
                        decisions.add(new Decision("asicRetired", fn, month, r));
                    }
                    if (model.bought()[i] != null) {
                        double b = model.bought()[i][m].solutionValue();
                        if (b > 1e-9) {
                            buy.put(FixedPlan.key(fn, m), b);
                            decisions.add(new Decision("asicBought", fn, month, b));
                        }
                    }
                }
                if (model.sold() != null && model.sold()[m].solutionValue() > 1e-12) {
                    sold.put(m, model.sold()[m].solutionValue());
                    decisions.add(new Decision("treasurySold", "", month, model.sold()[m].solutionValue()));
                }
            }
            Double var = model.var() == null ? null : model.var().solutionValue();
            double[] u = null;
            if (model.shortfall() != null) {
                u = new double[ns];
                for (int x = 0; x < ns; x++) {
                    u[x] = model.shortfall()[x].solutionValue();
                }
            }
            return new Solved(o, npv, low, byCategory, new FixedPlan("stochastic", ai, ret, buy, sold), decisions, var, u, nv, nc, model.buildMs());
        }
    }

    public static double expected(double[] p, double[] v) {
        double e = 0.0;
        for (int x = 0; x < p.length; x++) {
            e += p[x] * v[x];
        }
        return e;
    }

    /** CVaR_α of a discrete distribution: the probability-weighted mean of the worst (1 − α) mass (exact, by sorting). */
    public static double cvar(double[] p, double[] v, double alpha) {
        Integer[] idx = new Integer[v.length];
        for (int x = 0; x < v.length; x++) {
            idx[x] = x;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double mass = 1.0 - alpha;
        double left = mass;
        double sum = 0.0;
        for (int x : idx) {
            double take = Math.min(left, p[x]);
            sum += take * v[x];
            left -= take;
            if (left <= 0) {
                break;
            }
        }
        return sum / mass;
    }

    public static StochasticResult run(StochasticProblem sp, RunControl control) {
        int ns = sp.count();
        int lpSolves = 0;
        control.progress(2);
        Solved rp = solve(sp, false, control.span(2, 40)); // the main solve's progress moves with its clock
        lpSolves++;
        control.progress(40);
        String status = status(rp.outcome());
        SolverInfo info0 = new SolverInfo(rp.outcome().solverName(), rp.variables(), rp.constraints(), rp.buildMs(), rp.outcome().solveMs(), 1);
        if (!rp.outcome().hasSolution()) {
            String why = rp.outcome().status() == LpStatus.INFEASIBLE
                    ? "no plan shared by all scenarios meets every limit in every scenario (cash floor, contract, or the CVaR floor)"
                    : "the solver answered " + rp.outcome().status() + ": " + rp.outcome().note();
            return new StochasticResult(status, why, null, null, null, List.of(), List.of(), null, info0);
        }
        Solved neutral = rp;
        if (sp.cvar() != null) {
            neutral = solve(sp, true, control);
            lpSolves++;
        }
        control.progress(55);
        // WS: each scenario alone; EEV: the base case's plan fixed in each scenario (dispatch re-optimised).
        PlanProblem base = sp.scenarios().get(sp.baseIndex());
        Evaluated baseOpt = PlanEngine.evaluate(base, null, control);
        lpSolves++;
        FixedPlan basePlan = baseOpt.values() == null ? null : MonteCarloEngine.fromValues("base case plan", base, baseOpt.values());
        Double[] ws = new Double[ns];
        Double[] eev = new Double[ns];
        for (int x = 0; x < ns; x++) {
            PlanProblem px = sp.scenarios().get(x);
            if (x == sp.baseIndex()) {
                ws[x] = baseOpt.values() == null ? null : baseOpt.values().objectiveUsd;
            } else {
                Evaluated w = PlanEngine.evaluate(px, null, control);
                lpSolves++;
                ws[x] = w.values() == null ? null : w.values().objectiveUsd;
            }
            if (basePlan != null) {
                Evaluated e = PlanEngine.evaluate(px, basePlan, control);
                lpSolves++;
                eev[x] = e.values() == null ? null : e.values().objectiveUsd;
            }
            control.progress(55 + 40 * (x + 1) / ns);
        }
        // the textbook EEV: the expected-value scenario's plan (every random input at its mean), fixed in each scenario
        Evaluated evOpt = PlanEngine.evaluate(ExpectedValueScenario.of(sp.scenarios(), sp.probabilities()), null, control);
        lpSolves++;
        Double[] eevMean = new Double[ns];
        if (evOpt.values() != null) {
            FixedPlan evPlan = MonteCarloEngine.fromValues("expected-value scenario plan", evOpt.values().problem, evOpt.values());
            for (int x = 0; x < ns; x++) {
                Evaluated e = PlanEngine.evaluate(sp.scenarios().get(x), evPlan, control);
                lpSolves++;
                eevMean[x] = e.values() == null ? null : e.values().objectiveUsd;
            }
        }
        double rn = expected(sp.probabilities(), neutral.npvUsd());
        Double wsSum = sum(sp.probabilities(), ws);
        Double eevSum = sum(sp.probabilities(), eev);
        Double vss = eevSum == null ? null : rn - eevSum;
        Double evpi = wsSum == null ? null : wsSum - rn;
        Double eevMeanSum = evOpt.values() == null ? null : sum(sp.probabilities(), eevMean);
        Double vssMean = eevMeanSum == null ? null : rn - eevMeanSum;
        String note = valueNote("the base-case plan (optimal for scenario " + sp.names().get(sp.baseIndex()) + ")", "each scenario",
                eevSum == null, evOpt.values() == null, eevMeanSum == null)
                + (sp.cvar() != null ? "; RP is the risk-neutral two-stage optimum (solved besides the CVaR plan), so both stay ≥ 0" : "");
        List<ScenarioValue> scen = new ArrayList<>();
        for (int x = 0; x < ns; x++) {
            scen.add(new ScenarioValue(sp.names().get(x), sp.probabilities()[x], rp.npvUsd()[x], rp.lowestCashUsd()[x],
                    rp.cashByCategoryUsd().get(x), ws[x], eev[x], eevMean[x]));
        }
        double exp = expected(sp.probabilities(), rp.npvUsd());
        CvarValue cv = null;
        double objective = exp;
        if (sp.cvar() != null) {
            double c = cvar(sp.probabilities(), rp.npvUsd(), sp.cvar().alpha());
            cv = new CvarValue(sp.cvar().alpha(), sp.cvar().weight(), Double.isNaN(sp.cvar().floorUsd()) ? null : sp.cvar().floorUsd(), rp.varUsd(), c);
            objective = (1 - sp.cvar().weight()) * exp + sp.cvar().weight() * c;
        }
        control.progress(100);
        return new StochasticResult(status, status.equals("OPTIMAL") ? null : "the time limit ran out with a feasible plan", exp, objective, cv, scen,
                rp.decisions(), new ValueMeasures(sp.names().get(sp.baseIndex()), rn, eevSum, wsSum, vss, evpi, note,
                        evOpt.values() == null ? null : evOpt.values().objectiveUsd, eevMeanSum, vssMean),
                new SolverInfo(info0.solver(), info0.variables(), info0.constraints(), info0.buildMs(), info0.solveMs(), lpSolves));
    }

    /**
     * How to read the value measures: both VSS forms, their definitions, and why one may be missing.
     *
     * @param basePlan what the named-scenario EEV fixes ("the base-case plan …" or "the centre scenario's plan")
     * @param where    "each scenario" or "each sample"
     */
    static String valueNote(String basePlan, String where, boolean baseBreaks, boolean evNoPlan, boolean evBreaks) {
        return "risk-neutral measures (expected NPV). VSS (textbook, Birge–Louveaux) = RP − EEV(ξ̄): the plan optimal for the"
                + " expected-value scenario ξ̄ (every random input — hourly prices and hashprice, BTC prices, ASIC prices, AI rates,"
                + " declines, capex, discount rate — at its mean) fixed in " + where + ", dispatch re-optimised: what planning on the"
                + " average would lose. VSS against the named scenario = RP − EEV with " + basePlan + " fixed instead. EVPI = WS − RP"
                + (evNoPlan ? "; the expected-value scenario has no plan (its LP has no solution): textbook EEV and VSS null" : "")
                + (!evNoPlan && evBreaks ? "; the expected-value scenario's plan breaks a limit (e.g. the cash floor) in some case: textbook"
                        + " EEV = −∞, VSS unbounded (null)" : "")
                + (baseBreaks ? "; " + basePlan + " breaks a limit (e.g. the cash floor) in some case: its EEV = −∞, VSS unbounded (null)" : "");
    }

    /** The run's status word for an LP outcome. */
    static String status(SolveOutcome o) {
        return switch (o.status()) {
            case OPTIMAL -> "OPTIMAL";
            case FEASIBLE -> "FEASIBLE";
            case INFEASIBLE -> "INFEASIBLE";
            case TIMED_OUT -> "TIMED_OUT";
            case UNBOUNDED, ERROR -> "FAILED";
        };
    }

    private static Double sum(double[] p, Double[] v) {
        double s = 0.0;
        for (int x = 0; x < p.length; x++) {
            if (v[x] == null) {
                return null;
            }
            s += p[x] * v[x];
        }
        return s;
    }
}
