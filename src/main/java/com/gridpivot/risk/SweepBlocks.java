package com.gridpivot.risk;

import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.model.HourBlock;
import com.gridpivot.optimization.model.MeritOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        int n = first.fleets().size();
        Map<String, List<Integer>> hoursByKey = new LinkedHashMap<>();
        Map<String, boolean[]> activeByKey = new LinkedHashMap<>();
        double[] pue = first.fleets().stream().mapToDouble(FleetSpec::pue).toArray();
        double[] capacity = first.fleets().stream().mapToDouble(FleetSpec::capacityMw).toArray();
        StringBuilder key = new StringBuilder();
        for (int t = 0; t < first.hours(); t++) {
            key.setLength(0);
            boolean[] active = new boolean[n];
            for (AllocationProblem p : variants) {
                int[] order = MeritOrder.of(t, (i, h) -> p.miningMarginUsdPerMwh(p.fleets().get(i), h), pue, capacity);
                for (int i : order) {
                    active[i] = true;
                }
                key.append(Arrays.toString(order)).append('|');
            }
            String k = key.toString();
            hoursByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
            activeByKey.putIfAbsent(k, active);
        }
        List<HourBlock> out = new ArrayList<>();
        int b = 0;
        for (Map.Entry<String, List<Integer>> e : hoursByKey.entrySet()) {
            boolean[] active = activeByKey.get(e.getKey());
            int[] fleets = java.util.stream.IntStream.range(0, n).filter(i -> active[i]).toArray();
            int[] hours = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            out.add(new HourBlock(String.format("s%04d", b++), hours, fleets, marginSums(first, hours, fleets)));
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
