package com.gridpivot.risk.montecarlo;

/**
 * The stochastic model of a Monte Carlo run (validated). See models/RISK.md.
 *
 * @param paths                     N, number of price paths
 * @param seed                      the run's seed; path k uses its own stream seeded by mix(seed, k)
 * @param threads                   worker threads (the answer does not depend on it)
 * @param volatilityMonthly         σ, sd of the monthly log-return shock
 * @param driftMode                 SCENARIO: the scenario's BTC path is the median path (shocks have mean 0);
 *                                  HISTORICAL: the month-to-month drift is the history's μ̂ instead of the scenario's
 * @param historicalDriftMonthly    μ̂ (used with HISTORICAL)
 * @param difficultyElasticity      η: difficulty's log-deviation from the scenario's path = η × the price's log-deviation
 *                                  {@code difficultyLagMonths} months before
 * @param difficultyLagMonths       L, months
 * @param aiRateDeclineSd           sd of a per-path shift added to every AI option's yearly rate decline
 * @param histogramBins             bins of the NPV histograms
 */
public record MonteCarloSettings(int paths, long seed, int threads, double volatilityMonthly, DriftMode driftMode,
                                 double historicalDriftMonthly, double difficultyElasticity, int difficultyLagMonths,
                                 double aiRateDeclineSd, int histogramBins) {

    public enum DriftMode { SCENARIO, HISTORICAL }

    public MonteCarloSettings withThreads(int t) {
        return new MonteCarloSettings(paths, seed, t, volatilityMonthly, driftMode, historicalDriftMonthly, difficultyElasticity,
                difficultyLagMonths, aiRateDeclineSd, histogramBins);
    }
}
