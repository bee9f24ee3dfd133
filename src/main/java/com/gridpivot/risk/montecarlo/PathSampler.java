package com.gridpivot.risk.montecarlo;

import com.gridpivot.risk.montecarlo.MonteCarloSettings.DriftMode;
import com.gridpivot.risk.montecarlo.MonteCarloSettings.PriceModel;
import java.util.SplittableRandom;

/**
 * Draws one path's shocks. Path k has its own stream {@code new SplittableRandom(mix(seed, k))}, so a path's numbers
 * do not depend on which thread draws it or on the other paths: the same seed gives bit-identical paths for any thread
 * count. Draw order inside a path: the month shocks (GBM: ε₁ … ε_{M−1}; BOOTSTRAP: one uniform per block), then ε_AI,
 * then ε_fee.
 * <pre>
 *   Z₀ = 0,  Zₘ = Zₘ₋₁ + dₘ + xₘ            (log-deviation of the BTC price from the scenario's path)
 *   xₘ = σ εₘ (GBM)  or  r_{(b+j) mod n} − r̄ (BOOTSTRAP: j-th month of a circular block starting at history index b,
 *        r̄ the mean of the n history returns)
 *   dₘ = 0 (SCENARIO)  or  μ̂ − ln(P̄ₘ / P̄ₘ₋₁) (HISTORICAL: the history's drift replaces the scenario's)
 *   price multiplier      exp(Zₘ)
 *   difficulty multiplier exp(η Z_{m−L})  (Z_{&lt;0} = 0)
 *   hashprice multiplier  exp(Zₘ − η Z_{m−L}) × (1 + φₜ (F − 1))   (φₜ the fees' share of the scenario's hashprice)
 *   AI decline shift      δ = sdAI × ε_AI
 *   fee factor            F = exp(feeSd × ε_fee)   (median 1: the scenario's fees are the median path's)
 * </pre>
 */
public final class PathSampler {
    private PathSampler() {
    }

    /**
     * One path's multipliers.
     *
     * @param priceMultiplier     exp(Zₘ) per month
     * @param hashpriceMultiplier exp(Zₘ − η Z_{m−L}) per month (before the fee factor, see {@link #hashpriceMultiplier})
     * @param aiDeclineShift      δ
     * @param feeFactor           F, the factor on the fee part of hashprice
     * @param logShocks           xₘ per month (x₀ = 0)
     */
    public record PathDraw(double[] priceMultiplier, double[] hashpriceMultiplier, double aiDeclineShift, double feeFactor,
                           double[] logShocks) {
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

    /**
     * The first history index of a block: ⌊u·n⌋ for a uniform u = nextDouble (our own rule, as for the normals: nextInt's
     * bounded algorithm is the JDK's). Blocks are circular (Politis–Romano): a block that runs past the last month
     * continues at the first, so every history month is equally likely in every month of a path and the demeaned shocks
     * have mean exactly 0 (non-wrapping blocks would under-draw the history's first and last months).
     */
    static int blockStart(SplittableRandom r, int historyReturns) {
        return Math.min(historyReturns - 1, (int) (r.nextDouble() * historyReturns));
    }

    /** The month shocks x₁ … x_{M−1} of one path (x₀ = 0), drawn first from the path's stream. */
    static double[] shocks(MonteCarloSettings s, int months, SplittableRandom r) {
        double[] x = new double[months];
        if (s.priceModel() == PriceModel.BOOTSTRAP) {
            double[] h = s.historyLogReturnsMonthly();
            double mean = 0.0;
            for (double v : h) {
                mean += v;
            }
            mean /= h.length;
            int m = 1;
            while (m < months) {
                int b = blockStart(r, h.length);
                for (int j = 0; j < s.blockLengthMonths() && m < months; j++, m++) {
                    x[m] = h[(b + j) % h.length] - mean;
                }
            }
        } else {
            for (int m = 1; m < months; m++) {
                x[m] = s.volatilityMonthly() * gaussian(r);
            }
        }
        return x;
    }

    /** @param scenarioBtcUsd the scenario's mean BTC price per month P̄ₘ */
    public static PathDraw draw(MonteCarloSettings s, double[] scenarioBtcUsd, int pathIndex) {
        int months = scenarioBtcUsd.length;
        SplittableRandom r = new SplittableRandom(pathSeed(s.seed(), pathIndex));
        double[] x = shocks(s, months, r);
        double[] z = new double[months];
        for (int m = 1; m < months; m++) {
            double drift = s.driftMode() == DriftMode.HISTORICAL
                    ? s.historicalDriftMonthly() - Math.log(scenarioBtcUsd[m] / scenarioBtcUsd[m - 1]) : 0.0;
            z[m] = z[m - 1] + drift + x[m];
        }
        double ai = s.aiRateDeclineSd() * gaussian(r);
        double fee = Math.exp(s.feeSd() * gaussian(r));
        double[] price = new double[months];
        double[] hash = new double[months];
        for (int m = 0; m < months; m++) {
            int lagged = m - s.difficultyLagMonths();
            double zl = lagged >= 0 ? z[lagged] : 0.0;
            price[m] = Math.exp(z[m]);
            hash[m] = Math.exp(z[m] - s.difficultyElasticity() * zl);
        }
        return new PathDraw(price, hash, ai, fee, x);
    }

    /**
     * The factor on the scenario's hashprice in an hour of month m whose fee share is φ: the subsidy part (1 − φ) moves
     * with price / difficulty, the fee part φ also with F. Exactly the month's multiplier when F = 1.
     */
    public static double hashpriceMultiplier(PathDraw d, int m, double feeShare) {
        return d.hashpriceMultiplier()[m] * (1.0 + feeShare * (d.feeFactor() - 1.0));
    }
}
