package com.gridpivot.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PortfolioFixedPlan;
import com.gridpivot.planning.portfolio.PortfolioEngine;
import com.gridpivot.planning.portfolio.PortfolioResult;
import com.gridpivot.planning.portfolio.PortfolioResult.PortfolioFixedResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fixed portfolio plans beside the optimizer's (issue 19 item 3), on PortfolioPlanTest's two sites: A at 20 USD/MWh (one MW
 * started in Jan earns 116,000 USD net of its capex), B at 60 (29,600), shared budget 1,000,000 USD (10 MW of capex), starting
 * cash 2,000,000 USD, r = 0, Jan–Mar.
 */
class PortfolioComparisonTest {
    private static final double EPS = 1e-4;

    static FixedPlan starts(double mwInJan) {
        return new FixedPlan("site", mwInJan == 0.0 ? Map.of() : Map.of(FixedPlan.key("flat", 0), mwInJan), Map.of(), Map.of(), Map.of());
    }

    static PortfolioFixedPlan plan(String name, double a, double b) {
        return new PortfolioFixedPlan(name, List.of(starts(a), starts(b)), Map.of(), Map.of());
    }

    /*
     * Optimizer: A's 8 MW, then B's 2: 8·116,000 + 2·29,600 = 987,200 (PortfolioPlanTest).
     * "stay": nothing built, no fleets: NPV 0, cash 2,000,000 every month; 987,200 below the optimizer.
     * "convert B first": B 8 MW and A 2 MW in Jan (capex 1,000,000 = the budget): 8·29,600 + 2·116,000 = 236,800 + 232,000
     * = 468,800; 518,400 below; B contributes 236,800, A 232,000. Cash after Jan: 2,000,000 − 1,000,000 + (2·100 + 8·60)·744
     * = 1,505,920.
     * "both sites in full": 16 MW = 1,600,000 of capex in year 1 > 1,000,000: INFEASIBLE, no NPV.
     */
    @Test
    void fixedPlansAreEvaluatedBesideTheOptimizersPlan() {
        PortfolioResult r = PortfolioEngine.compare(PortfolioPlanTest.twoSites(List.of(1_000_000.0), Double.POSITIVE_INFINITY),
                List.of(plan("stay", 0, 0), plan("convert B first", 2, 8), plan("both sites in full", 8, 8)), RunControl.NONE);
        assertThat(r.npvUsd()).isCloseTo(987_200.0, within(EPS));
        assertThat(r.fixedPlans()).extracting(PortfolioFixedResult::name).containsExactly("stay", "convert B first", "both sites in full");

        PortfolioFixedResult stay = r.fixedPlans().get(0);
        assertThat(stay.status()).isEqualTo("OPTIMAL");
        assertThat(stay.npvUsd()).isCloseTo(0.0, within(EPS));
        assertThat(stay.npvVsOptimizerUsd()).isCloseTo(-987_200.0, within(EPS));
        assertThat(stay.monthly().get(2).cashUsd()).isCloseTo(2_000_000.0, within(EPS));

        PortfolioFixedResult b = r.fixedPlans().get(1);
        assertThat(b.npvUsd()).isCloseTo(468_800.0, within(EPS));
        assertThat(b.npvVsOptimizerUsd()).isCloseTo(-518_400.0, within(EPS));
        assertThat(b.sites().get(0).npvContributionUsd()).isCloseTo(232_000.0, within(EPS));
        assertThat(b.sites().get(1).npvContributionUsd()).isCloseTo(236_800.0, within(EPS));
        assertThat(b.sites().get(1).monthly().get(0).aiStartedMw().get("flat")).isCloseTo(8.0, within(1e-9));
        assertThat(b.monthly().get(0).cashUsd()).isCloseTo(1_505_920.0, within(EPS));
        assertThat(b.monthly().get(0).debtUsd()).isEqualTo(0.0);

        PortfolioFixedResult both = r.fixedPlans().get(2);
        assertThat(both.status()).isEqualTo("INFEASIBLE");
        assertThat(both.npvUsd()).isNull();
        assertThat(both.npvVsOptimizerUsd()).isNull();
    }
}
