package com.gridpivot.optimization.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch rule of one hour, shared by every model that merges hours exactly (the what-if's {@link HourBlocks},
 * the plan's month blocks, the sweep's refined blocks): the fleets with a positive margin and non-zero capacity, in
 * decreasing order of margin per MW of site power, ties in fleet order. Hours with the same rule have the same optimal
 * dispatch for any deployed MW and any AI load (see models/README.md), so they can be merged.
 */
public final class MeritOrder {
    private MeritOrder() {
    }

    /** Margin per MWh of IT load of fleet {@code i} in hour {@code t}. */
    @FunctionalInterface
    public interface Margin {
        double usdPerMwh(int fleet, int hour);
    }

    /**
     * A set of hours sharing one rule.
     *
     * @param hours the hours, ascending
     * @param order the fleets that run, best first
     */
    public record Group(int[] hours, int[] order) {
    }

    /** The rule of hour {@code t}: positive fleets, best margin per MW of site power first. */
    public static int[] of(int t, Margin margin, double[] pue, double[] capacityMw) {
        int n = pue.length;
        Integer[] positive = new Integer[n];
        double[] ratio = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double m = margin.usdPerMwh(i, t);
            ratio[i] = m / pue[i];
            if (m > 0.0 && capacityMw[i] > 0.0) {
                positive[count++] = i;
            }
        }
        Integer[] active = Arrays.copyOf(positive, count);
        Arrays.sort(active, Comparator.comparingDouble((Integer i) -> -ratio[i]).thenComparingInt(i -> i));
        return Arrays.stream(active).mapToInt(Integer::intValue).toArray();
    }

    /** Hours 0…hours−1 grouped by their rule, groups in order of first appearance. */
    public static List<Group> group(int hours, Margin margin, double[] pue, double[] capacityMw) {
        Map<String, List<Integer>> hoursByKey = new LinkedHashMap<>();
        Map<String, int[]> orderByKey = new LinkedHashMap<>();
        for (int t = 0; t < hours; t++) {
            int[] order = of(t, margin, pue, capacityMw);
            String key = Arrays.toString(order);
            hoursByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            orderByKey.putIfAbsent(key, order);
        }
        List<Group> out = new ArrayList<>(hoursByKey.size());
        for (Map.Entry<String, List<Integer>> e : hoursByKey.entrySet()) {
            out.add(new Group(e.getValue().stream().mapToInt(Integer::intValue).toArray(), orderByKey.get(e.getKey())));
        }
        return out;
    }

    /**
     * Hours grouped so that each group is exact for every margin at once: two hours share a group only when, under every
     * margin, they have the same rule. A group's {@code order} is the union of its rules' fleets, in fleet order (under a
     * margin that leaves a fleet out, that fleet's margin is ≤ 0 in every hour of the group, so it stays at 0).
     */
    public static List<Group> refine(int hours, List<Margin> margins, double[] pue, double[] capacityMw) {
        int n = pue.length;
        Map<String, List<Integer>> hoursByKey = new LinkedHashMap<>();
        Map<String, boolean[]> activeByKey = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder();
        for (int t = 0; t < hours; t++) {
            key.setLength(0);
            boolean[] active = new boolean[n];
            for (Margin margin : margins) {
                int[] order = of(t, margin, pue, capacityMw);
                for (int i : order) {
                    active[i] = true;
                }
                key.append(Arrays.toString(order)).append('|');
            }
            String k = key.toString();
            hoursByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
            activeByKey.putIfAbsent(k, active);
        }
        List<Group> out = new ArrayList<>(hoursByKey.size());
        for (Map.Entry<String, List<Integer>> e : hoursByKey.entrySet()) {
            boolean[] active = activeByKey.get(e.getKey());
            int[] fleets = java.util.stream.IntStream.range(0, n).filter(i -> active[i]).toArray();
            out.add(new Group(e.getValue().stream().mapToInt(Integer::intValue).toArray(), fleets));
        }
        return out;
    }
}
