package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import java.util.List;

/**
 * The stochastic plan's objective and risk (models/RISK.md, Rockafellar–Uryasev):
 * max (1 − λ) Σₛ pₛ npv[s] + λ (ζ − 1/(1−α) Σₛ pₛ u[s]).
 */
public final class CvarRows {
    private CvarRows() {
    }

    /** ζ cvarVaR (free) and u[s] cvarShortfall ≥ 0; both null when risk-neutral. */
    public record Cvar(MPVariable valueAtRisk, MPVariable[] shortfall) {
    }

    /**
     * Objective (1 − λ) Σₛ pₛ npv[s] (+ the CVaR term when {@code alpha} is given);
     * cvarShortfallDef[s]: u[s] − ζ + npv[s] ≥ 0, u ≥ 0;
     * cvarFloor: ζ − 1/(1−α) Σₛ pₛ u[s] ≥ floor (when a floor is given).
     *
     * @param scenarios   the scenarios' LP names
     * @param alpha       α, or NaN for risk-neutral (objective Σ pₛ npv[s], no rows)
     * @param weight      λ (ignored when risk-neutral)
     * @param floorUsd    the CVaR floor, or NaN
     */
    public static Cvar add(MPSolver s, List<String> scenarios, double[] probabilities, MPVariable[] npv, double alpha, double weight,
                           double floorUsd) {
        boolean neutral = Double.isNaN(alpha);
        double lambda = neutral ? 0.0 : weight;
        int ns = npv.length;
        for (int x = 0; x < ns; x++) {
            s.objective().setCoefficient(npv[x], (1.0 - lambda) * probabilities[x]);
        }
        if (neutral) {
            s.objective().setMaximization();
            return new Cvar(null, null);
        }
        MPVariable zeta = Lp.var(s, -Lp.inf(), Lp.inf(), "cvarVaR");
        MPVariable[] u = new MPVariable[ns];
        double tail = 1.0 / (1.0 - alpha);
        MPConstraint floor = Double.isNaN(floorUsd) ? null : Lp.row(s, floorUsd, Lp.inf(), "cvarFloor");
        if (floor != null) {
            floor.setCoefficient(zeta, 1.0);
        }
        for (int x = 0; x < ns; x++) {
            u[x] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("cvarShortfall", scenarios.get(x)));
            MPConstraint r = Lp.row(s, 0.0, Lp.inf(), LpNames.of("cvarShortfallDef", scenarios.get(x)));
            r.setCoefficient(u[x], 1.0);
            r.setCoefficient(zeta, -1.0);
            r.setCoefficient(npv[x], 1.0);
            s.objective().setCoefficient(u[x], -lambda * tail * probabilities[x]);
            if (floor != null) {
                floor.setCoefficient(u[x], -tail * probabilities[x]);
            }
        }
        s.objective().setCoefficient(zeta, lambda);
        s.objective().setMaximization();
        return new Cvar(zeta, u);
    }
}
