package com.gridpivot.risk.stochastic;

import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.MonthBlock;
import com.gridpivot.planning.model.PlanModelBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample's second stage, solved exactly without an LP (the scenario subproblem of the decomposition, models/RISK.md).
 * Given the first stage, month m of the sample is, block by block, the fractional knapsack
 * <pre>
 *   Vₘ(K, P) = Σ_b max Σᵢ M_bi D_bi   s.t.  D_bi ≤ K[i,m] (λ… μ_bi),  Σᵢ pueᵢ D_bi ≤ C − Pₘ (λ_b),  D ≥ 0
 * </pre>
 * (M_bi the block's summed margin per MW, Pₘ = Σⱼ pueⱼ W[j,m]) — the plan LP's dispatch, interconnect and dispatch cash for
 * this sample's blocks, which {@link PlanModelBuilder#blocks} builds as for a plan. Its optimum fills the fleets of positive
 * margin in decreasing M/pue until the site power is used. Its duals: λ_b = M/pue of the fleet the power runs out on (0
 * when every fleet fits), μ_bi = M_bi − λ_b pueᵢ for the fleets filled before it (0 after) — so
 * ∂V/∂K[i,m] = Σ_b μ_bi and ∂V/∂Pₘ = −Σ_b λ_b (a supergradient where V has a kink; V is concave).
 * Stored compactly: per block its fleets (best first, positive margin only) and their margins.
 */
final class SampleDispatch {
    /** blocks of month m: monthStart[m] … monthStart[m+1]−1; entries of block b: blockStart[b] … blockStart[b+1]−1. */
    final int[] monthStart;
    final int[] blockStart;
    final int[] fleet;
    final double[] margin;
    /** Per entry (only when built with parts): revenue, energy and variable-opex sums per MW. */
    final double[] revenue;
    final double[] energy;
    final double[] opex;

    private SampleDispatch(int[] monthStart, int[] blockStart, int[] fleet, double[] margin, double[] revenue, double[] energy, double[] opex) {
        this.monthStart = monthStart;
        this.blockStart = blockStart;
        this.fleet = fleet;
        this.margin = margin;
        this.revenue = revenue;
        this.energy = energy;
        this.opex = opex;
    }

    static SampleDispatch of(PlanProblem sample, boolean withParts) {
        List<List<MonthBlock>> blocks = PlanModelBuilder.blocks(sample);
        double[] pue = pue(sample);
        int months = sample.monthCount();
        int[] monthStart = new int[months + 1];
        List<Integer> bs = new ArrayList<>();
        int entries = 0;
        for (List<MonthBlock> mb : blocks) {
            for (MonthBlock b : mb) {
                entries += b.activeFleets().length;
            }
        }
        int[] fleet = new int[entries];
        double[] margin = new double[entries];
        double[] rev = withParts ? new double[entries] : null;
        double[] en = withParts ? new double[entries] : null;
        double[] op = withParts ? new double[entries] : null;
        int e = 0;
        int nb = 0;
        for (int m = 0; m < months; m++) {
            monthStart[m] = nb;
            for (MonthBlock b : blocks.get(m)) {
                bs.add(e);
                nb++;
                // positive margins only, by margin per MW of site power, best first (ties: the block's order)
                List<Integer> ks = new ArrayList<>();
                for (int k = 0; k < b.activeFleets().length; k++) {
                    if (b.marginUsdPerMw(k) > 0.0) {
                        ks.add(k);
                    }
                }
                ks.sort((x, y) -> Double.compare(b.marginUsdPerMw(y) / pue[b.activeFleets()[y]], b.marginUsdPerMw(x) / pue[b.activeFleets()[x]]));
                for (int k : ks) {
                    fleet[e] = b.activeFleets()[k];
                    margin[e] = b.marginUsdPerMw(k);
                    if (withParts) {
                        rev[e] = b.revenueUsdPerMw()[k];
                        en[e] = b.energyUsdPerMw()[k];
                        op[e] = b.varOpexUsdPerMw()[k];
                    }
                    e++;
                }
            }
        }
        monthStart[months] = nb;
        int[] blockStart = new int[nb + 1];
        for (int b = 0; b < nb; b++) {
            blockStart[b] = bs.get(b);
        }
        blockStart[nb] = e;
        return new SampleDispatch(monthStart, blockStart, java.util.Arrays.copyOf(fleet, e), java.util.Arrays.copyOf(margin, e),
                withParts ? java.util.Arrays.copyOf(rev, e) : null, withParts ? java.util.Arrays.copyOf(en, e) : null,
                withParts ? java.util.Arrays.copyOf(op, e) : null);
    }

    static double[] pue(PlanProblem p) {
        double[] pue = new double[p.fleets().size()];
        for (int i = 0; i < pue.length; i++) {
            pue[i] = p.fleets().get(i).spec().pue();
        }
        return pue;
    }

    /** Σ_b C × (best M/pue of the block, 0 when none is positive): no dispatch of month m can earn more. */
    double monthUpperBoundUsd(int m, double interconnectMw, double[] pue) {
        double u = 0.0;
        for (int b = monthStart[m]; b < monthStart[m + 1]; b++) {
            if (blockStart[b + 1] > blockStart[b]) {
                int e = blockStart[b];
                u += interconnectMw * margin[e] / pue[fleet[e]];
            }
        }
        return u;
    }

    /**
     * Vₘ(K, P), and w × its supergradient added to gK (per fleet) and gP[0] (per MW of AI site power).
     *
     * @param kept  K[i,m]
     * @param power Pₘ
     * @param parts when not null, the dispatch's revenue, energy and variable opex are added to parts[0..2]
     */
    double month(int m, double[] kept, double power, double interconnectMw, double[] pue, double w, double[] gK, double[] gP, double[] parts) {
        double value = 0.0;
        for (int b = monthStart[m]; b < monthStart[m + 1]; b++) {
            double room = interconnectMw - power;
            double lambda = 0.0;
            int end = blockStart[b + 1];
            int full = end; // entries before this one are filled to K; it and those after get μ = 0
            for (int e = blockStart[b]; e < end; e++) {
                int i = fleet[e];
                if (room <= 0.0) {
                    lambda = margin[e] / pue[i];
                    full = e;
                    break;
                }
                double need = kept[i] * pue[i];
                double mw;
                if (need <= room) {
                    mw = kept[i];
                    room -= need;
                } else {
                    mw = room / pue[i];
                    room = 0.0;
                    lambda = margin[e] / pue[i];
                    full = e;
                }
                value += margin[e] * mw;
                if (parts != null) {
                    parts[0] += revenue[e] * mw;
                    parts[1] += energy[e] * mw;
                    parts[2] += opex[e] * mw;
                }
                if (full == e) {
                    break;
                }
            }
            if (gK != null) {
                for (int x = blockStart[b]; x < full; x++) {
                    gK[fleet[x]] += w * (margin[x] - lambda * pue[fleet[x]]);
                }
                gP[0] -= w * lambda;
            }
        }
        return value;
    }
}
