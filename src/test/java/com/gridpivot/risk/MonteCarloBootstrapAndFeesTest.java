package com.gridpivot.risk;

import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.marketdata.HashpriceEngine;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.lp.RunControl;
import com.gridpivot.risk.montecarlo.BtcHistory;
import com.gridpivot.risk.montecarlo.FeeHistory;
import com.gridpivot.risk.montecarlo.MonteCarloEngine;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.montecarlo.MonteCarloSettings.DriftMode;
import com.gridpivot.risk.montecarlo.PathSampler;
import com.gridpivot.risk.montecarlo.PathSampler.PathDraw;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The block bootstrap of BTC returns, the fee factor on hashprice, and the 2028 halving inside the paths. */
class MonteCarloBootstrapAndFeesTest {

    static MonteCarloSettings bootstrap(int paths, long seed, int threads, DriftMode drift, int block, double[] returns) {
        BtcHistory h = BtcHistory.load();
        double mean = 0.0;
        for (double r : returns) {
            mean += r;
        }
        return MonteCarloSettings.gbm(paths, seed, threads, h.volatilityMonthly(), drift, mean / returns.length, 0.6, 3, 0.05, 20)
                .withBootstrap(block, returns);
    }

    static double[] flat(int months, double price) {
        double[] p = new double[months];
        java.util.Arrays.fill(p, price);
        return p;
    }

    @Test
    void bootstrapIsRepeatableBitForBitForAnyThreadCount() {
        PlanProblem p = MonteCarloEngineTest.twelveMonths();
        double[] hist = BtcHistory.load().logReturnsMonthly();
        MonteCarloEngine.Raw a = MonteCarloEngine.simulate(p, MonteCarloEngineTest.plans(), bootstrap(80, 42L, 1, DriftMode.SCENARIO, 6, hist), RunControl.NONE);
        MonteCarloEngine.Raw b = MonteCarloEngine.simulate(p, MonteCarloEngineTest.plans(), bootstrap(80, 42L, 2, DriftMode.SCENARIO, 6, hist), RunControl.NONE);
        MonteCarloEngine.Raw c = MonteCarloEngine.simulate(p, MonteCarloEngineTest.plans(), bootstrap(80, 43L, 2, DriftMode.SCENARIO, 6, hist), RunControl.NONE);
        MonteCarloEngine.Raw gbm = MonteCarloEngine.simulate(p, MonteCarloEngineTest.plans(),
                MonteCarloEngineTest.settings(80, 42L, 1, BtcHistory.load().volatilityMonthly(), 0.05), RunControl.NONE);
        for (int q = 0; q < 3; q++) {
            assertThat(b.npvUsd()[q]).isEqualTo(a.npvUsd()[q]);
            assertThat(b.lowestCashUsd()[q]).isEqualTo(a.lowestCashUsd()[q]);
            assertThat(c.npvUsd()[q]).isNotEqualTo(a.npvUsd()[q]);
            assertThat(gbm.npvUsd()[q]).isNotEqualTo(a.npvUsd()[q]);
        }
        PathDraw d1 = PathSampler.draw(bootstrap(1, 9L, 1, DriftMode.SCENARIO, 6, hist), flat(30, 1e5), 17);
        PathDraw d2 = PathSampler.draw(bootstrap(1, 9L, 1, DriftMode.SCENARIO, 6, hist), flat(30, 1e5), 17);
        assertThat(d2.logShocks()).isEqualTo(d1.logShocks());
        assertThat(d2.priceMultiplier()).isEqualTo(d1.priceMultiplier());
        assertThat(d2.hashpriceMultiplier()).isEqualTo(d1.hashpriceMultiplier());
    }

