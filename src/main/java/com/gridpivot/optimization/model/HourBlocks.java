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
        groups = splitForced(p, groups);
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
     * Under a curtailment order (SB 6) a group splits into its forced hours and its free hours: in a forced hour the fleets
     * share min(C, L̂) (less the AI site power under COUNTED) instead of C − AI site power, the same in every forced hour, so
     * forced hours with one rule still merge exactly (the fill argument above with another constant room).
     */
    static List<MeritOrder.Group> splitForced(AllocationProblem p, List<MeritOrder.Group> groups) {
        var order = p.forcedCurtailment();
        if (!order.active()) {
            return groups;
        }
        List<MeritOrder.Group> out = new ArrayList<>(groups.size() + 1);
        for (MeritOrder.Group g : groups) {
            int[] forced = java.util.Arrays.stream(g.hours()).filter(order::isForced).toArray();
            int[] free = java.util.Arrays.stream(g.hours()).filter(t -> !order.isForced(t)).toArray();
            if (free.length > 0) {
                out.add(new MeritOrder.Group(free, g.order()));
            }
            if (forced.length > 0) {
                out.add(new MeritOrder.Group(forced, g.order()));
            }
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
        int hours = p.hours();
        double[] pue = fleets.stream().mapToDouble(FleetSpec::pue).toArray();
        double[] cap = fleets.stream().mapToDouble(FleetSpec::capacityMw).toArray();
        var anc = p.ancillary();
        var ers = anc.ersServices();
        var hourly = anc.hourlyServices();
        double alpha = p.ancillaryOfferShare();
        // per hour: margins mᵢₜ, the best hourly service and its price wₜ, deployment, ERS periods
        double[][] margin = new double[n][hours];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < hours; t++) {
                margin[i][t] = p.miningMarginUsdPerMwh(fleets.get(i), t);
            }
        }
        boolean[] deployed = new boolean[hours];
        for (var svc : anc.services()) {
            for (var d : svc.deployments()) {
                for (int t = d.fromHour(); t < Math.min(d.toHour(), hours); t++) {
                    deployed[t] |= d.probability() > 0.0;
                }
            }
        }
        int[] all = java.util.stream.IntStream.range(0, n).filter(i -> cap[i] > 0.0).toArray();
        java.util.Map<String, List<Integer>> hoursByKey = new java.util.LinkedHashMap<>();
        java.util.Map<String, int[]> orderByKey = new java.util.LinkedHashMap<>();
        StringBuilder key = new StringBuilder();
        double[] value = new double[n];
        for (int t = 0; t < hours; t++) {
            key.setLength(0);
            int[] order;
            if (deployed[t]) {
                order = all;
                key.append("deployed@").append(t);
            } else {
                key.append(p.forcedCurtailment().isForced(t) ? "forced|" : "free|");
                int best = -1;
                double w = 0.0;
                for (int k = 0; k < hourly.size(); k++) {
                    double v = anc.priceUsdPerMwHour(hourly.get(k), t);
                    if (v > w) {
                        w = v;
                        best = k;
                    }
                }
                boolean underErs = false;
                key.append("ers");
                for (var e : ers) {
                    int period = e.periodAt(t);
                    underErs |= period >= 0;
                    key.append(':').append(period);
                }
                key.append("|best:").append(best).append('|');
                for (int i = 0; i < n; i++) {
                    value[i] = margin[i][t] + alpha * w * pue[i];
                }
                // all fleets with capacity by value per MW of site power, best first, ties in fleet order (insertion sort:
                // a handful of fleets); the fleets with a positive value are its prefix (MeritOrder.of's rule)
                int[] sorted = all.clone();
                for (int a = 1; a < sorted.length; a++) {
                    int f = sorted[a];
                    double r = value[f] / pue[f];
                    int c = a - 1;
                    while (c >= 0 && value[sorted[c]] / pue[sorted[c]] < r) {
                        sorted[c + 1] = sorted[c];
                        c--;
                    }
                    sorted[c + 1] = f;
                }
                int positives = 0;
                while (positives < sorted.length && value[sorted[positives]] > 0.0) {
                    positives++;
                }
                order = underErs ? sorted : java.util.Arrays.copyOf(sorted, positives);
                key.append(positives).append(underErs ? "|all:" : "|");
                for (int i : underErs ? sorted : order) {
                    key.append(i).append(',');
                }
            }
            String k = key.toString();
            hoursByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
            orderByKey.putIfAbsent(k, order);
        }
        List<HourBlock> out = new ArrayList<>(hoursByKey.size());
        int b = 0;
        for (var e : hoursByKey.entrySet()) {
            int[] hs = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            int[] order = orderByKey.get(e.getKey());
            double[] sums = new double[order.length];
            for (int k = 0; k < order.length; k++) {
                for (int t : hs) {
                    sums[k] += margin[order[k]][t];
                }
            }
            out.add(new HourBlock(String.format("b%03d", b++), hs, order, sums));
        }
        return out;
    }
}
