package com.gridpivot.risk.stochastic;

import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.montecarlo.PathSampler;
import com.gridpivot.risk.montecarlo.PathSampler.PathDraw;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios of a sample-average (SAA) stochastic plan: sample k is the plan problem with path k of the Monte Carlo
 * generator ({@link PathSampler}) applied to its data, exactly as {@link com.gridpivot.risk.montecarlo.PathEvaluator}
 * applies a path to a fixed plan (models/RISK.md):
 * <pre>
 *   hashprice of hour t, month m   hₜ × exp(Zₘ − η Z_{m−L}) × (1 + φₜ (F − 1))
 *   BTC price of month m           P̄ₘ × exp(Zₘ)                  (treasury sales and the sold BTC's end value)
 *   AI option j's yearly decline   min(1, declineⱼ + δ)          (revenue × max(0, 1 − declineⱼ − δ)^(m/12))
 * </pre>
 * Energy prices, capex, opex, salvage and the discount rate are the base problem's. Path k draws from its own seeded
 * stream, so sample k is the same bit for bit whatever else is drawn, in whatever order or thread.
 */
public final class ScenarioSampler {
    private ScenarioSampler() {
    }

    /** The base problem's mean BTC price per month P̄ₘ (the centre of the paths). */
    public static double[] scenarioBtcUsd(PlanProblem base) {
        double[] p = new double[base.monthCount()];
        for (int m = 0; m < p.length; m++) {
            p[m] = base.months().get(m).btcPriceUsd();
        }
        return p;
    }

    /** The path of index {@code pathIndex} of these settings' seed. */
    public static PathDraw draw(PlanProblem base, MonteCarloSettings s, int pathIndex) {
        return PathSampler.draw(s, scenarioBtcUsd(base), pathIndex);
    }

    /** Sample {@code pathIndex}: the base problem with that path applied (energy prices and fee shares shared, not copied). */
    public static PlanProblem sample(PlanProblem base, MonteCarloSettings s, int pathIndex) {
        return apply(base, draw(base, s, pathIndex));
    }

    /** The base problem with one path applied. */
    public static PlanProblem apply(PlanProblem base, PathDraw d) {
        List<MonthData> months = new ArrayList<>(base.monthCount());
        for (int m = 0; m < base.monthCount(); m++) {
            MonthData md = base.months().get(m);
            double[] h = new double[md.hours()];
            for (int t = 0; t < h.length; t++) {
                h[t] = md.hashpriceUsdPerPhDay()[t] * PathSampler.hashpriceMultiplier(d, m, md.feeShareOfHashprice()[t]);
            }
            months.add(new MonthData(md.month(), md.priceUsdPerMwh(), h, md.btcPriceUsd() * d.priceMultiplier()[m], md.feeShareOfHashprice()));
        }
        List<PlanOption> options = new ArrayList<>(base.options().size());
        for (PlanOption o : base.options()) {
            options.add(new PlanOption(o.spec(), o.leadTimeMonths(), o.capexTiming(), Math.min(1.0, o.rateDeclinePerYear() + d.aiDeclineShift()),
                    o.blockMw(), o.maxBlocks(), o.contract(), o.gpuLife()));
        }
        // ASIC salvage and purchase prices follow the sample's own hashprice, (h̄ₘ/h̄₀)^ε (as PathEvaluator's path index)
        List<PlanFleet> fleets = base.fleets().stream().map(f -> f.withPricesFollowing(months)).toList();
        return new PlanProblem(base.startMonth(), months, base.interconnectMw(), base.maxAiItMw(), base.minAiItMw(), base.minAiFromIndex(),
                base.maxConversionMwPerMonth(), fleets, options, base.startingCashUsd(), base.cashFloorUsd(), base.treasuryBtc(),
                base.discountRate(), base.solver(), base.hourModel(), base.timeLimitSeconds(), base.dataNotes(),
                    base.terminalValue());
    }
}
