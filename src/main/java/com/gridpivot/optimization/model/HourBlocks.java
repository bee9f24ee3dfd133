package com.gridpivot.optimization.model;

import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Partitions the horizon's hours into {@link HourBlock}s.
 *
 * <p><b>Why merging is exact.</b> Fix the deployed MW xᵢ and the AI load yⱼ. Hour t then leaves
 * Rₜ = interconnectMw − Σⱼ pueⱼ yⱼ of site power for the fleets, and its best dispatch is a fractional knapsack:
 * fill the fleets with a positive margin mᵢₜ in decreasing order of mᵢₜ / pueᵢ, each up to xᵢ, until Rₜ is used.
 * R does not depend on t, so two hours with the same positive set and the same order get the same dispatch
 * dᵢ(x, R), and their value is Σᵢ mᵢₜ dᵢ(x, R). Summing the margins over a block keeps the order (a sum of
 * ordered ratios is ordered) and the signs, so the block LP max Σᵢ (Σₜ mᵢₜ) Dᵢ s.t. Σᵢ pueᵢ Dᵢ ≤ R, Dᵢ ≤ xᵢ is
 * solved by the same fill and has value Σₜ Vₜ(x, R) for every x and R. The merged LP therefore has the same optimal
 * value and the same optimal x, y as the hourly LP, and the derivative of that value with respect to the
 * interconnect equals the sum of the hourly interconnect duals.
 *
 * <p>With a flat hashprice the merit order of the fleets does not depend on the energy price (it cancels), so a year
 * collapses into at most (fleets + 1) blocks; with a daily hashprice into a few dozen.
 */
public final class HourBlocks {
    private HourBlocks() {
    }

    /** One block per hour with every fleet active: the naive hourly model. */
    public static List<HourBlock> hourly(AllocationProblem p) {
        int n = p.fleets().size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        List<HourBlock> out = new ArrayList<>(p.hours());
        for (int t = 0; t < p.hours(); t++) {
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                m[i] = p.miningMarginUsdPerMwh(p.fleets().get(i), t);
            }
            out.add(new HourBlock(String.format("h%05d", t), new int[] {t}, all, m));
        }
        return out;
    }

    /** Hours merged by (positive fleets, merit order): exact, see the class comment. */
    public static List<HourBlock> exact(AllocationProblem p) {
        List<FleetSpec> fleets = p.fleets();
        List<MeritOrder.Group> groups = MeritOrder.group(p.hours(), (i, t) -> p.miningMarginUsdPerMwh(fleets.get(i), t),
                fleets.stream().mapToDouble(FleetSpec::pue).toArray(), fleets.stream().mapToDouble(FleetSpec::capacityMw).toArray());
        List<HourBlock> out = new ArrayList<>(groups.size());
        int b = 0;
        for (MeritOrder.Group g : groups) {
            double[] sums = new double[g.order().length];
            for (int k = 0; k < sums.length; k++) {
                FleetSpec f = fleets.get(g.order()[k]);
                for (int t : g.hours()) {
                    sums[k] += p.miningMarginUsdPerMwh(f, t);
                }
            }
            out.add(new HourBlock(String.format("b%03d", b++), g.hours(), g.order(), sums));
        }
        return out;
    }

}
