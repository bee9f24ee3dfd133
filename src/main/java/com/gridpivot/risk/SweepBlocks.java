package com.gridpivot.risk;

import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.model.HourBlock;
import com.gridpivot.optimization.model.MeritOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Hour blocks that are exact for every point of a sweep at once: two hours share a block only when, at every point,
 * they have the same positive fleets in the same merit order (the condition of HourBlocks.exact, intersected over
 * the points). One LP over these blocks then serves all points; a point changes only objective coefficients.
 */
public final class SweepBlocks {
    private SweepBlocks() {
    }

    public static List<HourBlock> refine(List<AllocationProblem> variants) {
        AllocationProblem first = variants.get(0);
        double[] pue = first.fleets().stream().mapToDouble(FleetSpec::pue).toArray();
        double[] capacity = first.fleets().stream().mapToDouble(FleetSpec::capacityMw).toArray();
        List<MeritOrder.Margin> margins = variants.stream()
                .<MeritOrder.Margin>map(p -> (i, t) -> p.miningMarginUsdPerMwh(p.fleets().get(i), t)).toList();
        List<HourBlock> out = new ArrayList<>();
        int b = 0;
        for (MeritOrder.Group g : MeritOrder.refine(first.hours(), margins, pue, capacity)) {
            out.add(new HourBlock(String.format("s%04d", b++), g.hours(), g.order(), marginSums(first, g.hours(), g.order())));
        }
        return out;
    }

    /** Σ over the block's hours of each active fleet's margin at one point. */
    public static double[] marginSums(AllocationProblem p, int[] hours, int[] fleets) {
        double[] sums = new double[fleets.length];
        for (int k = 0; k < fleets.length; k++) {
            FleetSpec f = p.fleets().get(fleets[k]);
            double s = 0.0;
            for (int t : hours) {
                s += p.miningMarginUsdPerMwh(f, t);
            }
            sums[k] = s;
        }
        return sums;
    }
}
