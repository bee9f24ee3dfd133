package com.gridpivot.risk.montecarlo;

/**
 * The stochastic model of a Monte Carlo run (validated). See models/RISK.md.
 *
 * @param paths                     N, number of price paths
 * @param seed                      the run's seed; path k uses its own stream seeded by mix(seed, k)
 * @param threads                   worker threads (the answer does not depend on it)
 * @param volatilityMonthly         σ, sd of the monthly log-return shock (GBM)
 * @param driftMode                 SCENARIO: the scenario's BTC path is the centre (shocks have mean 0);
 *                                  HISTORICAL: the month-to-month drift is the history's μ̂ instead of the scenario's
 * @param historicalDriftMonthly    μ̂ (used with HISTORICAL, and to demean the bootstrap's returns)
 * @param difficultyElasticity      η: difficulty's log-deviation from the scenario's path = η × the price's log-deviation
 *                                  {@code difficultyLagMonths} months before
 * @param difficultyLagMonths       L, months
 * @param aiRateDeclineSd           sd of a per-path shift added to every AI option's yearly rate decline
 * @param histogramBins             bins of the NPV histograms
 * @param priceModel                GBM (normal shocks of sd σ) or BOOTSTRAP (blocks of the history's demeaned returns);
 *                                  null (inputs stored before the field existed) = GBM
 * @param blockLengthMonths         BOOTSTRAP: months per resampled block (1 … number of history returns)
 * @param historyLogReturnsMonthly  BOOTSTRAP: the history's monthly log-returns in calendar order (kept in the stored
 *                                  input, so a stored run replays the same history)
 * @param feeSd                     sd of ln F, the per-path factor on the fee part of hashprice (0 = fees as in the scenario)
 */
public record MonteCarloSettings(int paths, long seed, int threads, double volatilityMonthly, DriftMode driftMode,
                                 double historicalDriftMonthly, double difficultyElasticity, int difficultyLagMonths,
                                 double aiRateDeclineSd, int histogramBins, PriceModel priceModel, int blockLengthMonths,
                                 double[] historyLogReturnsMonthly, double feeSd) {

    public enum DriftMode { SCENARIO, HISTORICAL }

    public enum PriceModel { GBM, BOOTSTRAP }

    public MonteCarloSettings {
        priceModel = priceModel == null ? PriceModel.GBM : priceModel;
    }

    /** GBM settings without fee randomness (the model before BOOTSTRAP and feeSd existed). */
    public static MonteCarloSettings gbm(int paths, long seed, int threads, double volatilityMonthly, DriftMode driftMode,
                                         double historicalDriftMonthly, double difficultyElasticity, int difficultyLagMonths,
                                         double aiRateDeclineSd, int histogramBins) {
        return new MonteCarloSettings(paths, seed, threads, volatilityMonthly, driftMode, historicalDriftMonthly, difficultyElasticity,
                difficultyLagMonths, aiRateDeclineSd, histogramBins, PriceModel.GBM, 0, null, 0.0);
    }

    public MonteCarloSettings withThreads(int t) {
        return new MonteCarloSettings(paths, seed, t, volatilityMonthly, driftMode, historicalDriftMonthly, difficultyElasticity,
                difficultyLagMonths, aiRateDeclineSd, histogramBins, priceModel, blockLengthMonths, historyLogReturnsMonthly, feeSd);
    }

    public MonteCarloSettings withBootstrap(int blockMonths, double[] logReturnsMonthly) {
        return new MonteCarloSettings(paths, seed, threads, volatilityMonthly, driftMode, historicalDriftMonthly, difficultyElasticity,
                difficultyLagMonths, aiRateDeclineSd, histogramBins, PriceModel.BOOTSTRAP, blockMonths, logReturnsMonthly, feeSd);
    }

    public MonteCarloSettings withFeeSd(double sd) {
        return new MonteCarloSettings(paths, seed, threads, volatilityMonthly, driftMode, historicalDriftMonthly, difficultyElasticity,
                difficultyLagMonths, aiRateDeclineSd, histogramBins, priceModel, blockLengthMonths, historyLogReturnsMonthly, sd);
    }
}