    @Test
    void everyShockIsADemeanedHistoryReturnAndBlocksAreContiguous() {
        double[] hist = BtcHistory.load().logReturnsMonthly();
        int n = hist.length;
        double mean = 0.0;
        for (double r : hist) {
            mean += r;
        }
        mean /= n;
        int block = 6;
        int months = 40; // 39 shocks: six full blocks and a block cut to 3 months
        MonteCarloSettings s = bootstrap(200, 5L, 1, DriftMode.SCENARIO, block, hist);
        int[] startsSeen = new int[n];
        for (int k = 0; k < 200; k++) {
            double[] x = PathSampler.draw(s, flat(months, 7e4), k).logShocks();
            assertThat(x[0]).isEqualTo(0.0);
            for (int first = 1; first < months; first += block) {
                int len = Math.min(block, months - first);
                // The block's first shock identifies its history index; the next ones must follow it month by month
                // (circularly: after the history's last month comes its first).
                int b = -1;
                for (int i = 0; i < n; i++) {
                    boolean all = true;
                    for (int j = 0; j < len && all; j++) {
                        all = Math.abs(x[first + j] - (hist[(i + j) % n] - mean)) < 1e-15;
                    }
                    if (all) {
                        b = i;
                        break;
                    }
                }
                assertThat(b).as("path %d, block at month %d is a run of consecutive history months", k, first).isGreaterThanOrEqualTo(0);
                startsSeen[b]++;
            }
        }
        // 1,400 blocks over n ≈ 132 possible starts: most starts are used, so this is not a replay of a few blocks.
        long used = java.util.Arrays.stream(startsSeen).filter(c -> c > 0).count();
        assertThat(used).isGreaterThan((long) (0.8 * n));
    }

    @Test
    void blockLengthOneDrawsHistoryReturnsUniformly() {
        BtcHistory h = BtcHistory.load();
        double[] hist = h.logReturnsMonthly();
        int months = 61;
        int paths = 2000;
        // HISTORICAL drift: the path's own month-to-month log-return is the drawn history return itself (xₘ + μ̂ = r).
        double[] scenario = new double[months];
        for (int m = 0; m < months; m++) {
            scenario[m] = 5e4 * Math.exp(0.01 * m + 0.02 * Math.sin(m));
        }
        MonteCarloSettings s = bootstrap(paths, 11L, 1, DriftMode.HISTORICAL, 1, hist);
        double sum = 0.0;
        long count = 0;
        for (int k = 0; k < paths; k++) {
            PathDraw d = PathSampler.draw(s, scenario, k);
            for (int m = 1; m < months; m++) {
                double pathReturn = Math.log(scenario[m] * d.priceMultiplier()[m] / (scenario[m - 1] * d.priceMultiplier()[m - 1]));
                assertThat(pathReturn).isCloseTo(d.logShocks()[m] + h.meanLogReturnMonthly(), within(1e-9));
                sum += pathReturn;
                count++;
            }
        }
        // 120,000 draws of one return out of ~135 with sd σ̂: the mean is within 4 standard errors of μ̂.
        double se = h.volatilityMonthly() / Math.sqrt(count);
        assertThat(sum / count).isCloseTo(h.meanLogReturnMonthly(), within(4 * se));
    }

    @Test
    void sixMonthBlocksKeepTheScenarioAsTheCentre() {
        // Circular blocks: every history month is equally likely in every path month, so the demeaned shocks have mean 0.
        // (Blocks that never wrap would under-draw the history's first and last months: +0.26 %/month on this history.)
        BtcHistory h = BtcHistory.load();
        MonteCarloSettings s = bootstrap(20_000, 13L, 1, DriftMode.SCENARIO, 6, h.logReturnsMonthly());
        int months = 61;
        double sum = 0.0;
        for (int k = 0; k < s.paths(); k++) {
            double[] x = PathSampler.draw(s, flat(months, 6e4), k).logShocks();
            for (int m = 1; m < months; m++) {
                sum += x[m];
            }
        }
        double blocks = s.paths() * 10.0;
        // Conservative standard error: one draw of sd σ̂ per block (averaging inside a block only lowers it).
        double se = h.volatilityMonthly() / Math.sqrt(blocks);
        assertThat(sum / (s.paths() * (months - 1.0))).isCloseTo(0.0, within(4 * se));
    }

