package com.gridpivot.risk.stochastic;

import com.gridpivot.planning.input.PlanProblem;
import java.util.List;

/**
 * A validated two-stage plan problem: the same site, fleets, options and horizon in every scenario; the scenarios differ
 * in their data (BTC path, difficulty, energy, rates, capex, salvage, discount rate).
 *
 * @param names         scenario names
 * @param probabilities pₛ ≥ 0, Σ pₛ = 1
 * @param scenarios     one resolved plan problem per scenario
 * @param baseIndex     the base case (VSS plans for it alone)
 * @param cvar          optional risk term, or null (risk-neutral)
 */
public record StochasticProblem(List<String> names, double[] probabilities, List<PlanProblem> scenarios, int baseIndex, Cvar cvar) {

    /**
     * CVaR_α of the NPV: the expected NPV of the worst (1 − α) probability mass (Rockafellar–Uryasev).
     *
     * @param alpha    α ∈ (0, 1), e.g. 0.9 → the worst 10 %
     * @param weight   λ ∈ [0, 1]: maximise (1 − λ) E[NPV] + λ CVaR_α (0 with a floor only)
     * @param floorUsd CVaR_α ≥ floorUsd, or NaN for none
     */
    public record Cvar(double alpha, double weight, double floorUsd) {
    }

    public int count() {
        return scenarios.size();
    }

    public PlanProblem first() {
        return scenarios.get(0);
    }
}
