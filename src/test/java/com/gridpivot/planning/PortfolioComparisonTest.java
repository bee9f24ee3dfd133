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

    /*
     * Fixed moves on AsicRelocationRowsTest's route (A at 90 USD/MWh → B at 40, 2.5 MW of a 100 USD/MWh fleet, 1.00 USD/TH =
     * 48,000 USD per MW, downtime 1, Jan–Mar, r = 0, cash free): the optimizer moves all 2.5 MW in Jan, NPV 92,400.
     * "stay" 2.5·10·2,160 = 54,000; "move all in Jan" = the optimizer's 92,400; "move 1 MW in Feb": A loses 10·1,416 =
     * 14,160 on it, B gains 60·744 = 44,640 less 48,000: 54,000 − 14,160 + 44,640 − 48,000 = 36,480, B paying 48,000 in Feb.
     */
    @Test
    void fixedMovesAreValuedAsWritten() {
        var pp = new com.gridpivot.planning.input.PortfolioProblem(List.of(
                new com.gridpivot.planning.input.PortfolioProblem.Site("A", com.gridpivot.lp.rows.AsicRelocationRowsTest.site("A", 90.0, 1000, 10)),
                new com.gridpivot.planning.input.PortfolioProblem.Site("B", com.gridpivot.lp.rows.AsicRelocationRowsTest.site("B", 40.0, 0, 10))),
                0.0, Double.NEGATIVE_INFINITY, 0.0, List.of(), Double.POSITIVE_INFINITY,
                List.of(new com.gridpivot.planning.input.PortfolioProblem.Relocation(0, 0, 1, 0, 48_000.0, 1)));
        FixedPlan none = new FixedPlan("site", Map.of(), Map.of(), Map.of(), Map.of());
        PortfolioResult r = PortfolioEngine.compare(pp, List.of(
                new PortfolioFixedPlan("stay", List.of(none, none), Map.of(), Map.of()),
                new PortfolioFixedPlan("move all in Jan", List.of(none, none), Map.of(), Map.of(PortfolioFixedPlan.key(0, 0), 2.5)),
                new PortfolioFixedPlan("move 1 MW in Feb", List.of(none, none), Map.of(), Map.of(PortfolioFixedPlan.key(0, 1), 1.0))), RunControl.NONE);
        assertThat(r.npvUsd()).isCloseTo(92_400.0, within(EPS));
        assertThat(r.fixedPlans().get(0).npvUsd()).isCloseTo(54_000.0, within(EPS));
        assertThat(r.fixedPlans().get(1).npvUsd()).isCloseTo(92_400.0, within(EPS));
        assertThat(r.fixedPlans().get(1).npvVsOptimizerUsd()).isCloseTo(0.0, within(EPS));
        PortfolioFixedResult feb = r.fixedPlans().get(2);
        assertThat(feb.npvUsd()).isCloseTo(36_480.0, within(EPS));
        assertThat(feb.relocations()).hasSize(1);
        assertThat(feb.relocations().get(0).month()).isEqualTo("2026-02");
        assertThat(feb.relocations().get(0).arrivalMonth()).isEqualTo("2026-03");
        assertThat(feb.sites().get(1).monthly().get(1).cashFlowUsd()).isCloseTo(-48_000.0, within(EPS));
    }
}
