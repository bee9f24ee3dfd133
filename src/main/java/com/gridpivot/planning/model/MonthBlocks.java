package com.gridpivot.planning.model;

import com.gridpivot.economics.Formulas;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.model.MeritOrder;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import java.util.ArrayList;
import java.util.List;

/**
 * Partitions the hours of one month into blocks, as {@link com.gridpivot.optimization.model.HourBlocks} does for a
 * horizon. Inside month m the kept ASIC MW K[i,m] and the AI MW reserved W[j,m] are the same in every hour, so every
 * hour leaves the same site power R_m = C − Σⱼ pueⱼ W[j,m] to the fleets and is a fractional knapsack with the same
 * capacities: hours with the same positive fleets in the same merit order (margin per MW of site power) have the same
 * optimal dispatch, and one block with summed coefficients has the same value for every K and W. Exact.
 */
public final class MonthBlocks {
    private MonthBlocks() {
    }

    /** One block per hour with every fleet active: the naive model. */
    public static List<MonthBlock> hourly(MonthData month, List<FleetSpec> fleets) {
        int n = fleets.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        List<MonthBlock> out = new ArrayList<>(month.hours());
        for (int t = 0; t < month.hours(); t++) {
            out.add(block(String.format("h%04d", t), new int[] {t}, all, month, fleets));
        }
        return out;
    }

    /** Hours merged by (positive fleets, merit order). */
    public static List<MonthBlock> exact(MonthData month, List<FleetSpec> fleets) {
        List<MeritOrder.Group> groups = MeritOrder.group(month.hours(), (i, t) -> month.miningMarginUsdPerMwh(fleets.get(i), t),
                fleets.stream().mapToDouble(FleetSpec::pue).toArray(), fleets.stream().mapToDouble(FleetSpec::capacityMw).toArray());
        List<MonthBlock> out = new ArrayList<>(groups.size());
        int b = 0;
        for (MeritOrder.Group g : groups) {
            out.add(block(String.format("b%03d", b++), g.hours(), g.order(), month, fleets));
        }
        return out;
    }

    /**
     * Hours of month m merged so that each block is exact for every variant of the month at once (a sweep of a plan:
     * same hours and fleets, other prices or hashprice; see {@link MeritOrder#refine}). Sums are those of {@code base}.
     */
    public static List<MonthBlock> refined(MonthData base, List<MonthData> variants, List<FleetSpec> fleets) {
        List<MeritOrder.Margin> margins = variants.stream()
                .<MeritOrder.Margin>map(v -> (i, t) -> v.miningMarginUsdPerMwh(fleets.get(i), t)).toList();
        List<MeritOrder.Group> groups = MeritOrder.refine(base.hours(), margins, fleets.stream().mapToDouble(FleetSpec::pue).toArray(),
                fleets.stream().mapToDouble(FleetSpec::capacityMw).toArray());
        List<MonthBlock> out = new ArrayList<>(groups.size());
        int b = 0;
        for (MeritOrder.Group g : groups) {
            out.add(block(String.format("r%03d", b++), g.hours(), g.order(), base, fleets));
        }
        return out;
    }

    private static MonthBlock block(String label, int[] hours, int[] order, MonthData month, List<FleetSpec> fleets) {
        double[] rev = new double[order.length];
        double[] energy = new double[order.length];
        double[] opex = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            FleetSpec f = fleets.get(order[k]);
            for (int t : hours) {
                rev[k] += f.revenueUsdPerMwhAt(month.hashpriceUsdPerPhDay()[t]);
                energy[k] += Formulas.miningEnergyCostUsdPerMwh(month.priceUsdPerMwh()[t], f.pue());
                opex[k] += f.variableOpexUsdPerMwh();
            }
        }
        return new MonthBlock(label, hours.length, order, rev, energy, opex);
    }
}
