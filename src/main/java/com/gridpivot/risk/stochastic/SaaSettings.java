package com.gridpivot.risk.stochastic;

import com.gridpivot.risk.montecarlo.MonteCarloSettings;

/**
 * How a sample-average stochastic plan draws and solves its scenarios (validated; models/RISK.md).
 *
 * @param generator                 the Monte Carlo generator's settings; {@code paths} = N, the samples solved
 * @param method                    how the SAA problem is solved
 * @param gapBatches                B, independent batches of the Mak–Morton–Wood gap estimate (0: none)
 * @param gapBatchSamples           samples per batch
 * @param evaluationSamples         N′, fresh paths on which the plan is evaluated out of sample (0: none)
 * @param perfectInformationSamples samples (the first ones) on which WS and EVPI are estimated (each is one plan LP)
 * @param toleranceRelative         the decomposition's stopping tolerance on (upper − lower) / max(1, |lower|)
 */
public record SaaSettings(MonteCarloSettings generator, Method method, int gapBatches, int gapBatchSamples, int evaluationSamples,
                          int perfectInformationSamples, double toleranceRelative) {

    public enum Method {
        /** L-shaped decomposition (default without CVaR). */
        DECOMPOSITION,
        /** One LP with every sample (the oracle; the only method with CVaR). */
        EXTENSIVE
    }

    public int samples() {
        return generator.paths();
    }

    /**
     * Path indices of the generator's stream: the N samples are paths 0 … N−1, the out-of-sample paths N … N + N′ − 1, batch b
     * of the gap estimate the next n paths after those of batch b − 1. Every path has its own seeded stream, so the sets
     * are independent.
     */
    public int[] samplePaths() {
        return range(0, samples());
    }

    public int[] evaluationPaths() {
        return range(samples(), evaluationSamples);
    }

    public int[] batchPaths(int b) {
        return range(samples() + evaluationSamples + b * gapBatchSamples, gapBatchSamples);
    }

    static int[] range(int from, int count) {
        int[] r = new int[count];
        for (int k = 0; k < count; k++) {
            r[k] = from + k;
        }
        return r;
    }
}
