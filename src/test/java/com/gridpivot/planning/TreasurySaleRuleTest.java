package com.gridpivot.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.RunControl;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.result.Evaluated;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule of models/PLANS.md "Treasury sales": a sale of BTC in month m is worth, per BTC, δₘ Pₘ − δ_{M−1} P_{M−1} in the
 * objective; with Pₘ = P₀ (1+g)^(m/12) and δₘ = (1+r)^−(m+1)/12 that is δₘ Pₘ (1 − ((1+g)/(1+r))^((M−1−m)/12)) — per USD of
 * the sale's discounted proceeds 1 − ((1+g)/(1+r))^t, t the years from the sale to the horizon's last month. Value-neutral
 * only when g = r.
 *
 * <p>A plan of nothing but a treasury of 1 BTC: no fleets, no AI, 13 months from 2027-01 (t = 1 year from month 0 to
 * month 12), one hour a month, P₀ = 100,000 USD, r = 10 %, Pₘ set exactly to P₀ (1+g)^(m/12), no cash floor.
 * δ₀ P₀ = 100,000 × 1.1^(−1/12) = 99,208.89.
 */
class TreasurySaleRuleTest {
    private static final double P0 = 100_000.0;
    private static final double R = 0.10;
    private static final int M = 13;

    static PlanProblem treasuryOnly(double growth) {
        List<MonthData> months = new ArrayList<>();
        for (int m = 0; m < M; m++) {
            months.add(new MonthData(YearMonth.of(2027, 1).plusMonths(m), new double[] {30.0}, new double[] {50.0},
                    P0 * Math.pow(1.0 + growth, m / 12.0), new double[] {0.0}));
        }
        return new PlanProblem(YearMonth.of(2027, 1), months, 10.0, Double.POSITIVE_INFINITY, 0.0, 0, Double.POSITIVE_INFINITY, List.of(),
                List.of(), 0.0, Double.NEGATIVE_INFINITY, 1.0, R, SolverKind.GLOP, HourModel.EXACT_BLOCKS, 30.0);
    }

    static Evaluated solve(PlanProblem p, FixedPlan fixed) {
        Evaluated e = PlanEngine.evaluate(p, fixed, RunControl.NONE);
        assertThat(e.outcome().status()).isEqualTo(LpStatus.OPTIMAL);
        return e;
    }

    static FixedPlan sell(int month) {
        return new FixedPlan("sell in month " + month, null, null, null, Map.of(month, 1.0));
    }

    /*
     * g = 0 < r: selling in month 0 gains 99,208.89 × (1 − 1/1.1) = 99,208.89 × 0.090909 = 9,018.99; in month 6:
     * δ₆ P₆ − δ₁₂ P₁₂ = 100,000 (1.1^(−7/12) − 1.1^(−13/12)) = 100,000 (0.945918 − 0.901899) = 4,402.07; in month 12: 0.
     * The optimizer sells the whole treasury at once.
     */
    @Test
    void slowerGrowthThanTheDiscountRateMakesAnEarlySaleCreateValue() {
        PlanProblem p = treasuryOnly(0.0);
        Evaluated opt = solve(p, null);
        assertThat(opt.values().objectiveUsd).isCloseTo(9_018.99, within(0.01));
        assertThat(opt.values().soldBtc[0]).isCloseTo(1.0, within(1e-9));
        assertThat(solve(p, sell(6)).values().objectiveUsd).isCloseTo(4_402.07, within(0.01));
        assertThat(solve(p, sell(12)).values().objectiveUsd).isCloseTo(0.0, within(1e-6));
    }

    /* g = r = 10 %: δₘ Pₘ = 100,000 × 1.1^(m/12) × 1.1^(−(m+1)/12) = 99,208.89 in every month: every sale is worth 0. */
    @Test
    void growthEqualToTheDiscountRateMakesEverySaleValueNeutral() {
        PlanProblem p = treasuryOnly(R);
        assertThat(solve(p, null).values().objectiveUsd).isCloseTo(0.0, within(1e-6));
        for (int m : new int[] {0, 6, 12}) {
            assertThat(solve(p, sell(m)).values().objectiveUsd).as("sale in month " + m).isCloseTo(0.0, within(1e-6));
        }
    }

    /*
     * g = 30 % > r: a sale in month 0 loses 99,208.89 × (1 − 1.3/1.1) = 99,208.89 × (−0.181818) = −18,037.98 (in month 6
     * 100,000 (1.3^(6/12) 1.1^(−7/12) − 1.3^(12/12) 1.1^(−13/12)) = −9,395.44); the optimizer holds: NPV 0, nothing sold.
     */
    @Test
    void fasterGrowthThanTheDiscountRateMakesASaleDestroyValue() {
        PlanProblem p = treasuryOnly(0.30);
        Evaluated opt = solve(p, null);
        assertThat(opt.values().objectiveUsd).isCloseTo(0.0, within(1e-6));
        for (double t : opt.values().soldBtc) {
            assertThat(t).isCloseTo(0.0, within(1e-9));
        }
        assertThat(solve(p, sell(0)).values().objectiveUsd).isCloseTo(-18_037.98, within(0.01));
        assertThat(solve(p, sell(6)).values().objectiveUsd).isCloseTo(-9_395.44, within(0.01));
    }
}
