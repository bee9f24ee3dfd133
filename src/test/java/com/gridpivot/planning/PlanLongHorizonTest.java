package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.lp.RunControl;
import com.gridpivot.testdata.RealData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten-year plans (the contract's longest horizon) on the demo site: its two fleets and two AI options
 * ({@code DemoDataLoader.demoSite()}), HB_WEST 2024 real-time prices of the demo data replayed, the Plans page's default
 * BTC scenario. With the cash-balance rows in dollars GLOP answered ABNORMAL for the fixed plan "H100 and colocation"
 * ("the solver failed (ERROR): null") from 106 months on, while CLP solved it; the rows are now in millions of USD.
 */
class PlanLongHorizonTest {
    private static final double[] HB_WEST_2024 = RealData.hourlyRtm("HB_WEST", Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2025-01-01T00:00:00Z"));

    private static PlanComparison glop;
    private static PlanComparison clp;

    static PlanProblem demoSitePlan(int months, String solver) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 65000, 'annualGrowth': 0.05, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.02,
                                      'feesBtcPerBlock': 0.025},
                              'energy': {'node': 'HB_WEST', 'replayYear': 2024, 'annualEscalation': 0.02},
                              'ai': {'gpuRateDeclinePerYear': 0.2}, 'discountRate': 0.10},
                 'site': {'name': 'West Texas demo', 'interconnectMw': 100},
                 'asicFleets': [{'name': 'S21 fleet', 'model': 'Antminer S21', 'units': 10000, 'pue': 1.05, 'poolFeeFraction': 0.02},
                                {'name': 'S19 XP fleet', 'model': 'Antminer S19 XP', 'units': 8000, 'pue': 1.05, 'poolFeeFraction': 0.02}],
                 'aiOptions': [{'name': 'Colocation lease', 'offering': 'colocation lease'},
                               {'name': 'H100 cloud', 'offering': 'H100 cloud', 'utilization': 0.8, 'maxItMw': 40}],
                 'finance': {'startingCashUsd': 20000000, 'creditLineUsd': 1e10},
                 'startMonth': '2026-01', 'months': %d, 'solver': '%s'}""".formatted(months, solver)), (node, year) -> HB_WEST_2024);
    }

    static List<FixedPlan> fixedPlans() {
        return List.of(
                new FixedPlan("colocation 20 MW", Map.of(FixedPlan.key("Colocation lease", 3), 20.0), Map.of(), Map.of(), Map.of()),
                new FixedPlan("H100 30 MW", Map.of(FixedPlan.key("H100 cloud", 6), 30.0), Map.of(), Map.of(), Map.of()),
                new FixedPlan("H100 and colocation", Map.of(FixedPlan.key("H100 cloud", 2), 20.0, FixedPlan.key("Colocation lease", 12), 30.0),
                        Map.of(FixedPlan.key("S19 XP fleet", 12), 20.0), Map.of(), Map.of()));
    }

    @BeforeAll
    static void compareOnBothBackends() {
        glop = PlanEngine.compare(demoSitePlan(120, "GLOP"), fixedPlans(), RunControl.NONE);
        clp = PlanEngine.compare(demoSitePlan(120, "CLP"), fixedPlans(), RunControl.NONE);
    }

    @Test
    void everyPlanOf120MonthsIsSolvedByTheDefaultSolverItself() {
        assertThat(glop.months()).isEqualTo(120);
        assertThat(glop.plans()).extracting(PlanResult::name)
                .containsExactly("optimized", "stay on Bitcoin", "colocation 20 MW", "H100 30 MW", "H100 and colocation");
        for (PlanResult r : glop.plans()) {
            assertThat(r.status()).as(r.name() + ": " + r.explanation()).isEqualTo("OPTIMAL");
            assertThat(r.solver().name()).as(r.name()).isEqualTo("GLOP");
            assertThat(r.npvUsd()).as(r.name()).isNotNull();
        }
    }

    /** An independent backend (CLP, no presolve surprises) gives the same NPVs, to the dollar scale of 1e-7 relative. */
    @Test
    void glopAgreesWithClp() {
        for (int k = 0; k < glop.plans().size(); k++) {
            PlanResult g = glop.plans().get(k);
            PlanResult c = clp.plans().get(k);
            assertThat(c.status()).as(c.name()).isEqualTo("OPTIMAL");
            assertThat(g.npvUsd()).as(g.name()).isCloseTo(c.npvUsd(), within(1e-7 * Math.abs(c.npvUsd())));
            assertThat(g.lowestCashUsd()).as(g.name()).isCloseTo(c.lowestCashUsd(), within(1.0));
        }
    }
}
