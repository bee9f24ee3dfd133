package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.lp.RunControl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payback only where something is invested. The figures of PlanModelTest, lead time 1 month, r = 0: fleet "S21" 5 MW with a
 * mining margin of 80 USD/MWh, AI "flat" with a margin of 100 USD/MWh, interconnect 10 MW, Jan 744 h, Feb 672 h, Mar 744 h.
 * Staying on Bitcoin: 80·5 = 400 USD per hour, NPV 864,000. Incremental cash flows Δ by month (Jan, Feb, Mar):
 * <ul>
 *   <li>"stay": no decision, Δ = (0, 0, 0): nothing invested, no payback (it used to be paid back in its first month);</li>
 *   <li>"5 MW in 2026-01": 5 MW of AI beside the 5 MW fleet cost no mining: Δ = (0, 100·5·672 = 336,000,
 *       100·5·744 = 372,000); the cumulative Δ is never below zero: nothing invested, no payback;</li>
 *   <li>"10 MW in 2026-01": AI holds all 10 MW from Jan, mining stops: Δ = (−400·744 = −297,600, 1,000·672 − 400·672 =
 *       403,200, 1,000·744 − 400·744 = 446,400); cumulative −297,600, 105,600, 552,000: pays back in Feb, 2 months;</li>
 *   <li>"10 MW in 2026-03": mining stops in Mar, the AI is online only from Apr: Δ = (0, 0, −297,600): no payback within the
 *       3 months.</li>
 * </ul>
 */
class PlanPaybackTest {
    private static PlanComparison c;

    @BeforeAll
    static void compare() {
        c = PlanEngine.compare(problem(PlanModelTest.base(1)), List.of(
                new FixedPlan("stay", Map.of(), Map.of(), Map.of(), Map.of()),
                new FixedPlan("5 MW in 2026-01", Map.of(FixedPlan.key("flat", 0), 5.0), Map.of(), Map.of(), Map.of()),
                new FixedPlan("10 MW in 2026-01", Map.of(FixedPlan.key("flat", 0), 10.0), Map.of(), Map.of(), Map.of()),
                new FixedPlan("10 MW in 2026-03", Map.of(FixedPlan.key("flat", 2), 10.0), Map.of(), Map.of(), Map.of())), RunControl.NONE);
    }

    static PlanResult plan(String name) {
        return c.plans().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static List<Double> delta(PlanResult r) {
        return r.monthly().stream().map(PlanResult.MonthRow::incrementalCashFlowUsd).toList();
    }

    @Test
    void aPlanIdenticalToStayingOnBitcoinHasNoPayback() {
        for (String name : List.of("stay", "stay on Bitcoin")) {
            PlanResult r = plan(name);
            assertThat(r.incrementalNpvUsd()).as(name).isCloseTo(0.0, within(1e-6));
            assertThat(delta(r)).as(name).allSatisfy(d -> assertThat(d).isCloseTo(0.0, within(1e-6)));
            assertThat(r.paybackMonth()).as(name).isNull();
            assertThat(r.paybackMonths()).as(name).isNull();
            assertThat(r.paybackNote()).as(name).isEqualTo(
                    "the plan's cash flows are those of staying on Bitcoin in every month: nothing is invested, so there is no payback");
            assertThat(r.incrementalIrrAnnual()).as(name).isNull();
        }
    }

    @Test
    void aPlanThatNeverPutsMoneyInHasNoPayback() {
        PlanResult r = plan("5 MW in 2026-01");
        assertThat(delta(r).get(0)).isCloseTo(0.0, within(1e-6));
        assertThat(delta(r).get(1)).isCloseTo(336_000.0, within(1e-4));
        assertThat(delta(r).get(2)).isCloseTo(372_000.0, within(1e-4));
        assertThat(r.incrementalNpvUsd()).isCloseTo(708_000.0, within(1e-4));
        assertThat(r.paybackMonth()).isNull();
        assertThat(r.paybackMonths()).isNull();
        assertThat(r.paybackNote()).isEqualTo(
                "the cumulative incremental cash flow is never below zero: nothing is invested beyond staying on Bitcoin, so there is no payback");
    }

    @Test
    void aPlanThatGivesUpMiningFirstPaysBackWhenItsCumulativeTurnsPositive() {
        PlanResult r = plan("10 MW in 2026-01");
        assertThat(delta(r).get(0)).isCloseTo(-297_600.0, within(1e-4));
        assertThat(delta(r).get(1)).isCloseTo(403_200.0, within(1e-4));
        assertThat(delta(r).get(2)).isCloseTo(446_400.0, within(1e-4));
        assertThat(r.paybackMonth()).isEqualTo("2026-02");
        assertThat(r.paybackMonths()).isEqualTo(2);
        assertThat(r.paybackNote()).isEqualTo("the month from which the cumulative incremental cash flow stays ≥ 0 (end-of-month timing)");
        // −297,600 u² + 403,200 u + 446,400 = 0 with u = 1 + monthly rate: 62u² − 84u − 93 = 0
        double u = (84 + Math.sqrt(84.0 * 84 + 4 * 62 * 93)) / (2 * 62);
        assertThat(r.incrementalIrrAnnual()).isCloseTo(Math.pow(u, 12) - 1, within(1e-6 * Math.pow(u, 12)));
    }

    @Test
    void aPlanStillBelowZeroAtTheEndHasNoPaybackWithinTheHorizon() {
        PlanResult r = plan("10 MW in 2026-03");
        assertThat(delta(r).get(2)).isCloseTo(-297_600.0, within(1e-4));
        assertThat(r.paybackMonth()).isNull();
        assertThat(r.paybackNote()).isEqualTo("the cumulative incremental cash flow is still below zero at the end of the 3 months: "
                + "no payback within the horizon");
    }
}
