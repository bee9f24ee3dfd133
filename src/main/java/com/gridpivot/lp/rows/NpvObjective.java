package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.model.HourBlock;
import com.gridpivot.planning.input.PlanProblem;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The objective: the what-if's value over its horizon, the plan's NPV, and the stochastic plan's NPV of each scenario as a
 * free variable npv[s] defined by a row.
 */
public final class NpvObjective {
    private NpvObjective() {
    }

    /**
     * The NPV's coefficients: Σₘ Σ_{terms c of m} δ(c,m) s(c) c − δ_{M−1} btcPrice_{M−1} Σₘ T[m] — the NPV of the site's cash
     * flows plus the treasury sales, less the value the sold BTC would have had, discounted, at the horizon's end (so selling
     * is not free money). δ(c,m) = δₘ = discount(m) for a term paid at the month's end, δ⁰ₘ = discount(m − 1) for one paid
     * at its start ({@link CashCategory#paidAtStartOfMonth}: capex), discount(−1) = 1. Principal of debt is not counted
     * ({@link CashCategory#inNpv}).
     *
     * @param terms                 the cash-flow terms of each month
     * @param scale                 s(c), a factor on each term (1 for the plan; a sweep's point factors)
     * @param discount              δₘ, defined from m = −1
     * @param sold                  T[m], or null
     * @param soldEndValueUsdPerBtc δ_{M−1} btcPrice_{M−1}
     */
    public static Map<MPVariable, Double> coefficients(List<List<CashRows.Term>> terms, ToDoubleFunction<CashRows.Term> scale,
                                                       IntToDoubleFunction discount, MPVariable[] sold, double soldEndValueUsdPerBtc) {
        return coefficients(terms, scale, discount, sold, soldEndValueUsdPerBtc, List.of());
    }

    /**
     * The same plus the terminal value (models/PLANS.md, "Terminal value"): + Σ δₙ a v over the terms of
     * {@link TerminalValueRows#terms}, each valued at the end of its month n ≥ M−1 (not scaled by a sweep's factors).
     */
    public static Map<MPVariable, Double> coefficients(List<List<CashRows.Term>> terms, ToDoubleFunction<CashRows.Term> scale,
                                                       IntToDoubleFunction discount, MPVariable[] sold, double soldEndValueUsdPerBtc,
                                                       List<TerminalValueRows.Term> terminal) {
        Map<MPVariable, Double> obj = new IdentityHashMap<>();
        for (TerminalValueRows.Term t : terminal) {
            obj.merge(t.variable(), discount.applyAsDouble(t.month()) * t.coefficientUsd(), Double::sum);
        }
        for (int m = 0; m < terms.size(); m++) {
            double end = discount.applyAsDouble(m);
            double start = discount.applyAsDouble(m - 1);
            for (CashRows.Term t : terms.get(m)) {
                if (!t.category().inNpv()) {
                    continue; // principal of debt: cash only (CashCategory.inNpv)
                }
                double delta = t.category().paidAtStartOfMonth() ? start : end;
                obj.merge(t.variable(), delta * scale.applyAsDouble(t) * t.coefficientUsd(), Double::sum);
            }
        }
        if (sold != null) {
            for (MPVariable v : sold) {
                obj.merge(v, -soldEndValueUsdPerBtc, Double::sum);
            }
        }
        return obj;
    }

    /** max NPV of the plan (see {@link #coefficients}). */
    public static void setPlan(MPSolver s, PlanProblem p, List<List<CashRows.Term>> terms, MPVariable[] sold,
                               List<TerminalValueRows.Term> terminal) {
        setMaximise(s, coefficients(terms, t -> 1.0, p::discountFactor, sold, p.treasuryEndValueUsdPerBtc(), terminal));
    }

    /** Sets these objective coefficients and maximises (a sweep sets them per point). */
    public static void setMaximise(MPSolver s, Map<MPVariable, Double> coefficients) {
        coefficients.forEach((v, c) -> s.objective().setCoefficient(v, c));
        s.objective().setMaximization();
    }

    /** npvDef[s]: npv[s] − Σₘ δˢ(c,m) CFₘˢ + δ_{M−1}ˢ P_{M−1}ˢ Σₘ T[m] = 0, npv[s] free. */
    public static MPVariable addScenarioNpv(MPSolver s, PlanProblem p, String scenario, List<List<CashRows.Term>> terms, MPVariable[] sold,
                                            List<TerminalValueRows.Term> terminal) {
        MPVariable npv = Lp.var(s, -Lp.inf(), Lp.inf(), LpNames.of("npv", scenario));
        Map<MPVariable, Double> coef = coefficients(terms, t -> 1.0, p::discountFactor, sold, p.treasuryEndValueUsdPerBtc(), terminal);
        MPConstraint def = Lp.row(s, 0.0, 0.0, LpNames.of("npvDef", scenario));
        def.setCoefficient(npv, 1.0);
        coef.forEach((v, c) -> def.setCoefficient(v, -c));
        return npv;
    }

    // ---- what-if (models/README.md)

    /**
     * max Σ_b Σᵢ (Σ_{t∈b} mᵢₜ) D_bi − Σᵢ fixedᵢ · T/8760 · xᵢ + Σⱼ aⱼ yⱼ, where
     * mᵢₜ = (1 − feeᵢ) hₜ 1000 / (24 eᵢ) − pₜ pueᵢ − varOpexᵢ and aⱼ = {@link CashRows#aiNetUsdPerMw}.
     */
    public static void setAllocation(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[] x, MPVariable[] y,
                                     MPVariable[][] d) {
        MPObjective obj = s.objective();
        double years = p.horizonYears();
        for (int b = 0; b < blocks.size(); b++) {
            setDispatchMargins(s, d[b], blocks.get(b).marginSumUsdPerMw());
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] != null) {
                obj.setCoefficient(x[i], -p.fleets().get(i).fixedOpexUsdPerMwYear() * years);
            }
        }
        setAiNet(s, p, y);
        obj.setMaximization();
    }

    /** The dispatch coefficients Σ_{t∈b} mᵢₜ of one block (a sweep sets them per point). */
    public static void setDispatchMargins(MPSolver s, MPVariable[] blockDispatch, double[] marginSumUsdPerMw) {
        for (int k = 0; k < blockDispatch.length; k++) {
            s.objective().setCoefficient(blockDispatch[k], marginSumUsdPerMw[k]);
        }
    }

    /** The AI coefficients aⱼ (a sweep sets them per point). */
    public static void setAiNet(MPSolver s, AllocationProblem p, MPVariable[] y) {
        for (int j = 0; j < y.length; j++) {
            s.objective().setCoefficient(y[j], CashRows.aiNetUsdPerMw(p, p.aiOptions().get(j)));
        }
    }
}