    @Test
    void handCheckedSmallCase() {
        // History r = (0.1, −0.2, 0.3, 0.0): mean 0.05, demeaned (0.05, −0.25, 0.25, −0.05). Circular blocks of 2: start 0 … 3
        // (a block starting at 3 is (−0.05, 0.05)).
        double[] hist = {0.1, -0.2, 0.3, 0.0};
        MonteCarloSettings s = MonteCarloSettings.gbm(1, 28L, 1, 0.0, DriftMode.SCENARIO, 0.0, 0.5, 1, 0.0, 20)
                .withBootstrap(2, hist);
        // The path's stream: first uniform → first block, second → second block (start = ⌊u·4⌋).
        SplittableRandom r = new SplittableRandom(PathSampler.pathSeed(28L, 0));
        int b1 = (int) (r.nextDouble() * 4);
        int b2 = (int) (r.nextDouble() * 4);
        assertThat(List.of(b1, b2)).containsExactly(3, 2);
        // Blocks (−0.05, 0.05) — wrapping from the last month to the first — then (0.25, −0.05): Z = 0, −0.05, 0, 0.25, 0.20.
        PathDraw d = PathSampler.draw(s, flat(5, 1e5), 0);
        double[] z = {0, -0.05, 0.0, 0.25, 0.20};
        assertThat(d.logShocks()).containsExactly(new double[] {0, -0.05, 0.05, 0.25, -0.05}, within(1e-15));
        for (int m = 0; m < 5; m++) {
            assertThat(d.priceMultiplier()[m]).isCloseTo(Math.exp(z[m]), within(1e-14));
            // η = 0.5, lag 1: hashprice × exp(Zₘ − 0.5 Zₘ₋₁)
            assertThat(d.hashpriceMultiplier()[m]).isCloseTo(Math.exp(z[m] - 0.5 * (m > 0 ? z[m - 1] : 0.0)), within(1e-14));
        }
        assertThat(d.hashpriceMultiplier()[2]).isCloseTo(Math.exp(0.025), within(1e-14));
        assertThat(d.hashpriceMultiplier()[4]).isCloseTo(Math.exp(0.075), within(1e-14));
        assertThat(d.feeFactor()).isEqualTo(1.0);
    }

    /** The same problem with every fee share set to 0, so a fee factor cannot act. */
    static PlanProblem withoutFeeShares(PlanProblem p) {
        List<MonthData> months = p.months().stream().map(md -> new MonthData(md.month(), md.priceUsdPerMwh(), md.hashpriceUsdPerPhDay(),
                md.btcPriceUsd(), new double[md.hours()])).toList();
        return new PlanProblem(p.startMonth(), months, p.interconnectMw(), p.maxAiItMw(), p.minAiItMw(), p.minAiFromIndex(),
                p.maxConversionMwPerMonth(), p.fleets(), p.options(), p.startingCashUsd(), p.cashFloorUsd(), p.treasuryBtc(), p.discountRate(),
                p.solver(), p.hourModel(), p.timeLimitSeconds());
    }

    @Test
    void feeSdZeroIsExactlyTheModelWithoutFeeRandomness() {
        PlanProblem p = MonteCarloEngineTest.twelveMonths(); // fees 0.02 BTC per block: φ ≈ 0.6 %
        assertThat(p.months().get(0).feeShareOfHashprice()[0]).isCloseTo(0.02 / 3.145, within(1e-12));
        MonteCarloSettings s = MonteCarloEngineTest.settings(60, 3L, 2, 0.18, 0.05);
        MonteCarloEngine.Raw zeroSd = MonteCarloEngine.simulate(p, MonteCarloEngineTest.plans(), s.withFeeSd(0.0), RunControl.NONE);
        // Independent reference: no fee share at all (the factor has nothing to scale), with a large fee sd.
        MonteCarloEngine.Raw noShare = MonteCarloEngine.simulate(withoutFeeShares(p), MonteCarloEngineTest.plans(), s.withFeeSd(2.0), RunControl.NONE);
        MonteCarloEngine.Raw random = MonteCarloEngine.simulate(p, MonteCarloEngineTest.plans(), s.withFeeSd(2.0), RunControl.NONE);
        for (int q = 0; q < 3; q++) {
            for (int k = 0; k < 60; k++) {
                assertThat(zeroSd.npvUsd()[q][k]).isCloseTo(noShare.npvUsd()[q][k], within(1e-9));
                assertThat(zeroSd.lowestCashUsd()[q][k]).isCloseTo(noShare.lowestCashUsd()[q][k], within(1e-9));
            }
        }
        // With a fee share and sd 2 the stay-on-Bitcoin NPV does move (the test can fail).
        assertThat(random.npvUsd()[2]).isNotEqualTo(zeroSd.npvUsd()[2]);
        // And the price draws are untouched: ε_fee is drawn after every other number of a path.
        PathDraw a = PathSampler.draw(s.withFeeSd(0.0), flat(12, 1e5), 4);
        PathDraw b = PathSampler.draw(s.withFeeSd(2.0), flat(12, 1e5), 4);
        assertThat(b.priceMultiplier()).isEqualTo(a.priceMultiplier());
        assertThat(b.aiDeclineShift()).isEqualTo(a.aiDeclineShift());
        assertThat(b.feeFactor()).isNotEqualTo(1.0);
    }

