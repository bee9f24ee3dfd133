package com.gridpivot.risk.montecarlo;

import com.gridpivot.risk.montecarlo.MonteCarloSettings.DriftMode;
import java.util.SplittableRandom;

/**
 * Draws one path's shocks. Path k has its own stream {@code new SplittableRandom(mix(seed, k))}, so a path's numbers
 * do not depend on which thread draws it or on the other paths: the same seed gives bit-identical paths for any thread
 * count. Draw order inside a path: ε₁ … ε_{M−1} (months), then ε_AI.
 * <pre>
 *   Z₀ = 0,  Zₘ = Zₘ₋₁ + dₘ + σ εₘ            (log-deviation of the BTC price from the scenario's path)
 *   dₘ = 0 (SCENARIO)  or  μ̂ − ln(P̄ₘ / P̄ₘ₋₁) (HISTORICAL: the history's drift replaces the scenario's)
 *   price multiplier      exp(Zₘ)
 *   difficulty multiplier exp(η Z_{m−L})  (Z_{&lt;0} = 0)
 *   hashprice multiplier  exp(Zₘ − η Z_{m−L})  (hashprice ∝ price / difficulty; fees are in BTC so scale with price)
 *   AI decline shift      δ = sdAI × ε_AI
 * </pre>
 */
public final class PathSampler {
    private PathSampler() {
    }

    /** One path's multipliers. */
    public record PathDraw(double[] priceMultiplier, double[] hashpriceMultiplier, double aiDeclineShift) {
    }

    /** SplitMix64 finaliser of seed + (k + 1)·golden: a well-spread, independent seed per path. */
    public static long pathSeed(long seed, long pathIndex) {
        long z = seed + (pathIndex + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Standard normal by Box–Muller (our own, so the numbers do not depend on the JDK's nextGaussian). */
    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** @param scenarioBtcUsd the scenario's mean BTC price per month P̄ₘ */
    public static PathDraw draw(MonteCarloSettings s, double[] scenarioBtcUsd, int pathIndex) {
        int months = scenarioBtcUsd.length;
        SplittableRandom r = new SplittableRandom(pathSeed(s.seed(), pathIndex));
        double[] z = new double[months];
        for (int m = 1; m < months; m++) {
            double eps = gaussian(r);
            double drift = s.driftMode() == DriftMode.HISTORICAL
                    ? s.historicalDriftMonthly() - Math.log(scenarioBtcUsd[m] / scenarioBtcUsd[m - 1]) : 0.0;
            z[m] = z[m - 1] + drift + s.volatilityMonthly() * eps;
        }
        double ai = s.aiRateDeclineSd() * gaussian(r);
        double[] price = new double[months];
        double[] hash = new double[months];
        for (int m = 0; m < months; m++) {
            int lagged = m - s.difficultyLagMonths();
            double zl = lagged >= 0 ? z[lagged] : 0.0;
            price[m] = Math.exp(z[m]);
            hash[m] = Math.exp(z[m] - s.difficultyElasticity() * zl);
        }
        return new PathDraw(price, hash, ai);
    }
}
