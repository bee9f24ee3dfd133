package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.PowerContract;
import com.gridpivot.optimization.input.PowerContract.FixedPriceBlock;
import com.gridpivot.optimization.model.HourBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The site's power contract (models/README.md, "Power contracts"; issue 16 item 1). Symbols: k fixed-price blocks of Q_k MW
 * at f_k USD/MWh over the hours H_k = [fromHour, toHour), minimum take m_k; pₜ the node price; Lₜ the site power whose
 * energy the site buys, Lₜ = Σᵢ pueᵢ dᵢₜ + Σⱼ (1 − τⱼ) pueⱼ yⱼ.
 *
 * <p>Under the blocks the site pays Σ_k f_k Q_k for the blocks, uses uₜ = min(Lₜ, Qₜ) of them, resells sₜ = Qₜ − uₜ at pₜ
 * and buys Lₜ − uₜ at pₜ: cost = Σ_k f_k Q_k + pₜ (Lₜ − uₜ) − pₜ sₜ = pₜ Lₜ − Σ_k Q_k (pₜ − f_k). So a MWh used or
 * curtailed is still worth pₜ at the margin (the margins mᵢₜ and aⱼ keep pₜ), and the blocks add the constant
 * <pre>  hedge = Σ_k Σ_{t∈H_k} Q_k (pₜ − f_k)   USD, </pre>
 * which the result splits into power credits Σ sₜ (pₜ − f) (resold MWh × spread) and savings Σ uₜ (pₜ − f) on the block
 * energy used. A minimum take forbids reselling the first m_k MW: Lₜ ≥ Σ_{k: t∈H_k} m_k, the row below.
 * A retail contract only changes the price of every MWh (rate + adder), through {@link AllocationProblem#energyPriceUsdPerMwh}.
 */
public final class PowerContractRows {
    private PowerContractRows() {
    }

    /**
     * minimumTakeMw[b]: Σ_{i active in b} pueᵢ D_bi + Σⱼ (1 − τⱼ) pueⱼ yⱼ ≥ max_{t∈b} Σ_{k: t∈H_k} m_k, MW of site power,
     * one row per block with a minimum take in one of its hours (the model is hourly then: every fleet is active in
     * every block, see {@code AllocationModelBuilder}). Returns the rows (null where the block has no minimum take) and
     * sets the hedge constant as the objective's offset.
     */
    public static MPConstraint[] add(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[][] d, MPVariable[] y) {
        PowerContract c = p.powerContract();
        MPConstraint[] rows = new MPConstraint[blocks.size()];
        if (c.hasMinimumTake()) {
            for (int b = 0; b < blocks.size(); b++) {
                HourBlock block = blocks.get(b);
                double take = 0.0;
                for (int t : block.hours()) {
                    // a curtailment order (SB 6) overrides the minimum take in its forced hours
                    take = Math.max(take, p.forcedCurtailment().isForced(t) ? 0.0 : c.minimumTakeMw(t));
                }
                if (take <= 0.0) {
                    continue;
                }
                MPConstraint row = Lp.row(s, take, Lp.inf(), LpNames.of("minimumTakeMw", block.label()));
                for (int k = 0; k < d[b].length; k++) {
                    row.setCoefficient(d[b][k], p.fleets().get(block.activeFleets()[k]).pue());
                }
                for (int j = 0; j < y.length; j++) {
                    AiOptionSpec o = p.aiOptions().get(j);
                    if (!o.tenantPaysPower()) {
                        row.setCoefficient(y[j], o.pue());
                    }
                }
                rows[b] = row;
            }
        }
        setHedge(s, p);
        return rows;
    }

    /** The objective's constant: {@link #hedgeUsd} (a sweep over the energy price sets it per point). */
    public static void setHedge(MPSolver s, AllocationProblem p) {
        s.objective().setOffset(hedgeUsd(p));
    }

    /** hedge = Σ_k Σ_{t∈H_k} Q_k (pₜ − f_k), USD over the horizon; 0 without fixed-price blocks. */
    public static double hedgeUsd(AllocationProblem p) {
        double sum = 0.0;
        for (FixedPriceBlock k : p.powerContract().fixedPriceBlocks()) {
            int to = Math.min(k.toHour(), p.hours());
            for (int t = k.fromHour(); t < to; t++) {
                sum += k.mw() * (p.priceUsdPerMwh()[t] - k.priceUsdPerMwh());
            }
        }
        return sum;
    }

    /**
     * The blocks' value split by what happened to their energy, given the bought site power Lₜ of every hour: the load
     * uses the blocks in request order (uₜ,k = min(Q_k, what is left of Lₜ)), the rest is resold.
     *
     * @param creditsUsd     Σ sₜ,k (pₜ − f_k): resold MWh × spread (power credits)
     * @param savingsUsd     Σ uₜ,k (pₜ − f_k): block MWh used × spread (what the used block energy saved against the node)
     * @param resoldMwh      Σ sₜ,k
     * @param usedMwh        Σ uₜ,k
     */
    public record Split(double creditsUsd, double savingsUsd, double resoldMwh, double usedMwh) {
    }

    public static Split split(AllocationProblem p, double[] boughtSitePowerMw) {
        double credits = 0.0;
        double savings = 0.0;
        double resold = 0.0;
        double used = 0.0;
        List<FixedPriceBlock> ks = new ArrayList<>(p.powerContract().fixedPriceBlocks());
        for (int t = 0; t < p.hours(); t++) {
            double left = Math.max(0.0, boughtSitePowerMw[t]);
            for (FixedPriceBlock k : ks) {
                if (!k.covers(t)) {
                    continue;
                }
                double u = Math.min(k.mw(), left);
                left -= u;
                double sold = k.mw() - u;
                double spread = p.priceUsdPerMwh()[t] - k.priceUsdPerMwh();
                credits += sold * spread;
                savings += u * spread;
                resold += sold;
                used += u;
            }
        }
        return new Split(credits, savings, resold, used);
    }
}
