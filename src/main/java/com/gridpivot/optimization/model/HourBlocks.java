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
        if (p.ancillary().active()) {
            return exactWithAncillary(p);
        }
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


    /**
     * Hours merged exactly when the mining load also offers ancillary capacity (models/README.md, "Ancillary services").
     * Fix x, y and the ERS commitments e. In an hour without deployment, the offered MW z ≤ α Lₜ − eₜ earn wₜ (the best hourly
     * price) each, so the hour's value is Σᵢ (mᵢₜ + α wₜ pueᵢ) dᵢ − wₜ eₜ with α Lₜ ≥ eₜ: a knapsack on m'ᵢₜ = mᵢₜ + α wₜ pueᵢ
     * with a floor on the load when ERS is committed. Its solution depends only on (the fleets with m' &gt; 0, their order by
     * m'/pue) and, under an ERS period, on the order of all fleets (the floor is met by the fleets with m' ≤ 0, least
     * negative first). Hours with the same rule, the same ERS periods and the same best-paid hourly service therefore merge
     * as in {@link #exact}: sums keep orders and signs, and the best service's price sum is the largest. Hours with an
     * expected deployment stay single hours with every fleet active (the deployment's cost depends on which fleet stops).
     */
    static List<HourBlock> exactWithAncillary(AllocationProblem p) {
        List<FleetSpec> fleets = p.fleets();
        int n = fleets.size();
        double[] pue = fleets.stream().mapToDouble(FleetSpec::pue).toArray();
        double[] cap = fleets.stream().mapToDouble(FleetSpec::capacityMw).toArray();
        var anc = p.ancillary();
        var ers = anc.ersServices();
        java.util.Map<String, List<Integer>> hoursByKey = new java.util.LinkedHashMap<>();
        java.util.Map<String, int[]> orderByKey = new java.util.LinkedHashMap<>();
        StringBuilder key = new StringBuilder();
        for (int t = 0; t < p.hours(); t++) {
            final int hour = t;
            key.setLength(0);
            int[] order;
            if (anc.deployedIn(t)) {
                order = java.util.stream.IntStream.range(0, n).filter(i -> cap[i] > 0.0).toArray();
                key.append("deployed@").append(t);
            } else {
                boolean underErs = false;
                key.append("ers");
                for (var e : ers) {
                    int period = e.periodAt(t);
                    underErs |= period >= 0;
                    key.append(':').append(period);
                }
                key.append("|best:").append(anc.bestHourly(t)).append('|');
                MeritOrder.Margin value = (i, h) -> p.miningValueWithAncillaryUsdPerMwh(fleets.get(i), h);
                int[] positive = MeritOrder.of(t, value, pue, cap);
                key.append(java.util.Arrays.toString(positive));
                if (underErs) {
                    Integer[] all = java.util.stream.IntStream.range(0, n).filter(i -> cap[i] > 0.0).boxed().toArray(Integer[]::new);
                    java.util.Arrays.sort(all, java.util.Comparator.comparingDouble((Integer i) -> -value.usdPerMwh(i, hour) / pue[i])
                            .thenComparingInt(i -> i));
                    order = java.util.Arrays.stream(all).mapToInt(Integer::intValue).toArray();
                    key.append("|all:").append(java.util.Arrays.toString(order));
                } else {
                    order = positive;
                }
            }
            String k = key.toString();
            hoursByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
            orderByKey.putIfAbsent(k, order);
        }
        List<HourBlock> out = new ArrayList<>(hoursByKey.size());
        int b = 0;
        for (var e : hoursByKey.entrySet()) {
            int[] hours = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            int[] order = orderByKey.get(e.getKey());
            double[] sums = new double[order.length];
            for (int k = 0; k < order.length; k++) {
                for (int t : hours) {
                    sums[k] += p.miningMarginUsdPerMwh(fleets.get(order[k]), t);
                }
            }
            out.add(new HourBlock(String.format("b%03d", b++), hours, order, sums));
        }
        return out;
    }
}
