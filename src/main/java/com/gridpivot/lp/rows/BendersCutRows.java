package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.PlanProblem;
import java.util.Map;

/**
 * The master problem's rows of the L-shaped (Benders) decomposition of the sample-average stochastic plan (models/RISK.md).
 * Given the first stage (K, W), the second stage of every sample separates by month: month m of sample s is the
 * fractional knapsack of its month blocks with value Vₛₘ(K[·,m], Pₘ), Pₘ = Σⱼ pueⱼ W[j,m] — concave, piecewise linear.
 * The master carries one variable per month for its expectation and cuts from above.
 */
public final class BendersCutRows {
    private BendersCutRows() {
    }

    /**
     * θ[m] dispatchValueUsd[m]: the expected discounted mining margin of month m, Σₛ pₛ δₘ Vₛₘ, free below and at most
     * {@code upperUsd[m]} (a bound every cut keeps: C × the best margin per MW of site power, so the first master is bounded).
     */
    public static MPVariable[] addMonthValues(MPSolver s, PlanProblem p, double[] upperUsd) {
        MPVariable[] theta = new MPVariable[p.monthCount()];
        for (int m = 0; m < theta.length; m++) {
            theta[m] = Lp.var(s, -Lp.inf(), upperUsd[m], LpNames.of("dispatchValueUsd", Months.label(p, m)));
        }
        return theta;
    }

    /**
     * aiSitePower[m]: Σⱼ pueⱼ W[j,m] ≤ C. In the extensive form the interconnect rows of every scenario carry it
     * (D ≥ 0); the master, which has no dispatch, states it once.
     */
    public static void addAiSitePower(MPSolver s, PlanProblem p, MPVariable[][] reserved) {
        if (p.options().isEmpty()) {
            return;
        }
        for (int m = 0; m < p.monthCount(); m++) {
            MPConstraint row = Lp.row(s, -Lp.inf(), p.interconnectMw(), LpNames.of("aiSitePower", Months.label(p, m)));
            for (int j = 0; j < p.options().size(); j++) {
                row.setCoefficient(reserved[j][m], p.options().get(j).spec().pue());
            }
        }
    }

    /**
     * Optimality cut dispatchCut[m,k]: θ[m] ≤ V̂ + Σᵥ gᵥ (v − v̂), written θ[m] − Σᵥ gᵥ v ≤ V̂ − Σᵥ gᵥ v̂, where V̂ is the
     * expected month value at the master's last point v̂ and g a supergradient there (from the knapsacks' duals).
     *
     * @param gradient gᵥ per first-stage variable (USD per MW)
     * @param at       v̂ per first-stage variable of {@code gradient}
     */
    public static MPConstraint addOptimalityCut(MPSolver s, String name, MPVariable theta, double valueUsd, Map<MPVariable, Double> gradient,
                                                Map<MPVariable, Double> at) {
        double rhs = valueUsd;
        for (Map.Entry<MPVariable, Double> e : gradient.entrySet()) {
            rhs -= e.getValue() * at.get(e.getKey());
        }
        MPConstraint row = Lp.row(s, -Lp.inf(), rhs, name);
        row.setCoefficient(theta, 1.0);
        gradient.forEach((v, g) -> row.setCoefficient(v, row.getCoefficient(v) - g));
        return row;
    }

    /**
     * Feasibility cut cashCut[s,m]: the cumulative cash of sample s in month m, linear terms exact and the mining margins of
     * months ≤ m linearised at v̂ (from above: they are concave), must stay above the floor:
     * Σᵥ aᵥ v ≥ floor − S₀ − Σ_{m'≤m} (V̂ₛₘ' − Σᵥ gᵥ v̂). Every first stage that keeps the cash above the floor satisfies it.
     *
     * @param coefficients aᵥ: the linear cash terms of months ≤ m plus the margins' supergradients
     * @param lowerUsd     the right-hand side
     */
    public static MPConstraint addFeasibilityCut(MPSolver s, String name, Map<MPVariable, Double> coefficients, double lowerUsd) {
        MPConstraint row = Lp.row(s, lowerUsd * CashRows.CASH_ROW_SCALE, Lp.inf(), name);
        coefficients.forEach((v, a) -> row.setCoefficient(v, a * CashRows.CASH_ROW_SCALE));
        return row;
    }
}
