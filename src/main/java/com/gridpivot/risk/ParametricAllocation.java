package com.gridpivot.risk;

import com.gridpivot.optimization.input.Ancillary;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import java.util.Map;

/**
 * A base what-if and the rule that turns sweep values into a modified what-if. Values that a point does not name
 * keep their base.
 *
 * @param base            the validated base problem
 * @param baseBtcPriceUsd the BTC price at which the base hashprice holds; needed for {@link SweepInput#BTC_PRICE_USD}
 */
public record ParametricAllocation(AllocationProblem base, Double baseBtcPriceUsd) {

    /** The base value of an input, in the input's own unit. */
    public double baseValue(SweepInput input) {
        return switch (input) {
            case BTC_PRICE_USD -> baseBtcPriceUsd == null ? Double.NaN : baseBtcPriceUsd;
            case DISCOUNT_RATE -> base.discountRate();
            case SB6_CURTAILMENT_HOURS -> base.forcedCurtailment().hourCount();
            case COINCIDENT_PEAKS -> base.fourCp().peaks();
            default -> 1.0;
        };
    }

    public AllocationProblem at(Map<SweepInput, Double> values) {
        double hashScale = 1.0;
        double leaseScale = 1.0;
        double coloScale = 1.0;
        double priceScale = 1.0;
        double capexScale = 1.0;
        double rate = base.discountRate();
        double ancillaryScale = 1.0;
        Integer forcedHours = null;
        Integer peaks = null;
        for (Map.Entry<SweepInput, Double> e : values.entrySet()) {
            double v = e.getValue();
            switch (e.getKey()) {
                case HASHPRICE_SCALE, BTC_PRICE_SCALE -> hashScale *= v;
                case BTC_PRICE_USD -> hashScale *= v / baseBtcPriceUsd;
                case GPU_LEASE_SCALE -> leaseScale = v;
                case COLOCATION_SCALE -> coloScale = v;
                case ENERGY_PRICE_SCALE -> priceScale = v;
                case CAPEX_SCALE -> capexScale = v;
                case DISCOUNT_RATE -> rate = v;
                case ANCILLARY_PRICE_SCALE -> ancillaryScale = v;
                case SB6_CURTAILMENT_HOURS -> forcedHours = (int) Math.rint(v);
                case COINCIDENT_PEAKS -> peaks = (int) Math.rint(v);
            }
        }
        double[] hashprice = scaled(base.hashpriceUsdPerPhDay(), hashScale);
        double[] prices = scaled(base.priceUsdPerMwh(), priceScale);
        final double lease = leaseScale;
        final double colo = coloScale;
        final double capex = capexScale;
        var options = base.aiOptions().stream().map(o -> scaled(o, lease, colo, capex)).toList();
        return new AllocationProblem(base.site(), base.fleets(), options, prices, hashprice, rate, base.capexRecoveryYears(),
                base.solver(), base.hourAggregation(), base.timeLimitSeconds(), base.powerContract(),
                peaks == null ? base.fourCp() : base.fourCp().withPeaks(peaks),
                new Ancillary(base.ancillary().minimumRunningMw(), base.ancillary().priceScale() * ancillaryScale, base.ancillary().services()),
                // the forced hours are placed at the base prices' highest hours (a price scale does not move them)
                forcedHours == null ? base.forcedCurtailment() : base.forcedCurtailment().withHourCount(forcedHours, base.priceUsdPerMwh()));
    }

    /** An AI option with its rate scaled by its basis (GPU lease or colocation; a flat revenue stays) and its capex scaled. */
    static AiOptionSpec scaled(AiOptionSpec o, double leaseScale, double colocationScale, double capexScale) {
        return new AiOptionSpec(o.name(), o.offering(), o.revenueBasis(), o.revenueUsdPerMwh() * rateScale(o, leaseScale, colocationScale),
                o.tenantPaysPower(), o.pue(), o.maxItMw(), o.capexUsdPerMw() * capexScale, o.variableOpexUsdPerMwh(), o.fixedOpexUsdPerMwYear());
    }

    /** The factor on an option's rate: the lease scale for GPU_LEASE, the colocation scale for COLOCATION, else 1. */
    static double rateScale(AiOptionSpec o, double leaseScale, double colocationScale) {
        return o.revenueBasis() == RevenueBasis.GPU_LEASE ? leaseScale : o.revenueBasis() == RevenueBasis.COLOCATION ? colocationScale : 1.0;
    }

    static double[] scaled(double[] v, double k) {
        if (k == 1.0) {
            return v;
        }
        double[] out = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            out[t] = v[t] * k;
        }
        return out;
    }
}
