package com.gridpivot.risk.montecarlo;

import java.util.List;

/**
 * The answer of a Monte Carlo run. NPVs are the plan model's objective (discounted cash flows less the end value of BTC
 * sold) on each path; "incremental" is NPV − the stay-on-Bitcoin plan's NPV on the same path (every fleet kept, no AI,
 * nothing sold or bought — a fixed plan, not re-optimised per path).
 *
 * @param startMonth  first month
 * @param months      horizon
 * @param paths       N
 * @param seed        the seed (the same seed and inputs give the same numbers, for any thread count)
 * @param model       the price model used
 * @param baseline    name of the stay-on-Bitcoin plan the incremental figures are against
 * @param plans       per plan (baseline last)
 * @param computeMs   wall time of the path evaluation (not part of the reproducible answer)
 */
public record MonteCarloResult(String startMonth, int months, int paths, long seed, Model model, String baseline, List<PlanDistribution> plans,
                               double computeMs) {

    /**
     * @param kind                     "GBM on monthly log-returns" or "block bootstrap of monthly log-returns"
     * @param calibration              the BTC history the volatility (and HISTORICAL drift, and the bootstrap's returns) come from
     * @param volatilityMonthly        σ used (BOOTSTRAP: the history's σ̂, the sd of the returns it resamples)
     * @param driftMode                SCENARIO or HISTORICAL
     * @param driftMonthly             μ̂ when HISTORICAL, else null
     * @param difficultyElasticity     η
     * @param difficultyLagMonths      L
     * @param aiRateDeclineSd          sd of the per-path AI decline shift
     * @param priceModel               GBM or BOOTSTRAP
     * @param blockLengthMonths        BOOTSTRAP: months per block, else null
     * @param feeSd                    sd of ln F, the per-path factor on the fee part of hashprice (0 unless asked for)
     * @param feeCalibration           the fee history's own figures (its feeSd is the calibrated value to pass for a wide fee view)
     */
    public record Model(String kind, BtcHistory calibration, double volatilityMonthly, String driftMode, Double driftMonthly,
                        double difficultyElasticity, int difficultyLagMonths, double aiRateDeclineSd, String priceModel,
                        Integer blockLengthMonths, double feeSd, FeeHistory feeCalibration) {
    }

    /**
     * @param name                         the plan
     * @param status                       EVALUATED, or INFEASIBLE when its decisions break a limit at the base scenario
     * @param explanation                  why not evaluated, or null
     * @param headline                     the NPV led by its median (P50), with the mean and P10/P90 beside it, in numbers and
     *                                     words (null when not evaluated)
     * @param baseScenarioNpvUsd           NPV of the plan on the scenario itself (the plan LP, dispatch optimised)
     * @param npvUsd                       NPV over the paths
     * @param incrementalNpvUsd            NPV − stay-on-Bitcoin NPV, path by path (null for the baseline itself)
     * @param probNpvBelowZero             share of paths with NPV &lt; 0
     * @param probIncrementalNpvBelowZero  share of paths where the plan does worse than staying on Bitcoin ("probability of loss")
     * @param lowestCashUsd                the lowest cumulative cash of each path ("worst month of cash")
     * @param lowestCashMedianMonth        the month in which the lowest cash most often falls
     * @param probCashBelowCreditLine      share of paths whose cumulative cash falls below −creditLine (below 0 without a credit line)
     * @param npvHistogram                 NPV bins for charts
     * @param incrementalNpvHistogram      incremental NPV bins (null for the baseline)
     * @param terminalValueUsd             the terminal value at the horizon's end over the paths, beside npvUsd (the horizon's),
     *                                     never inside it (null with finance.terminalValue.method NONE)
     * @param npvWithTerminalValueUsd      npvUsd + terminalValueUsd path by path: the plan LP's objective (null with NONE)
     * @param incrementalNpvWithTerminalValueUsd the same against staying on Bitcoin, path by path (null with NONE and for the baseline)
     * @param baseScenarioNpvWithTerminalValueUsd the plan LP's objective at the scenario itself (null with NONE)
     */
    public record PlanDistribution(String name, String status, String explanation, Headline headline, Double baseScenarioNpvUsd, Stats npvUsd,
                                   Stats incrementalNpvUsd, Double probNpvBelowZero, Double probIncrementalNpvBelowZero,
                                   Stats lowestCashUsd, String lowestCashMedianMonth, Double probCashBelowCreditLine,
                                   Histogram npvHistogram, Histogram incrementalNpvHistogram, Stats terminalValueUsd,
                                   Stats npvWithTerminalValueUsd, Stats incrementalNpvWithTerminalValueUsd,
                                   Double baseScenarioNpvWithTerminalValueUsd) {
    }

    /**
     * Percentiles by linear interpolation between order statistics (p·(N−1)), led by the median P50: over lognormal prices the
     * mean sits above the median (a few high paths pull it up), so the median is what a typical path gives.
     */
    public record Stats(double p50, double mean, double p10, double p90, double sd, double min, double max) {
    }

    /**
     * What a plan's distribution says, led by the median (issue 14, item 7).
     *
     * @param p50NpvUsd             median NPV: half the paths end below it
     * @param meanNpvUsd            mean NPV, beside it (above the median when a right tail pulls it up)
     * @param p10NpvUsd             1 path in 10 ends below it
     * @param p90NpvUsd             1 path in 10 ends above it
     * @param p50IncrementalNpvUsd  median of NPV − stay-on-Bitcoin NPV, path by path (null for the baseline)
     * @param meanIncrementalNpvUsd mean of the same (null for the baseline)
     * @param p10IncrementalNpvUsd  P10 of the same (null for the baseline)
     * @param p90IncrementalNpvUsd  P90 of the same (null for the baseline)
     * @param text                  the same in words, with the scenario's own NPV and the probability of loss
     */
    public record Headline(double p50NpvUsd, double meanNpvUsd, double p10NpvUsd, double p90NpvUsd, Double p50IncrementalNpvUsd,
                           Double meanIncrementalNpvUsd, Double p10IncrementalNpvUsd, Double p90IncrementalNpvUsd, String text) {
    }

    /** {@code counts[b]} paths fell in [edges[b], edges[b+1]) (the last bin includes its upper edge). */
    public record Histogram(double[] edgesUsd, int[] counts) {
    }
}
