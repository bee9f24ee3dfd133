package com.gridpivot.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.AllocationProblem.SiteSpec;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.lp.LpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The merged-hours model (HourBlocks.exact) is a shortcut; here it must give the naive hourly model's optimum, AI
 * loads, fleet energy and interconnect shadow price on random sites: 1–4 fleets with fixed opex or not, 0–3 AI
 * options, negative and spiky prices, hourly or daily hashprice, limits present or absent.
 */
class ExactAggregationPropertyTest {

    @Property(tries = 60)
    void mergedModelEqualsHourlyModel(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
                                      @ForAll @IntRange(min = 1, max = 4) int fleets,
                                      @ForAll @IntRange(min = 0, max = 3) int options,
                                      @ForAll @IntRange(min = 1, max = 120) int hours) {
        Random rnd = new Random(seed);
        AllocationProblem exact = randomProblem(rnd, fleets, options, hours, HourAggregation.EXACT);
        AllocationProblem naive = new AllocationProblem(exact.site(), exact.fleets(), exact.aiOptions(), exact.priceUsdPerMwh(),
                exact.hashpriceUsdPerPhDay(), exact.discountRate(), exact.capexRecoveryYears(), SolverKind.GLOP, HourAggregation.NONE, 60);
        AllocationResult a = AllocationEngine.solve(exact).result();
        AllocationResult b = AllocationEngine.solve(naive).result();
        assertThat(a.status()).isEqualTo(b.status());
        if (a.status() != LpStatus.OPTIMAL) {
            return;
        }
        double scale = Math.max(1.0, Math.abs(b.economics().netUsd()));
        assertThat(a.economics().netUsd()).isCloseTo(b.economics().netUsd(), within(1e-7 * scale));
        assertThat(a.warnings()).isEmpty();
        assertThat(b.warnings()).isEmpty();
        // The value of more interconnect is a derivative of the same value function; with degenerate duals the two
        // models may pick different subgradients, so compare only where both are the unique one:
        // a solve with +1e-3 MW tells the true right-derivative.
        double right = (AllocationEngine.solve(withInterconnect(exact, 1e-3)).result().economics().netUsd() - a.economics().netUsd()) / 1e-3;
        double left = (a.economics().netUsd() - AllocationEngine.solve(withInterconnect(exact, -1e-3)).result().economics().netUsd()) / 1e-3;
        if (Math.abs(right - left) < 1e-6 * Math.max(1.0, Math.abs(right))) {
            assertThat(a.shadowPrices().interconnectUsdPerMw()).isCloseTo(right, within(1e-4 * Math.max(1.0, Math.abs(right))));
            assertThat(b.shadowPrices().interconnectUsdPerMw()).isCloseTo(right, within(1e-4 * Math.max(1.0, Math.abs(right))));
        }
    }

    private static AllocationProblem withInterconnect(AllocationProblem p, double deltaMw) {
        SiteSpec s = p.site();
        return new AllocationProblem(new SiteSpec(s.name(), s.interconnectMw() + deltaMw, s.maxAiItMw(), s.minAiItMw(), s.capexBudgetUsd()),
                p.fleets(), p.aiOptions(), p.priceUsdPerMwh(), p.hashpriceUsdPerPhDay(), p.discountRate(), p.capexRecoveryYears(),
                p.solver(), p.hourAggregation(), p.timeLimitSeconds());
    }

    static AllocationProblem randomProblem(Random rnd, int nFleets, int nOptions, int hours, HourAggregation aggregation) {
        List<FleetSpec> fleets = new ArrayList<>();
        for (int i = 0; i < nFleets; i++) {
            double th = 100 + rnd.nextInt(500);
            double jPerTh = 9 + rnd.nextDouble() * 20;
            fleets.add(new FleetSpec("f" + i, null, 100 + rnd.nextInt(20000), th, th * jPerTh, 1.0 + rnd.nextDouble() * 0.4,
                    rnd.nextBoolean() ? 0.0 : rnd.nextDouble() * 0.03, rnd.nextBoolean() ? 0.0 : rnd.nextDouble() * 10,
                    rnd.nextBoolean() ? 0.0 : rnd.nextDouble() * 50_000));
        }
        List<AiOptionSpec> options = new ArrayList<>();
        for (int j = 0; j < nOptions; j++) {
            options.add(new AiOptionSpec("o" + j, null, RevenueBasis.FLAT_PER_MWH, 50 + rnd.nextDouble() * 300, rnd.nextBoolean(),
                    1.1 + rnd.nextDouble() * 0.4, rnd.nextBoolean() ? Double.POSITIVE_INFINITY : rnd.nextDouble() * 60,
                    rnd.nextDouble() * 4e4 * hours / 24, rnd.nextDouble() * 20, rnd.nextDouble() * 1e5));
        }
        double[] price = new double[hours];
        for (int t = 0; t < hours; t++) {
            double base = 10 + rnd.nextGaussian() * 40;
            price[t] = rnd.nextInt(20) == 0 ? base + rnd.nextDouble() * 3000 : base;
            if (rnd.nextInt(10) == 0) {
                price[t] = Math.round(price[t]);   // repeated values
            }
        }
        double[] hashprice = new double[hours];
        boolean daily = rnd.nextBoolean();
        double level = 20 + rnd.nextDouble() * 80;
        for (int t = 0; t < hours; t++) {
            hashprice[t] = daily ? level * (1 + 0.2 * Math.sin(t / 24)) : level * (1 + 0.3 * rnd.nextDouble());
        }
        SiteSpec site = new SiteSpec("random", 5 + rnd.nextDouble() * 150,
                rnd.nextBoolean() ? Double.POSITIVE_INFINITY : rnd.nextDouble() * 80,
                rnd.nextInt(4) == 0 ? rnd.nextDouble() * 10 : 0.0,
                rnd.nextBoolean() ? Double.POSITIVE_INFINITY : rnd.nextDouble() * 5e5 * hours / 24);
        return new AllocationProblem(site, fleets, options, price, hashprice, rnd.nextDouble() * 0.15, 1 + rnd.nextInt(10),
                SolverKind.GLOP, aggregation, 60);
    }
}
