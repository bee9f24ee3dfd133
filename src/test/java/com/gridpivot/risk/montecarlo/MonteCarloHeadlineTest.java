package com.gridpivot.risk.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.risk.montecarlo.MonteCarloResult.Headline;
import com.gridpivot.risk.montecarlo.MonteCarloResult.Stats;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 7: a Monte Carlo distribution is led by its median, with the mean and P10/P90 beside it.
 *
 * <p>Five paths of NPV 1, 2, 3, 4, 100 million USD (one high-price path, the lognormal's right tail). Sorted positions
 * p·(N−1) = p·4: P50 at 2 → 3.0M; P10 at 0.4 → 1 + 0.4 × (2 − 1) = 1.4M; P90 at 3.6 → 4 + 0.6 × (100 − 4) = 61.6M.
 * Mean = 110 / 5 = 22.0M, 19.0M above the median. Incremental NPV against staying on Bitcoin: −2, −1, 0, 1, 2 million → P50 0,
 * mean 0, P10 −1.6M, P90 1.6M; 2 of 5 paths below 0 → 40 %.
 */
class MonteCarloHeadlineTest {

    @Test
    void theMedianLeadsAndTheMeanSitsBesideIt() {
        Stats npv = MonteCarloEngine.stats(new double[] {3e6, 1e6, 100e6, 2e6, 4e6});
        assertThat(npv.p50()).isCloseTo(3e6, within(1e-6));
        assertThat(npv.mean()).isCloseTo(22e6, within(1e-6));
        assertThat(npv.p10()).isCloseTo(1.4e6, within(1e-6));
        assertThat(npv.p90()).isCloseTo(61.6e6, within(1e-6));
        Stats inc = MonteCarloEngine.stats(new double[] {-2e6, -1e6, 0.0, 1e6, 2e6});
        Headline h = MonteCarloEngine.headline(npv, inc, 2.9e6, 0.4, 5);
        assertThat(h.p50NpvUsd()).isEqualTo(npv.p50());
        assertThat(h.meanNpvUsd()).isEqualTo(npv.mean());
        assertThat(h.p10IncrementalNpvUsd()).isCloseTo(-1.6e6, within(1e-6));
        assertThat(h.p90IncrementalNpvUsd()).isCloseTo(1.6e6, within(1e-6));
        assertThat(h.text()).startsWith("P50 (median) NPV 3.0M USD: half of the 5 paths end below it. Mean 22.0M USD, 19.0M USD above the median")
                .contains("P10 … P90: 1.4M USD … 61.6M USD").contains("The scenario itself gives 2.9M USD.")
                .contains("Against staying on Bitcoin on the same path: P50 0 USD, mean 0 USD, P10 … P90 −1.6M USD … 1.6M USD")
                .endsWith("it does worse on 40 % of the paths.");
    }

    /* The baseline has no incremental figures; a symmetric distribution has its mean on the median. */
    @Test
    void aSymmetricBaselineSaysTheMeanEqualsTheMedian() {
        Stats npv = MonteCarloEngine.stats(new double[] {1e6, 2e6, 3e6});
        Headline h = MonteCarloEngine.headline(npv, null, null, null, 3);
        assertThat(h.p50IncrementalNpvUsd()).isNull();
        assertThat(h.text()).contains("Mean 2.0M USD, equal to the median").doesNotContain("Against staying on Bitcoin");
    }
}