    @Test
    void pathsCrossingThe2028HalvingHalveTheSubsidyPart() {
        double fees = 0.1;
        double difficulty = 1.3e14;
        PlanProblem p = problem(node("""
                {'scenario': {'btc': {'priceUsd': 100000, 'annualGrowth': 0, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0,
                                      'feesBtcPerBlock': %s},
                              'energy': {'flatPriceUsdPerMwh': 40}, 'discountRate': 0.08},
                 'site': {'interconnectMw': 5},
                 'asicFleets': [{'name': 'S21', 'units': 1000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500, 'pue': 1.05}],
                 'startMonth': '2028-03', 'months': 3}""".formatted(Double.toString(difficulty), Double.toString(fees))));
        // The scenario's hashprice already carries the halving (HashpriceEngine.projectDaily, 2028-04-17): φ jumps with it.
        double march = p.months().get(0).feeShareOfHashprice()[0];
        double may = p.months().get(2).feeShareOfHashprice()[0];
        assertThat(march).isCloseTo(fees / (3.125 + fees), within(1e-15));
        assertThat(may).isCloseTo(fees / (1.5625 + fees), within(1e-15));
        // A path with price, difficulty and fee shocks (lag 0, η 0.5).
        MonteCarloSettings s = MonteCarloSettings.gbm(1, 21L, 1, 0.25, DriftMode.SCENARIO, 0.0, 0.5, 0, 0.0, 20).withFeeSd(0.8);
        double[] btc = p.months().stream().mapToDouble(MonthData::btcPriceUsd).toArray();
        PathDraw d = PathSampler.draw(s, btc, 0);
        double f = d.feeFactor();
        assertThat(f).isNotCloseTo(1.0, within(0.01));
        double[] subsidyPart = new double[3];
        for (int m : new int[] {0, 2}) {
            MonthData md = p.months().get(m);
            double phi = md.feeShareOfHashprice()[0];
            double pathHashprice = md.hashpriceUsdPerPhDay()[0] * PathSampler.hashpriceMultiplier(d, m, phi);
            // Independently: the hashprice formula at the path's price, difficulty and fees (difficulty × exp(η Zₘ)).
            double price = 100000 * d.priceMultiplier()[m];
            double pathDifficulty = difficulty * d.priceMultiplier()[m] / d.hashpriceMultiplier()[m];
            double subsidy = m == 0 ? 3.125 : 1.5625;
            assertThat(pathHashprice).isCloseTo(HashpriceEngine.hashpriceUsdPerPhDay(price, pathDifficulty, subsidy, fees * f),
                    within(1e-9 * pathHashprice));
            // The subsidy part per unit of price/difficulty movement.
            subsidyPart[m] = md.hashpriceUsdPerPhDay()[0] * (1.0 - phi);
        }
        assertThat(subsidyPart[2] / subsidyPart[0]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void feeHistoryCalibration() {
        FeeHistory h = FeeHistory.load();
        // blockchain.com 2023-04-30 … 2024-04-27: complete months 2023-05 … 2024-03.
        assertThat(h.firstMonth()).isEqualTo("2023-05");
        assertThat(h.lastMonth()).isEqualTo("2024-03");
        assertThat(h.months()).isEqualTo(11);
        // Computed independently (Python over the same CSVs): mean share 0.0741, sd of ln(share/(1−share)) 0.868.
        assertThat(h.meanFeeShare()).isCloseTo(0.0741, within(5e-4));
        assertThat(h.feeSd()).isCloseTo(0.868, within(2e-3));
    }
}
